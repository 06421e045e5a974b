"""The tracking page and its letters need a link opened in this browser; signing out ends it."""

from django.urls import reverse

from tests.cases.helpers import receive
from tests.public.track.helpers import TRACK_URL, letter_to, tracking


def test_without_a_link_the_page_sends_people_to_ask_for_one(client, area, coordinator, in_march):
    case = receive(area, coordinator)
    letter = letter_to(case)

    assert client.get(TRACK_URL)["Location"] == reverse("public:track_start")
    download = reverse("public:track_letter", kwargs={"pk": letter.pk, "fmt": "pdf"})
    assert client.get(download)["Location"] == reverse("public:track_start")


def test_signing_out_ends_access_to_the_page(area, coordinator, in_march):
    client = tracking(receive(area, coordinator))

    response = client.post(reverse("public:track_signout"), follow=True)

    assert "You have left your case" in response.content.decode()
    assert client.get(TRACK_URL)["Location"] == reverse("public:track_start")


def test_signing_out_needs_a_post(area, coordinator, in_march):
    client = tracking(receive(area, coordinator))

    assert client.get(reverse("public:track_signout")).status_code == 405
    assert client.get(TRACK_URL).status_code == 200
