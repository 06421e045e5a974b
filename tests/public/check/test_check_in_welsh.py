"""The check works in Welsh: every page renders in the chosen language, with dates in Welsh."""

import datetime as dt

import pytest
from django.conf import settings

from tests.public.check.helpers import Said, answer, check_url

pytestmark = pytest.mark.django_db


def test_every_page_of_the_check_renders_in_welsh(client, area, in_march):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "cy"
    text = answer(
        client, area, [Said(dt.date(2026, 3, 2), dt.date(2026, 3, 3))], dt.date(2026, 3, 16)
    )
    assert '<html lang="cy"' in text
    # Month names come from Django's Welsh translations.
    assert "16 Mawrth 2026" in text
    for page in ("check", "check_complaints", "check_application_date"):
        response = client.get(check_url(page, area))
        assert response.status_code == 200
        assert '<html lang="cy"' in response.content.decode()
