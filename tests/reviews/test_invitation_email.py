"""Arranging the meeting invites the chair and each panel member by e-mail, through the worker
and a real SMTP server: a briefing note on the review, the calendar entry and the agenda."""

from __future__ import annotations

import datetime as dt

import pytest
from icalendar import Calendar

from casereview.reviews.services import review_schedule_meeting
from tests.letters.helpers import pdf_text
from tests.reviews.helpers import ALLEGED, meeting_plan, voiced
from tests.tasks import run_tasks, waiting_tasks

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("before_christmas", "without_progress_emails"),
]


def attachments(message):
    return {part.get_filename(): part for part in message.iter_attachments()}


def body_text(message) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()


@pytest.fixture
def invited(area, coordinator, smtp_server, django_capture_on_commit_callbacks):
    case = voiced(area, coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        meeting = review_schedule_meeting(case, by=coordinator, plan=meeting_plan(area)).meeting
    return case, meeting


def test_arranging_the_meeting_queues_the_invitations_for_the_worker(invited, smtp_server):
    assert "casereview.reviews.tasks.send_invitations" in waiting_tasks()
    assert smtp_server.messages == []

    run_tasks()

    assert sorted(to for [to] in smtp_server.recipients) == [
        "chair@example.org",
        "fire@example.org",
        "member1@example.org",
        "member2@example.org",
        "member3@example.org",
    ]


def test_each_invitation_carries_the_calendar_entry_of_the_meeting(invited, smtp_server):
    case, meeting = invited
    run_tasks()

    for message in smtp_server.messages:
        part = attachments(message)[f"{case.reference}-meeting-1.ics"]
        assert part.get_content_type() == "text/calendar"
        assert part.get_param("method") == "REQUEST"
        [event] = Calendar.from_ical(part.get_content()).walk("VEVENT")
        assert str(event["UID"]).startswith(f"casereview-meeting-{meeting.pk}@")
        # Arranged for 2pm on Monday 21 December 2026, Greenwich Mean Time.
        assert event.decoded("DTSTART") == dt.datetime(2026, 12, 21, 14, tzinfo=dt.UTC)
        assert event.decoded("DTSTART") == meeting.starts_at
        assert str(event["LOCATION"]) == "Wallfields, Pegs Lane, Hertford"
        assert event["SEQUENCE"] == 0


def test_the_invitation_is_a_briefing_note_on_the_purpose_and_format(invited, smtp_server):
    case, _ = invited
    run_tasks()

    message = next(m for m in smtp_server.messages if m["To"] == "member1@example.org")
    text = " ".join(body_text(message).split())
    assert message["Subject"] == (
        f"Invitation: ASB Case Review {case.reference} panel meeting, 21 December 2026 at 2pm"
    )
    assert text.startswith("Dear Member 1,")
    assert "When: 21 December 2026 at 2pm (120 minutes)" in text
    assert "Where: Wallfields, Pegs Lane, Hertford" in text
    assert "Chair: Pat Chair, Broxbourne Borough Council" in text
    assert "BRIEFING NOTE: THE PURPOSE AND FORMAT OF THE CASE REVIEW" in text
    assert "Anti-social Behaviour, Crime and Policing Act 2014" in text
    # The victim chose to attend: the meeting starts with them.
    assert "The victim has chosen to attend" in text
    assert "for the first 30 minutes" in text
    assert "will follow once attendance is confirmed" in text
    assert "within 5 working days" in text
    assert message["Reply-To"] == "community.safety@eastherts.gov.uk"


def test_the_chair_is_thanked_for_chairing(invited, smtp_server):
    run_tasks()

    message = next(m for m in smtp_server.messages if m["To"] == "chair@example.org")
    assert "Dear Pat Chair," in body_text(message)
    assert "Thank you for agreeing to chair" in " ".join(body_text(message).split())


def test_the_panels_agenda_is_attached_as_a_pdf(invited, smtp_server):
    case, _ = invited
    run_tasks()

    for message in smtp_server.messages:
        part = attachments(message)[f"{case.reference}-agenda-panel.pdf"]
        assert part.get_content_type() == "application/pdf"
        assert case.reference in pdf_text(part.get_content())
        assert "The agenda is attached too." in body_text(message)


def test_the_invitation_never_names_the_victim_or_the_people_alleged_responsible(
    invited, smtp_server
):
    case, _ = invited
    run_tasks()

    for message in smtp_server.messages:
        ics = attachments(message)[f"{case.reference}-meeting-1.ics"].get_content()
        for text in (message["Subject"], body_text(message), ics.replace("\r\n ", "")):
            assert case.victim_name not in text
            assert "High Street" not in text
            assert ALLEGED not in text


def test_each_member_invited_is_recorded(invited):
    _, meeting = invited
    run_tasks()

    for member in meeting.panel.all():
        assert member.invited_at is not None
        assert member.invitation_error == ""
