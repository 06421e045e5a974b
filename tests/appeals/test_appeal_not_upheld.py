"""An appeal not upheld leaves the case where it was."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from casereview.accounts.models import User
from casereview.appeals.models import AppealStatus, Ground, Outcome
from casereview.appeals.services import appeal_hear
from casereview.areas.models import Area
from casereview.cases.workflow import Status, Step
from tests.appeals.helpers import hear, lodge
from tests.letters.helpers import decided_not_met
from tests.reviews.helpers import consulting

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("before_christmas")]


def test_a_not_met_case_stays_not_met(area: Area, coordinator: User) -> None:
    case = decided_not_met(area, coordinator)

    appeal = hear(lodge(case, coordinator), coordinator, Outcome.NOT_UPHELD)
    case.refresh_from_db()

    assert appeal.status == AppealStatus.HEARD
    assert appeal.outcome == Outcome.NOT_UPHELD
    assert case.status == Status.THRESHOLD_NOT_MET
    assert case.threshold_met is False
    assert case.events.filter(step=Step.DISMISS_APPEAL).count() == 1


def test_a_reviewed_case_stays_where_it_was(area: Area, coordinator: User) -> None:
    case = consulting(area, coordinator)

    hear(lodge(case, coordinator, ground=Ground.REVIEW_CONDUCT), coordinator, Outcome.NOT_UPHELD)
    case.refresh_from_db()

    assert case.status == Status.CONSULTING_VICTIM


def test_a_hearing_needs_an_outcome_reasons_and_a_date(area: Area, coordinator: User) -> None:
    case = decided_not_met(area, coordinator)
    appeal = lodge(case, coordinator)

    with pytest.raises(ValidationError) as refused:
        appeal_hear(appeal, by=coordinator, heard_on=None, outcome="maybe", reasons=" ")

    assert refused.value.message_dict == {
        "outcome": ["Choose whether the appeal is upheld."],
        "heard_on": ["Enter a date."],
        "reasons": ["Give the reasons for the outcome."],
    }
    appeal.refresh_from_db()
    assert appeal.status == AppealStatus.LODGED


def test_an_appeal_is_heard_once(area: Area, coordinator: User) -> None:
    case = decided_not_met(area, coordinator)
    appeal = hear(lodge(case, coordinator), coordinator, Outcome.NOT_UPHELD)

    with pytest.raises(ValidationError) as refused:
        hear(appeal, coordinator, Outcome.UPHELD)

    assert refused.value.message_dict["outcome"] == ["This appeal has already been heard."]
    case.refresh_from_db()
    assert case.status == Status.THRESHOLD_NOT_MET
