"""An appeal is against a "not met" decision, or against how a review that was held was carried
out; nothing else can be appealed."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from casereview.accounts.models import User
from casereview.appeals.models import Appeal, Ground
from casereview.areas.models import Area
from casereview.cases.workflow import IllegalStep, Status
from tests.appeals.helpers import lodge
from tests.cases.helpers import gathering
from tests.letters.helpers import decided_not_met
from tests.reviews.helpers import held, met_case, scheduled

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("before_christmas")]


def test_a_case_not_yet_decided_cannot_be_appealed(area: Area, coordinator: User) -> None:
    case = gathering(area, coordinator)

    with pytest.raises(IllegalStep) as refused:
        lodge(case, coordinator)

    assert refused.value.message == "A case that is gathering information cannot be appealed."


def test_a_met_decision_cannot_be_appealed(area: Area, coordinator: User) -> None:
    case = met_case(area, coordinator)

    with pytest.raises(IllegalStep):
        lodge(case, coordinator)
    assert not Appeal.objects.exists()


def test_a_review_whose_meeting_is_only_arranged_cannot_be_appealed(
    area: Area, coordinator: User
) -> None:
    case = scheduled(area, coordinator)

    with pytest.raises(IllegalStep):
        lodge(case, coordinator, ground=Ground.REVIEW_CONDUCT)


def test_a_held_review_cannot_be_appealed_as_a_not_met_decision(
    area: Area, coordinator: User
) -> None:
    case = held(area, coordinator)

    with pytest.raises(ValidationError) as refused:
        lodge(case, coordinator, ground=Ground.THRESHOLD_DECISION)

    assert refused.value.message_dict["ground"] == [
        "Only a decision that the threshold was not met can be appealed."
    ]


def test_a_not_met_decision_cannot_be_appealed_as_a_review(area: Area, coordinator: User) -> None:
    case = decided_not_met(area, coordinator)

    with pytest.raises(ValidationError) as refused:
        lodge(case, coordinator, ground=Ground.REVIEW_CONDUCT)

    assert refused.value.message_dict["ground"] == ["The review has not been held yet."]


def test_a_held_review_can_be_appealed(area: Area, coordinator: User) -> None:
    case = held(area, coordinator)

    appeal = lodge(case, coordinator, ground=Ground.REVIEW_CONDUCT)

    case.refresh_from_db()
    assert appeal.ground == Ground.REVIEW_CONDUCT
    assert case.status == Status.MEETING_HELD


def test_an_unknown_ground_and_reviewer_are_refused(area: Area, coordinator: User) -> None:
    case = decided_not_met(area, coordinator)

    with pytest.raises(ValidationError) as refused:
        lodge(case, coordinator, ground="the_weather", reviewer_kind="the_mayor")

    assert refused.value.message_dict["ground"] == ["Choose what the appeal is against."]
    assert refused.value.message_dict["reviewer_kind"] == ["Choose who hears the appeal."]


def test_an_appeal_cannot_be_dated_before_the_decision(area: Area, coordinator: User) -> None:
    case = decided_not_met(area, coordinator)

    with pytest.raises(ValidationError) as refused:
        lodge(case, coordinator, received_on=dt.date(2026, 12, 1))

    assert refused.value.message_dict["received_on"] == [
        "The date cannot be before the letter appealed against (21 December 2026)."
    ]
