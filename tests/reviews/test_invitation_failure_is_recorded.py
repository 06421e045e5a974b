"""An invitation the mail server refuses is recorded against the panel member (or the chair's
meeting), and sent when the task runs again."""

from __future__ import annotations

import socket

import pytest

from casereview.reviews.services import review_schedule_meeting
from casereview.reviews.tasks import send_invitations
from tests.reviews.helpers import meeting_plan, voiced
from tests.tasks import run_tasks

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("before_christmas")]


def a_closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_a_refused_invitation_is_recorded_and_sent_on_the_next_run(
    area, coordinator, settings, smtp_server
):
    case = voiced(area, coordinator)
    meeting = review_schedule_meeting(case, by=coordinator, plan=meeting_plan(area)).meeting
    working_port = settings.EMAIL_PORT
    settings.EMAIL_PORT = a_closed_port()
    settings.EMAIL_TIMEOUT = 2

    send_invitations.enqueue(meeting.pk)
    run_tasks()

    members = list(meeting.panel.all())
    assert smtp_server.messages == []
    assert all(m.invited_at is None for m in members)
    assert all("ConnectionRefusedError" in m.invitation_error for m in members)
    meeting.refresh_from_db()
    assert meeting.chair_invited_at is None
    assert "ConnectionRefusedError" in meeting.chair_invitation_error

    settings.EMAIL_PORT = working_port
    send_invitations.enqueue(meeting.pk)
    run_tasks()

    sent_to = [to for [to] in smtp_server.recipients]
    for member in members:
        assert sent_to.count(member.email) == 1
    assert sent_to.count(meeting.chair_email) == 1
    meeting.refresh_from_db()
    assert meeting.chair_invited_at is not None
    assert meeting.chair_invitation_error == ""
    for member in meeting.panel.all():
        assert member.invited_at is not None
        assert member.invitation_error == ""
