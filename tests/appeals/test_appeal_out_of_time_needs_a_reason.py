"""An appeal made after the window closes is refused unless a reason for accepting it late is
given; with one, it is accepted and marked late."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from casereview.accounts.models import User
from casereview.appeals.models import Appeal
from casereview.areas.models import Area
from casereview.cases.workflow import Step
from tests.appeals.helpers import lodge
from tests.letters.helpers import decided_not_met
from tests.reviews.helpers import later

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_march")]


def test_an_appeal_out_of_time_without_a_reason_is_refused(area: Area, coordinator: User) -> None:
    case = decided_not_met(area, coordinator)

    with later(29), pytest.raises(ValidationError) as refused:
        lodge(case, coordinator)

    assert refused.value.message_dict["late_reason"] == [
        "The appeal was made on 14 April 2026, after the window closed on 13 April 2026. "
        "Give the reason for accepting it late."
    ]
    assert not Appeal.objects.filter(case=case).exists()
    assert not case.events.filter(step=Step.LODGE_APPEAL).exists()


def test_a_blank_reason_is_no_reason(area: Area, coordinator: User) -> None:
    case = decided_not_met(area, coordinator)

    with later(40), pytest.raises(ValidationError) as refused:
        lodge(case, coordinator, late_reason="   ")

    assert "late_reason" in refused.value.message_dict


def test_an_appeal_out_of_time_with_a_reason_is_accepted_late(
    area: Area, coordinator: User
) -> None:
    case = decided_not_met(area, coordinator)

    with later(29):
        appeal = lodge(case, coordinator, late_reason=" The victim was in hospital. ")

    assert appeal.is_late is True
    assert appeal.received_on == dt.date(2026, 4, 14)
    assert appeal.late_reason == "The victim was in hospital."
    assert case.events.filter(step=Step.LODGE_APPEAL).get().data["late"] is True


def test_a_reason_given_for_an_appeal_in_time_is_not_kept(area: Area, coordinator: User) -> None:
    case = decided_not_met(area, coordinator)

    appeal = lodge(case, coordinator, late_reason="Not needed")

    assert appeal.is_late is False
    assert appeal.late_reason == ""
