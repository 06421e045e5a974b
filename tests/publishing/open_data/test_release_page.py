"""An area's release page: the four figures with their definitions, the breakdowns with
small numbers not shown and why, every revision with its date and note, and the downloads."""

from __future__ import annotations

import datetime as dt

from django.test import Client

from casereview.areas.models import Area
from casereview.publishing.figures import STATUTORY_DEFINITIONS
from tests.publishing.open_data.helpers import FY_2025, publish, statutory

ADDRESS = "/areas/east-hertfordshire/statistics/2025-26/"


def test_the_figures_are_shown_with_their_definitions(client: Client, area: Area) -> None:
    publish(area, FY_2025, statutory(12, 4, 6, 5))

    page = client.get(ADDRESS).content.decode()

    assert "Financial year 2025 to 2026" in page
    assert "Published on 1 May 2026." in page
    for definition in STATUTORY_DEFINITIONS:
        assert str(definition.label) in page
        assert str(definition.text) in page


def test_small_numbers_are_not_shown_and_the_page_says_why(client: Client, area: Area) -> None:
    publish(
        area,
        FY_2025,
        statutory(12, 4, 6, 5),
        {"channel": {"online": 9, "phone": 3}, "applicant": {"victim": 12}, "victim_kind": {}},
    )

    page = client.get(ADDRESS).content.decode()

    assert page.count("not shown") >= 2
    assert "Numbers from 1 to 5 less one are not shown" in page
    assert "the number is between 1 and 4, or would let someone work out such a number" in page


def test_a_table_withheld_whole_says_so_instead_of_a_table(client: Client, area: Area) -> None:
    publish(area, FY_2025, statutory(3, 1, 0, 0))

    page = client.get(ADDRESS).content.decode()

    assert page.count("This table is not shown") == 3
    assert "Applications by how they were made</caption>" not in page


def test_every_revision_is_listed_and_an_earlier_one_can_be_seen(
    client: Client, area: Area
) -> None:
    publish(area, FY_2025, statutory(12, 4, 6, 5))
    publish(
        area,
        FY_2025,
        statutory(13, 4, 6, 5),
        note="An application received by letter was missed.",
        on_day=dt.date(2026, 6, 2),
    )

    latest = client.get(ADDRESS).content.decode()
    earlier = client.get(ADDRESS + "?revision=1").content.decode()

    assert "Revision 2, published on 2 June 2026 (shown on this page)" in latest
    assert f'href="{ADDRESS}?revision=1"' in latest
    assert "An application received by letter was missed." in latest
    assert "This revision corrects an earlier one" in latest
    assert "This is revision 1, which a later revision has replaced." in earlier
    assert "Revision 1, published on 1 May 2026 (shown on this page)" in earlier
    assert '?revision=1" download' in earlier
    assert (
        client.get(ADDRESS.rstrip("/") + ".json?revision=1").json()["statutory"]["applications"]
        == 12
    )
    assert client.get(ADDRESS.rstrip("/") + ".json").json()["statutory"]["applications"] == 13


def test_the_page_links_the_csv_json_and_schema(client: Client, area: Area) -> None:
    publish(area, FY_2025, statutory(12, 4, 6, 5))

    page = client.get(ADDRESS).content.decode()

    assert 'href="/areas/east-hertfordshire/statistics/2025-26.csv" download' in page
    assert 'href="/areas/east-hertfordshire/statistics/2025-26.json"' in page
    assert 'href="/statistics/schema/release-v1.json"' in page


def test_the_json_is_the_document_as_stored(client: Client, area: Area) -> None:
    release = publish(area, FY_2025, statutory(12, 4, 6, 5))

    response = client.get(ADDRESS.rstrip("/") + ".json")

    assert response.json() == release.document
    assert response["Access-Control-Allow-Origin"] == "*"
