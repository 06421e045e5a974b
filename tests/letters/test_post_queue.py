"""The post queue lists the letters waiting to be posted in the person's areas, oldest first,
and drops each once it is marked as posted."""

import time_machine
from django.urls import reverse

from tests.cases.helpers import at, victim
from tests.factories import make_user
from tests.letters.helpers import letter_urls, posted_ct1


def test_the_queue_lists_waiting_letters_oldest_first(area, coordinator, staff_client):
    with time_machine.travel(at(2026, 3, 13), tick=False):
        older = posted_ct1(
            area, coordinator, victim=victim("Ali Older", email="ali@example.test", phone="01")
        )
    newer = posted_ct1(area, coordinator)

    page = staff_client(coordinator).get(reverse("letters:post-queue")).content.decode()

    assert page.index(older.case.reference) < page.index(newer.case.reference)
    assert "Ali Older" in page
    assert "Sam Victim" in page
    assert letter_urls(older)["mark-posted"] in page


def test_the_queue_shows_only_the_persons_areas(area, coordinator, other_area, staff_client):
    ours = posted_ct1(area, coordinator)
    theirs = posted_ct1(other_area, make_user(None, "coordinator", other_area))

    page = staff_client(coordinator).get(reverse("letters:post-queue")).content.decode()

    assert ours.case.reference in page
    assert theirs.case.reference not in page


def test_a_posted_letter_leaves_the_queue(area, coordinator, staff_client):
    letter = posted_ct1(area, coordinator)
    client = staff_client(coordinator)

    client.post(letter_urls(letter)["mark-posted"], {"next": reverse("letters:post-queue")})
    page = client.get(reverse("letters:post-queue")).content.decode()

    assert letter.case.reference not in page
    assert "There are no letters waiting to be posted." in page
