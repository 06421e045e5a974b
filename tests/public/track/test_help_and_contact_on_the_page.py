"""The page says where to go when unhappy with the process, how to reach the council, and lets the
person sign out."""

from django.urls import reverse

from tests.cases.helpers import receive
from tests.public.track.helpers import TRACK_URL, tracking


def test_the_page_links_to_help_and_gives_the_councils_contact_details(area, coordinator, in_march):
    case = receive(area, coordinator)

    text = tracking(case).get(TRACK_URL).content.decode()

    assert reverse("public:unhappy", kwargs={"slug": area.slug}) in text
    assert "East Hertfordshire District Council" in text
    assert 'href="mailto:community.safety@eastherts.gov.uk"' in text
    assert "01279 655261" in text
    assert f'action="{reverse("public:track_signout")}"' in text
