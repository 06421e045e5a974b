"""In Welsh: the pages say so (lang="cy"), the draft starts in Welsh, and the language question
starts with the page's language chosen."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client

from casereview.areas.models import Area
from tests.public.apply.helpers import answer_all, for_myself, page_url, start, start_url

pytestmark = pytest.mark.usefixtures("in_march")


def welsh_client() -> Client:
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "cy"
    return client


def test_the_start_page_is_in_welsh(area: Area) -> None:
    page = welsh_client().get(start_url(area)).content.decode()

    assert 'lang="cy"' in page


def test_welsh_by_the_browsers_preference_too(area: Area) -> None:
    page = Client().get(start_url(area), HTTP_ACCEPT_LANGUAGE="cy").content.decode()

    assert 'lang="cy"' in page


def test_a_draft_started_in_welsh_offers_cymraeg_for_letters(area: Area) -> None:
    client = welsh_client()
    draft = start(client, area)
    answer_all(client, area, for_myself(area)[:14])

    page = client.get(page_url(area, "language")).content.decode()

    assert draft.language == "cy"
    assert 'lang="cy"' in page
    assert 'value="cy" checked' in page
