"""The national figures are the sums, over every area that has published the period, of its
latest published revision; an area without a release is not counted."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from casereview.areas.models import Area
from casereview.publishing.figures import STATUTORY_KEYS
from tests.factories import make_area
from tests.publishing.open_data.helpers import FY_2024, FY_2025, publish, statutory


@pytest.fixture
def three_areas(db: None) -> list[Area]:
    return [make_area("Ashford Vale"), make_area("Bexwell"), make_area("Corby Heath")]


@pytest.fixture
def published_2025(three_areas: list[Area]) -> list[Area]:
    ashford, bexwell, _corby = three_areas
    publish(ashford, FY_2025, statutory(12, 4, 6, 5))
    publish(bexwell, FY_2025, statutory(20, 3, 9, 2))
    # Bexwell corrects its figures: the national page must use the correction.
    publish(bexwell, FY_2025, statutory(21, 3, 10, 2), note="One application was missed.")
    # Another year must not leak into 2025-26.
    publish(ashford, FY_2024, statutory(100, 50, 40, 30))
    return three_areas


def test_the_json_sums_the_latest_revision_of_each_area_that_published(
    client: Client, published_2025: list[Area]
) -> None:
    document = client.get("/statistics/2025-26.json").json()

    assert document["areas_published"] == 2
    assert document["statutory"] == {
        "applications": 33,
        "threshold_not_met": 7,
        "reviews_carried_out": 16,
        "reviews_with_recommendations": 7,
    }
    assert [(a["name"], a["revision"]) for a in document["areas"]] == [
        ("Ashford Vale", 1),
        ("Bexwell", 2),
    ]
    for key in STATUTORY_KEYS:
        assert document["statutory"][key] == sum(a["statutory"][key] for a in document["areas"])


def test_the_national_sums_equal_the_areas_own_published_json(
    client: Client, published_2025: list[Area]
) -> None:
    national = client.get("/statistics/2025-26.json").json()
    areas = [
        client.get(f"/areas/{a.slug}/statistics/2025-26.json").json() for a in published_2025[:2]
    ]

    for key in STATUTORY_KEYS:
        assert national["statutory"][key] == sum(area["statutory"][key] for area in areas)
    # The area that has published nothing has no release at all.
    assert client.get(f"/areas/{published_2025[2].slug}/statistics/2025-26.json").status_code == 404


def _numbers_in_rows(page: str) -> dict[str, list[str]]:
    """The numeric cells of each table row, by the row's header text."""
    rows = {}
    for row in re.findall(r"<tr class=\"govuk-table__row\">(.*?)</tr>", page, re.S):
        header = re.search(r"<th[^>]*>\s*(?:<a[^>]*>)?([^<]+?)\s*(?:</a>)?\s*</th>", row, re.S)
        cells = re.findall(r"govuk-table__cell--numeric[^>]*>\s*([\d,]+)\s*<", row)
        if header and cells:
            rows[header.group(1).strip()] = cells
    return rows


def test_the_page_shows_the_sums_and_every_area_that_published(
    client: Client, published_2025: list[Area]
) -> None:
    page = client.get("/statistics/2025-26/").content.decode()
    rows = _numbers_in_rows(page)

    assert rows["Applications"] == ["33"]
    assert rows["Threshold not met"] == ["7"]
    assert rows["Case reviews carried out"] == ["16"]
    assert rows["Reviews resulting in recommendations"] == ["7"]
    assert rows["Ashford Vale"] == ["12", "4", "6", "5"]
    assert rows["Bexwell"] == ["21", "3", "10", "2"]
    assert "Corby Heath" not in page
    assert "2 areas have published" in page
    assert f'href="/areas/{published_2025[1].slug}/statistics/2025-26/"' in page


def test_the_statistics_page_shows_the_latest_year_and_links_the_others(
    client: Client, published_2025: list[Area]
) -> None:
    page = client.get("/statistics/").content.decode()

    assert "Financial year 2025 to 2026" in page
    assert _numbers_in_rows(page)["Applications"] == ["33"]
    assert 'href="/statistics/2024-25/"' in page


def test_with_nothing_published_the_statistics_page_says_so(client: Client, db: None) -> None:
    page = client.get("/statistics/")

    assert page.status_code == 200
    assert "No area has published statistics on this service yet." in page.content.decode()


def test_a_period_no_area_has_published_is_not_found(
    client: Client, published_2025: list[Area]
) -> None:
    assert client.get("/statistics/2023-24/").status_code == 404
    assert client.get("/statistics/2023-24.json").status_code == 404
    assert client.get("/statistics/2023-24.csv").status_code == 404
