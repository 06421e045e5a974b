"""The public area page shows the four figures of the area's latest release and links to its
statistics; it shows nothing of statistics before the first publication."""

from __future__ import annotations

from django.test import Client

from casereview.areas.models import Area
from casereview.publishing.open_data.selectors import latest_area_release
from casereview.publishing.periods import Period
from tests.publishing.open_data.helpers import FY_2024, FY_2025, draft, publish, statutory


def test_the_area_page_shows_the_latest_release(client: Client, area: Area) -> None:
    publish(area, FY_2024, statutory(8, 2, 3, 1))
    publish(area, FY_2025, statutory(4712, 4, 6, 5))

    page = client.get("/areas/east-hertfordshire/").content.decode()

    assert "Published statistics" in page
    assert "Financial year 2025 to 2026" in page
    assert "4,712" in page
    assert 'href="/areas/east-hertfordshire/statistics/"' in page


def test_the_area_page_says_nothing_of_statistics_before_publication(
    client: Client, area: Area
) -> None:
    draft(area, FY_2025, statutory(4712, 4, 6, 5))

    page = client.get("/areas/east-hertfordshire/").content.decode()

    assert "Published statistics" not in page
    assert "4,712" not in page


def test_the_latest_release_is_the_latest_revision_of_the_period_ending_last(
    area: Area,
) -> None:
    publish(area, FY_2025, statutory(12, 4, 6, 5))
    publish(area, Period.quarter_of(2025, 4), statutory(3, 1, 1, 0))
    publish(area, FY_2024, statutory(8, 2, 3, 1))
    revised = publish(area, FY_2025, statutory(13, 4, 6, 5), note="Corrected.")

    # The year and its last quarter end on the same day: the year is the one to show.
    assert latest_area_release(area) == revised
