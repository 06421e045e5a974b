"""After the meeting: the outcome opens the victim's comment window, a comment lets the plan be
made final at once, the minutes meet their deadline, and the lead agency can change."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from casereview.cases.models import DeadlineKind
from casereview.cases.workflow import Status
from casereview.reviews.services import (
    review_change_lead_agency,
    review_circulate_minutes,
    review_finalise_plan,
    review_record_victim_comment,
)
from tests.reviews.helpers import consulting, held

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("before_christmas")]


def test_the_outcome_gives_the_victim_ten_working_days_to_comment(area, coordinator):
    case = consulting(area, coordinator)

    meeting = case.meetings.get()
    assert case.status == Status.CONSULTING_VICTIM
    assert meeting.outcome_sent_on == dt.date(2026, 12, 21)
    # Ten working days from Monday 21 December 2026, skipping Christmas, Boxing Day (in lieu on
    # the 28th) and New Year's Day: Thursday 7 January 2027.
    assert meeting.comment_until == dt.date(2027, 1, 7)
    window = case.deadlines.get(kind=DeadlineKind.VICTIM_COMMENT)
    assert (window.due_on, window.informational) == (dt.date(2027, 1, 7), True)
    assert case.deadlines.get(kind=DeadlineKind.OUTCOME).met_on == dt.date(2026, 12, 21)
    appeal_window = case.deadlines.get(kind=DeadlineKind.REVIEW_REQUEST)
    assert appeal_window.due_on == dt.date(2027, 1, 18)


def test_a_recorded_comment_lets_the_plan_be_made_final_before_the_window_ends(area, coordinator):
    case = consulting(area, coordinator)

    case = review_record_victim_comment(
        case,
        by=coordinator,
        received_on=timezone.localdate(),
        how="email",
        text="Please add a follow-up visit.",
    )
    case = review_finalise_plan(case, by=coordinator)

    assert case.status == Status.MONITORING
    meeting = case.meetings.get()
    assert meeting.plan_finalised_on == timezone.localdate()
    assert list(meeting.victim_comments.values_list("text", flat=True)) == [
        "Please add a follow-up visit."
    ]


def test_a_comment_needs_its_text(area, coordinator):
    case = consulting(area, coordinator)

    with pytest.raises(ValidationError) as refused:
        review_record_victim_comment(
            case, by=coordinator, received_on=timezone.localdate(), how="phone", text=" "
        )

    assert refused.value.message_dict == {"text": ["Enter the victim's comments."]}


def test_sending_the_minutes_meets_their_deadline(area, coordinator):
    case = held(area, coordinator)
    assert case.deadlines.get(kind=DeadlineKind.MINUTES).met_on is None

    case = review_circulate_minutes(case, by=coordinator)

    assert case.deadlines.get(kind=DeadlineKind.MINUTES).met_on == timezone.localdate()


def test_the_lead_agency_changes_after_the_review_with_a_reason(area, coordinator):
    case = held(area, coordinator)
    housing = next(a for a in area.agencies.all() if a.kind == "housing")

    with pytest.raises(ValidationError) as refused:
        review_change_lead_agency(case, by=coordinator, agency=housing, reason="")
    assert "reason" in refused.value.message_dict

    case = review_change_lead_agency(
        case, by=coordinator, agency=housing, reason="The tenancy is the route to a solution."
    )
    assert case.lead_agency == housing
    event = case.events.last()
    assert event is not None
    assert event.data == {"from": area.council.code, "to": housing.code}
