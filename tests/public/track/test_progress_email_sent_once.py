"""A progress e-mail is claimed before it is sent: a task run twice sends it once, and a failure
is recorded on the row without raising."""

import socket

import pytest

from casereview.cases.models import Case
from casereview.cases.services import case_acknowledge
from casereview.public.models import ProgressEmail
from casereview.public.track.tasks import send_progress_email
from tests.cases.helpers import receive


@pytest.fixture
def progress(area, coordinator, in_march, django_capture_on_commit_callbacks):
    case = receive(area, coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        case_acknowledge(case, by=coordinator, on=case.received_on)
    return ProgressEmail.objects.get()


@pytest.fixture
def mail_server_down(settings):
    # A port nothing listens on: connecting is refused at once.
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.EMAIL_USE_TLS = False


def test_running_the_task_twice_sends_once(progress, smtp_server):
    assert send_progress_email.call(progress.pk) == "sent"
    assert send_progress_email.call(progress.pk) == "skipped"

    assert len(smtp_server.messages) == 1
    progress.refresh_from_db()
    assert progress.attempts == 1


def test_a_failure_is_recorded_and_a_later_run_sends_it(progress, mail_server_down, settings):
    assert send_progress_email.call(progress.pk) == "failed"

    progress.refresh_from_db()
    assert progress.sent_at is None
    assert progress.attempts == 1
    assert "ConnectionRefusedError" in progress.failure


def test_a_failed_email_is_sent_by_the_next_run(progress, smtp_server, settings):
    real_port = settings.EMAIL_PORT
    settings.EMAIL_PORT = 1
    assert send_progress_email.call(progress.pk) == "failed"
    settings.EMAIL_PORT = real_port

    assert send_progress_email.call(progress.pk) == "sent"

    progress.refresh_from_db()
    assert (progress.attempts, progress.failure) == (2, "")
    assert progress.sent_at is not None
    assert len(smtp_server.messages) == 1


def test_no_email_goes_to_an_address_no_longer_on_the_case(progress, smtp_server):
    Case.objects.filter(pk=progress.case_id).update(victim_email="new@example.test")

    assert send_progress_email.call(progress.pk) == "failed"

    progress.refresh_from_db()
    assert "no longer" in progress.failure
    assert smtp_server.messages == []
