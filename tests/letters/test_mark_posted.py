"""Someone who can act on a case marks a printed letter as posted; someone who can only read
the case can view the letter but not mark it."""

import datetime as dt

from casereview.cases.workflow import Step
from casereview.letters.models import DeliveryStatus
from casereview.letters.services import write_letters
from tests.cases.helpers import victim
from tests.letters.helpers import acknowledged, letter_urls, posted_ct1


def test_a_coordinator_marks_a_letter_as_posted(area, coordinator, staff_client):
    letter = posted_ct1(area, coordinator)

    response = staff_client(coordinator).post(letter_urls(letter)["mark-posted"])

    assert response.status_code == 302
    letter.refresh_from_db()
    assert letter.status == DeliveryStatus.POSTED
    assert letter.posted_on == dt.date(2026, 3, 16)
    assert letter.posted_by == coordinator


def test_a_read_only_member_can_view_but_not_mark_posted(
    area, coordinator, read_only, staff_client
):
    letter = posted_ct1(area, coordinator)
    client = staff_client(read_only)

    page = client.get(letter_urls(letter)["letter"])
    refused = client.post(letter_urls(letter)["mark-posted"])

    assert page.status_code == 200
    assert letter_urls(letter)["mark-posted"] not in page.content.decode()
    assert refused.status_code == 403
    letter.refresh_from_db()
    assert letter.status == DeliveryStatus.TO_POST


def test_an_emailed_letter_cannot_be_marked_as_posted(area, coordinator, staff_client):
    case = acknowledged(area, coordinator, victim=victim(preferred_contact="email"))
    [letter] = write_letters(case, Step.ACKNOWLEDGE).written

    response = staff_client(coordinator).post(letter_urls(letter)["mark-posted"], follow=True)

    assert (
        "Only a letter waiting to be posted can be marked as posted." in response.content.decode()
    )
    letter.refresh_from_db()
    assert letter.status == DeliveryStatus.WAITING


def test_marking_posted_needs_a_post(area, coordinator, staff_client):
    letter = posted_ct1(area, coordinator)

    response = staff_client(coordinator).get(letter_urls(letter)["mark-posted"])

    assert response.status_code == 405
