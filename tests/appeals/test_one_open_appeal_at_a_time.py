"""A case has one appeal waiting for its outcome at a time; once its outcome is sent, another
can be made."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from casereview.accounts.models import User
from casereview.appeals.models import Ground, Outcome
from casereview.appeals.services import appeal_send_outcome, open_appeal
from casereview.areas.models import Area
from tests.appeals.helpers import hear, lodge
from tests.letters.helpers import decided_not_met
from tests.reviews.helpers import held

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("before_christmas")]


def test_a_second_appeal_is_refused_while_the_first_waits(area: Area, coordinator: User) -> None:
    case = decided_not_met(area, coordinator)
    first = lodge(case, coordinator)

    with pytest.raises(ValidationError) as refused:
        lodge(case, coordinator)

    assert refused.value.message_dict["ground"] == [
        "This case already has an appeal waiting for its outcome."
    ]
    assert list(case.appeals.all()) == [first]


def test_a_heard_appeal_whose_outcome_is_not_sent_is_still_open(
    area: Area, coordinator: User
) -> None:
    case = decided_not_met(area, coordinator)
    first = hear(lodge(case, coordinator), coordinator, Outcome.NOT_UPHELD)

    with pytest.raises(ValidationError):
        lodge(case, coordinator)
    assert open_appeal(case) == first


def test_after_the_outcome_is_sent_another_appeal_can_be_made(
    area: Area, coordinator: User
) -> None:
    case = held(area, coordinator)
    first = lodge(case, coordinator, ground=Ground.REVIEW_CONDUCT)
    appeal_send_outcome(hear(first, coordinator), by=coordinator)

    second = lodge(case, coordinator, ground=Ground.REVIEW_CONDUCT)

    assert open_appeal(case) == second
    assert case.appeals.count() == 2
