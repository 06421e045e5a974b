"""In Welsh, the statistics pages say so (lang="cy") and label the figures in Welsh; the open
data keeps its codes, which are the same in every language."""

from __future__ import annotations

from django.conf import settings
from django.test import Client

from casereview.areas.models import Area
from tests.publishing.open_data.helpers import FY_2025, publish, statutory


def test_the_release_page_in_welsh(client: Client, area: Area) -> None:
    publish(area, FY_2025, statutory(12, 4, 6, 5))
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "cy"

    page = client.get("/areas/east-hertfordshire/statistics/2025-26/").content.decode()

    assert 'lang="cy"' in page
    assert "Trothwy heb ei gyrraedd" in page
    assert "Threshold not met" not in page


def test_the_national_page_in_welsh(client: Client, area: Area) -> None:
    publish(area, FY_2025, statutory(12, 4, 6, 5))
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "cy"

    page = client.get("/statistics/2025-26/").content.decode()

    assert 'lang="cy"' in page
    assert "Trothwy heb ei gyrraedd" in page


def test_the_open_data_is_the_same_in_welsh(client: Client, area: Area) -> None:
    publish(area, FY_2025, statutory(12, 4, 6, 5))
    english = client.get("/areas/east-hertfordshire/statistics/2025-26.csv").content
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "cy"

    assert client.get("/areas/east-hertfordshire/statistics/2025-26.csv").content == english
