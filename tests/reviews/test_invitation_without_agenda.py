"""When the agenda cannot be rendered, the invitations still go, with the calendar entry and
without the agenda; minutes are not sent without both of their documents."""

from __future__ import annotations

import pytest

from casereview.reviews import documents
from casereview.reviews.services import review_schedule_meeting
from casereview.reviews.tasks import send_minutes
from tests.reviews.helpers import held, meeting_plan, voiced
from tests.tasks import run_tasks

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("before_christmas", "without_progress_emails"),
]


@pytest.fixture
def no_documents(monkeypatch):
    def unavailable(case, kind, audience, fmt):
        raise documents.DocumentNotAvailable(f"{kind} is not available")

    monkeypatch.setattr(documents, "render_document", unavailable)


def test_invitations_go_without_the_agenda_when_it_is_not_available(
    area, coordinator, smtp_server, no_documents, django_capture_on_commit_callbacks
):
    case = voiced(area, coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        review_schedule_meeting(case, by=coordinator, plan=meeting_plan(area))

    run_tasks()

    assert len(smtp_server.messages) == 5
    for message in smtp_server.messages:
        types = [part.get_content_type() for part in message.iter_attachments()]
        assert types == ["text/calendar"]
        assert "The agenda is attached" not in message.get_body().get_content()


def test_minutes_are_not_sent_without_their_documents(area, coordinator, smtp_server, no_documents):
    meeting = held(area, coordinator).meetings.get()

    send_minutes.enqueue(meeting.pk)
    run_tasks()

    assert smtp_server.messages == []
