"""A letter to someone who prefers e-mail arrives through the real SMTP server: a short covering
note from the service's address, replies going to the council, the letter attached as a PDF.
It is sent once only."""

import pytest

from casereview.cases.workflow import Step
from casereview.letters.models import DeliveryStatus
from casereview.letters.services import write_letters
from casereview.letters.tasks import send_letter
from tests.cases.helpers import victim
from tests.letters.helpers import acknowledged, pdf_text
from tests.tasks import run_tasks


@pytest.fixture
def emailed_letter(area, coordinator):
    case = acknowledged(area, coordinator, victim=victim(preferred_contact="email"))
    [letter] = write_letters(case, Step.ACKNOWLEDGE).written
    return letter


def test_the_letter_arrives_with_its_pdf_attached(emailed_letter, smtp_server, settings):
    send_letter.enqueue(emailed_letter.pk)
    run_tasks()

    [message] = smtp_server.messages
    assert smtp_server.recipients == [["sam@example.test"]]
    assert message["To"] == "sam@example.test"
    assert message["From"] == settings.DEFAULT_FROM_EMAIL
    assert message["Reply-To"] == "community.safety@eastherts.gov.uk"
    assert message["Subject"] == emailed_letter.subject
    body = message.get_body(preferencelist=("plain",)).get_content()
    assert "Dear Sam Victim," in body
    assert "EHE-2026-0001" in body
    [attachment] = list(message.iter_attachments())
    assert attachment.get_content_type() == "application/pdf"
    assert attachment.get_filename() == "EHE-2026-0001-ct1.pdf"
    data = attachment.get_content()
    assert data == bytes(emailed_letter.pdf)
    assert "your reference is EHE-2026-0001" in pdf_text(data)

    emailed_letter.refresh_from_db()
    assert emailed_letter.status == DeliveryStatus.SENT
    assert emailed_letter.sent_at is not None
    assert emailed_letter.attempts == 1


def test_a_sent_letter_is_never_sent_again(emailed_letter, smtp_server):
    send_letter.enqueue(emailed_letter.pk)
    send_letter.enqueue(emailed_letter.pk)
    run_tasks()
    send_letter.enqueue(emailed_letter.pk)
    run_tasks()

    assert len(smtp_server.messages) == 1
    emailed_letter.refresh_from_db()
    assert emailed_letter.attempts == 1
