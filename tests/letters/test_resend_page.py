"""Staff who can act on a case try a failed e-mail again from the letter's page; a read-only
member cannot."""

from casereview.cases.workflow import Step
from casereview.letters.models import DeliveryStatus, Letter
from casereview.letters.services import write_letters
from tests.cases.helpers import victim
from tests.letters.helpers import acknowledged, letter_urls
from tests.tasks import waiting_tasks


def failed_letter(area, coordinator) -> Letter:
    case = acknowledged(area, coordinator, victim=victim(preferred_contact="email"))
    [letter] = write_letters(case, Step.ACKNOWLEDGE).written
    Letter.objects.filter(pk=letter.pk).update(
        status=DeliveryStatus.FAILED, attempts=1, failure="ConnectionRefusedError"
    )
    letter.refresh_from_db()
    return letter


def test_the_page_offers_a_retry_and_the_retry_queues_the_email(
    area, coordinator, staff_client, django_capture_on_commit_callbacks
):
    letter = failed_letter(area, coordinator)
    client = staff_client(coordinator)

    page = client.get(letter_urls(letter)["letter"]).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(letter_urls(letter)["resend"])

    assert "ConnectionRefusedError" in page
    assert letter_urls(letter)["resend"] in page
    assert response.status_code == 302
    letter.refresh_from_db()
    assert letter.status == DeliveryStatus.WAITING
    assert waiting_tasks() == ["casereview.letters.tasks.send_letter"]


def test_a_read_only_member_cannot_retry(area, coordinator, read_only, staff_client):
    letter = failed_letter(area, coordinator)

    response = staff_client(read_only).post(letter_urls(letter)["resend"])

    assert response.status_code == 403
    letter.refresh_from_db()
    assert letter.status == DeliveryStatus.FAILED
