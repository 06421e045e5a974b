"""Recording the meeting: attendance of every panel member, actions due after the meeting, a
record corrected until the outcome is sent, and a warning when too few relevant bodies came."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from casereview.cases.models import CaseEvent
from casereview.cases.workflow import IllegalStep, Step
from casereview.reviews.services import ActionEntry, review_record_meeting, review_send_outcome
from tests.reviews.helpers import held, record, scheduled

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("before_christmas")]


def test_every_panel_member_is_marked_as_attending_or_not(area, coordinator):
    case = scheduled(area, coordinator)
    complete = record(case, timezone.localdate())

    with pytest.raises(ValidationError) as refused:
        review_record_meeting(
            case, by=coordinator, record=dataclasses.replace(complete, attendance={})
        )

    [message] = refused.value.message_dict["attendance"]
    assert message.startswith("Say whether each panel member attended: Member 1, Member 2")


def test_an_action_due_before_the_meeting_and_one_without_an_owner_are_refused(area, coordinator):
    case = scheduled(area, coordinator)
    today = timezone.localdate()
    bad = [
        ActionEntry("Visit", case.area.council, today - dt.timedelta(days=1)),
        ActionEntry("Write", None, today),
    ]

    with pytest.raises(ValidationError) as refused:
        review_record_meeting(
            case, by=coordinator, record=dataclasses.replace(record(case, today), actions=bad)
        )

    assert refused.value.message_dict["action-1"] == ["Action 1 cannot be due before the meeting."]
    assert refused.value.message_dict["action-2"] == ["Choose the agency that owns action 2."]


def test_the_record_is_corrected_until_the_outcome_is_sent(area, coordinator):
    case = held(area, coordinator)
    today = timezone.localdate()
    corrected = dataclasses.replace(
        record(case, today),
        actions=[ActionEntry("Only action", case.area.council, today + dt.timedelta(days=7))],
    )

    case = review_record_meeting(case, by=coordinator, record=corrected)
    assert list(case.meetings.get().actions.values_list("description", flat=True)) == [
        "Only action"
    ]

    case = review_send_outcome(case, by=coordinator)
    with pytest.raises(IllegalStep):
        review_record_meeting(case, by=coordinator, record=corrected)


def test_too_few_relevant_bodies_attending_is_a_warning_kept_with_the_event(area, coordinator):
    case = scheduled(area, coordinator)
    meeting = case.meetings.get()
    absent = meeting.panel.filter(relevant_body=True).order_by("pk")[0]
    complete = record(case, timezone.localdate())
    attendance = {**complete.attendance, absent.pk: False}

    review_record_meeting(
        case, by=coordinator, record=dataclasses.replace(complete, attendance=attendance)
    )

    event = CaseEvent.objects.get(case=case, step=Step.RECORD_MEETING)
    assert event.data["warnings"] == [
        "Only 2 of the area's relevant bodies attended; the policy asks for 3."
    ]
    absent.refresh_from_db()
    assert absent.attended is False
