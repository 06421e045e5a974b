"""Opening the link of a Welsh case sets the page language to Welsh."""

from django.conf import settings

from tests.cases.helpers import receive, victim
from tests.public.track.helpers import TRACK_URL, link_for


def test_opening_a_welsh_cases_link_sets_the_language_cookie(client, area, coordinator, in_march):
    case = receive(area, coordinator, victim=victim(language="cy"))

    response = client.get(link_for(case))

    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "cy"
    page = client.get(TRACK_URL)
    assert page.status_code == 200
    assert '<html lang="cy"' in page.content.decode()


def test_an_english_case_is_shown_in_english(client, area, coordinator, in_march):
    case = receive(area, coordinator)

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "cy"
    response = client.get(link_for(case))

    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    assert '<html lang="en"' in client.get(TRACK_URL).content.decode()
