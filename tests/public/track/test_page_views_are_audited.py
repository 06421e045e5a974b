"""Each view of the tracking page and each letter downloaded there is in the case's audit log."""

from django.urls import reverse

from casereview.audit.log import views_of
from tests.cases.helpers import receive
from tests.public.track.helpers import TRACK_URL, letter_to, tracking


def test_the_page_and_a_download_are_recorded_without_a_user(area, coordinator, in_march):
    case = receive(area, coordinator)
    letter = letter_to(case)
    client = tracking(case)

    client.get(TRACK_URL)
    client.get(reverse("public:track_letter", kwargs={"pk": letter.pk, "fmt": "pdf"}))

    records = views_of(case)
    assert [record.what for record in records] == [
        "tracking page",
        "letter ct1 (pdf) on the tracking page",
    ]
    assert all(record.user is None for record in records)
    assert records[0].path == TRACK_URL
