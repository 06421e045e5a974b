"""Each person is invited once for each arrangement of the meeting: running the task again sends
nothing more, a member without an e-mail address is recorded as not invited, and arranging the
meeting again sends an updated calendar entry with a higher SEQUENCE and the same UID."""

from __future__ import annotations

import datetime as dt

import pytest
from icalendar import Calendar

from casereview.reviews.services import MeetingPlan, PanelEntry, review_schedule_meeting
from casereview.reviews.tasks import NO_EMAIL, send_invitations
from tests.reviews.helpers import LONDON, meeting_plan, panel, voiced
from tests.tasks import run_tasks

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("before_christmas", "without_progress_emails"),
]


def event_of(message):
    [part] = [p for p in message.iter_attachments() if p.get_content_type() == "text/calendar"]
    [event] = Calendar.from_ical(part.get_content()).walk("VEVENT")
    return event


def arrange(case, coordinator, capture, plan: MeetingPlan):
    with capture(execute=True):
        return review_schedule_meeting(case, by=coordinator, plan=plan).meeting


def test_running_the_task_twice_sends_each_invitation_once(
    area, coordinator, smtp_server, django_capture_on_commit_callbacks
):
    case = voiced(area, coordinator)
    meeting = arrange(case, coordinator, django_capture_on_commit_callbacks, meeting_plan(area))
    send_invitations.enqueue(meeting.pk)

    run_tasks()
    first = len(smtp_server.messages)
    send_invitations.enqueue(meeting.pk)
    run_tasks()

    assert first == 5
    assert len(smtp_server.messages) == 5


def test_a_member_without_an_email_address_is_skipped_and_recorded(
    area, coordinator, smtp_server, django_capture_on_commit_callbacks
):
    case = voiced(area, coordinator)
    entries = [*panel(area), PanelEntry(name="No Address", organisation="Mind in Herts")]
    plan = MeetingPlan(**{**meeting_plan(area).__dict__, "panel": entries})
    meeting = arrange(case, coordinator, django_capture_on_commit_callbacks, plan)

    run_tasks()

    assert len(smtp_server.messages) == 5
    member = meeting.panel.get(name="No Address")
    assert member.invited_at is None
    assert member.invitation_error == NO_EMAIL


def test_arranging_the_meeting_again_updates_the_calendar_entry(
    area, coordinator, smtp_server, django_capture_on_commit_callbacks
):
    case = voiced(area, coordinator)
    meeting = arrange(case, coordinator, django_capture_on_commit_callbacks, meeting_plan(area))
    run_tasks()
    first = {m["To"]: event_of(m) for m in smtp_server.messages}

    later = MeetingPlan(
        **{
            **meeting_plan(area).__dict__,
            "starts_at": dt.datetime(2027, 1, 6, 10, tzinfo=LONDON),
            "place": "Charringtons House, Bishop's Stortford",
        }
    )
    again = arrange(case, coordinator, django_capture_on_commit_callbacks, later)
    smtp_server.messages.clear()
    run_tasks()
    second = {m["To"]: event_of(m) for m in smtp_server.messages}

    assert again.pk == meeting.pk
    assert set(second) == set(first)
    for to, event in second.items():
        assert str(event["UID"]) == str(first[to]["UID"])
        assert event["SEQUENCE"] == 1
        assert first[to]["SEQUENCE"] == 0
        assert event.decoded("DTSTART") == dt.datetime(2027, 1, 6, 10, tzinfo=dt.UTC)
        assert str(event["LOCATION"]) == "Charringtons House, Bishop's Stortford"
    assert all(m["Subject"].startswith("Updated invitation:") for m in smtp_server.messages)


def test_no_invitation_goes_once_the_meeting_is_held(
    area, coordinator, smtp_server, django_capture_on_commit_callbacks
):
    case = voiced(area, coordinator)
    meeting = arrange(case, coordinator, django_capture_on_commit_callbacks, meeting_plan(area))
    meeting.held_on = meeting.starts_at.date()
    meeting.save(update_fields=["held_on"])

    run_tasks()

    assert smtp_server.messages == []
