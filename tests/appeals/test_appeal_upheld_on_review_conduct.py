"""An appeal upheld against how the review was carried out sends the case back to have the
review reconvened: a second meeting is arranged."""

from __future__ import annotations

import pytest

from casereview.accounts.models import User
from casereview.appeals.models import Ground, Outcome
from casereview.areas.models import Area
from casereview.cases.workflow import Status, Step
from casereview.reviews.services import review_schedule_meeting
from tests.appeals.helpers import hear, lodge
from tests.reviews.helpers import consulting, meeting_plan, monitoring

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("before_christmas")]


def test_the_case_goes_back_to_threshold_met_for_a_new_meeting(
    area: Area, coordinator: User
) -> None:
    case = consulting(area, coordinator)

    hear(lodge(case, coordinator, ground=Ground.REVIEW_CONDUCT), coordinator, Outcome.UPHELD)
    case.refresh_from_db()

    assert case.status == Status.THRESHOLD_MET
    assert case.threshold_met is True
    assert case.events.filter(step=Step.UPHOLD_APPEAL_RECONVENE).count() == 1


def test_the_reconvened_review_is_meeting_number_two(area: Area, coordinator: User) -> None:
    case = monitoring(area, coordinator)
    hear(lodge(case, coordinator, ground=Ground.REVIEW_CONDUCT), coordinator, Outcome.UPHELD)
    case.refresh_from_db()

    scheduled = review_schedule_meeting(case, by=coordinator, plan=meeting_plan(area))

    assert scheduled.meeting.number == 2
    assert scheduled.case.status == Status.MEETING_SCHEDULED
    assert list(case.meetings.values_list("number", flat=True)) == [1, 2]
    # The first meeting keeps its record.
    assert case.meetings.get(number=1).held_on is not None
