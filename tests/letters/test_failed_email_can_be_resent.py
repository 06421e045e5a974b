"""An e-mail that cannot be delivered (the mail server is down) is recorded as failed with the
reason, and can be tried again once the server is back."""

import socket

import pytest

from casereview.cases.workflow import Step
from casereview.letters.models import DeliveryStatus
from casereview.letters.services import LetterNotResendable, letter_retry, write_letters
from casereview.letters.tasks import send_letter
from tests.cases.helpers import victim
from tests.letters.helpers import acknowledged
from tests.tasks import run_tasks, waiting_tasks


def a_closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def mail_server_down(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = a_closed_port()
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_TIMEOUT = 2


@pytest.fixture
def emailed_letter(area, coordinator):
    case = acknowledged(area, coordinator, victim=victim(preferred_contact="email"))
    [letter] = write_letters(case, Step.ACKNOWLEDGE).written
    return letter


def test_a_send_to_a_server_that_is_down_is_recorded_as_failed(emailed_letter, mail_server_down):
    send_letter.enqueue(emailed_letter.pk)
    run_tasks()

    emailed_letter.refresh_from_db()
    assert emailed_letter.status == DeliveryStatus.FAILED
    assert emailed_letter.attempts == 1
    assert "ConnectionRefusedError" in emailed_letter.failure
    assert emailed_letter.sent_at is None


def test_a_failed_letter_is_sent_when_tried_again(
    emailed_letter, mail_server_down, coordinator, django_capture_on_commit_callbacks, request
):
    send_letter.enqueue(emailed_letter.pk)
    run_tasks()
    mailbox = request.getfixturevalue("smtp_server")  # the server comes back

    with django_capture_on_commit_callbacks(execute=True):
        retried = letter_retry(emailed_letter, by=coordinator)
    assert retried.status == DeliveryStatus.WAITING
    assert waiting_tasks() == ["casereview.letters.tasks.send_letter"]
    run_tasks()

    emailed_letter.refresh_from_db()
    assert emailed_letter.status == DeliveryStatus.SENT
    assert emailed_letter.attempts == 2
    assert emailed_letter.failure == ""
    assert len(mailbox.messages) == 1


def test_only_a_failed_letter_can_be_tried_again(emailed_letter, coordinator, smtp_server):
    send_letter.enqueue(emailed_letter.pk)
    run_tasks()

    with pytest.raises(LetterNotResendable):
        letter_retry(emailed_letter, by=coordinator)
