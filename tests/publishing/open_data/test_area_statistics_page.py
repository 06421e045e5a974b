"""An area's statistics page: the latest release in full, every period published (the latest
revision of each, newest first) and applications and reviews year by year; plain words when
there is nothing, and for an area not on the service."""

from __future__ import annotations

from django.test import Client

from casereview.areas.models import Area
from casereview.publishing.periods import Period
from tests.factories import make_area
from tests.publishing.open_data.helpers import FY_2024, FY_2025, publish, statutory

ADDRESS = "/areas/east-hertfordshire/statistics/"


def test_the_latest_period_is_shown_in_full_and_every_period_listed_newest_first(
    client: Client, area: Area
) -> None:
    publish(area, FY_2024, statutory(8, 2, 3, 1))
    publish(area, FY_2025, statutory(12, 4, 6, 5))
    publish(area, Period.quarter_of(2025, 1), statutory(3, 1, 1, 0))
    publish(area, FY_2024, statutory(9, 2, 3, 1), note="A late application.")

    page = client.get(ADDRESS).content.decode()

    assert '<h2 class="govuk-heading-l">Financial year 2025 to 2026</h2>' in page
    listed = page.split("All published statistics")[1]
    assert listed.index("2025-26/") < listed.index("2025-26-q1/") < listed.index("2024-25/")
    assert "revision 2" in listed
    assert "Applications: 8." not in page
    assert "Financial year 2024 to 2025: Applications: 9. Case reviews carried out: 3." in page


def test_the_year_by_year_chart_needs_two_years(client: Client, area: Area) -> None:
    publish(area, FY_2025, statutory(12, 4, 6, 5))

    page = client.get(ADDRESS).content.decode()

    assert "Year by year" not in page
    assert "Applications: 12." in page


def test_an_area_with_nothing_published_says_so(client: Client, area: Area) -> None:
    page = client.get(ADDRESS).content.decode()

    assert (
        "East Hertfordshire District Council has not published any statistics on this service yet."
        in page
    )
    assert "<svg" not in page


def test_an_area_not_on_the_service_publishes_its_own(client: Client, db: None) -> None:
    make_area("Elsewhere", slug="elsewhere", on_service=False)

    page = client.get("/areas/elsewhere/statistics/").content.decode()

    assert (
        "does not run its ASB Case Review on this service, so it publishes its statistics" in page
    )
