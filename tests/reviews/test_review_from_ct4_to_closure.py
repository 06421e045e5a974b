"""A case goes from the threshold decision through the review to closure, one service step at a
time, with the statuses and deadlines each step leaves."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from casereview.cases.models import DeadlineKind
from casereview.cases.services import case_close
from casereview.cases.workflow import Status
from casereview.reviews.models import ActionStatus
from casereview.reviews.services import review_finalise_plan, review_update_action
from tests.reviews.helpers import consulting, held, later, monitoring, scheduled, voiced

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("before_christmas")]


def due(case, kind):
    return case.deadlines.get(kind=kind, action=None, appeal=None)


def test_the_victims_choice_meets_the_deadline_to_contact_them(area, coordinator):
    case = voiced(area, coordinator)

    assert case.status == Status.THRESHOLD_MET
    assert due(case, DeadlineKind.VICTIM_CONTACT).met_on == timezone.localdate()
    assert case.victim_voice.choice == "attend_in_person"


def test_a_scheduled_meeting_invites_the_victim_who_chose_to_attend(area, coordinator):
    case = scheduled(area, coordinator)

    meeting = case.meetings.get()
    assert case.status == Status.MEETING_SCHEDULED
    assert meeting.victim_invited is True
    assert meeting.panel.filter(relevant_body=True).count() == 3
    assert meeting.panel.filter(relevant_body=False).get().organisation.startswith("Hertford")


def test_a_held_meeting_sets_outcome_and_minutes_due_five_working_days_later(area, coordinator):
    case = held(area, coordinator)

    meeting = case.meetings.get()
    assert case.status == Status.MEETING_HELD
    # Held Monday 21 December 2026: Christmas Day, the weekend and the Boxing Day substitute
    # (Monday 28th) are skipped, so five working days on is Wednesday 30 December.
    assert meeting.held_on == dt.date(2026, 12, 21)
    assert due(case, DeadlineKind.OUTCOME).due_on == dt.date(2026, 12, 30)
    assert due(case, DeadlineKind.MINUTES).due_on == dt.date(2026, 12, 30)
    assert case.deadlines.filter(kind=DeadlineKind.ACTION).count() == 2


def test_the_plan_cannot_be_made_final_while_the_victim_may_still_comment(area, coordinator):
    case = consulting(area, coordinator)
    meeting = case.meetings.get()

    with pytest.raises(ValidationError) as refused:
        review_finalise_plan(case, by=coordinator)

    assert "to comment on the draft action plan" in refused.value.messages[0]
    assert meeting.comment_until is not None
    with later((meeting.comment_until - timezone.localdate()).days + 1):
        case = review_finalise_plan(case, by=coordinator)
    assert case.status == Status.MONITORING


def test_a_monitored_case_closes_once_every_action_is_done_or_cancelled(area, coordinator):
    case = monitoring(area, coordinator)
    first, second = case.meetings.get().actions.order_by("pk")

    with pytest.raises(ValidationError) as refused:
        case_close(case, by=coordinator, reason="All done.")
    assert "2 actions of the plan are not done or cancelled" in refused.value.messages[0]

    case = review_update_action(
        case, first, by=coordinator, status=ActionStatus.DONE, completed_on=timezone.localdate()
    )
    case = review_update_action(
        case, second, by=coordinator, status=ActionStatus.CANCELLED, progress="Moved away."
    )
    case = case_close(case, by=coordinator, reason="Every action is complete.")

    assert case.status == Status.CLOSED
    assert case.deadlines.get(kind=DeadlineKind.ACTION, action=first).met_on is not None
