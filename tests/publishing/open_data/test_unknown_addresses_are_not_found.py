"""Unknown areas, periods and revisions are 404s, never errors; and the pages take no POST."""

from __future__ import annotations

import pytest
from django.test import Client

from casereview.areas.models import Area
from tests.publishing.open_data.helpers import FY_2025, publish, statutory


@pytest.fixture
def published(area: Area) -> Area:
    publish(area, FY_2025, statutory(12, 4, 6, 5))
    return area


@pytest.mark.parametrize(
    "address",
    [
        "/areas/nowhere/statistics/",
        "/areas/nowhere/statistics/2025-26/",
        "/areas/nowhere/statistics/2025-26.json",
        "/areas/nowhere/statistics/2025-26.csv",
        # A period of the right shape that names no period, or one not published.
        "/areas/east-hertfordshire/statistics/2025-27/",
        "/areas/east-hertfordshire/statistics/2024-25/",
        "/areas/east-hertfordshire/statistics/2024-25.json",
        "/areas/east-hertfordshire/statistics/2025-26-q1/",
        "/areas/east-hertfordshire/statistics/1999/",
        "/areas/east-hertfordshire/statistics/2025-26-q5/",
        "/areas/east-hertfordshire/statistics/last-year/",
        "/areas/east-hertfordshire/statistics/2025-26.xml",
        # Revisions that do not exist, or are not whole numbers from 1.
        "/areas/east-hertfordshire/statistics/2025-26/?revision=2",
        "/areas/east-hertfordshire/statistics/2025-26/?revision=0",
        "/areas/east-hertfordshire/statistics/2025-26/?revision=-1",
        "/areas/east-hertfordshire/statistics/2025-26/?revision=one",
        "/areas/east-hertfordshire/statistics/2025-26/?revision=",
        "/areas/east-hertfordshire/statistics/2025-26/?revision=%C2%B2",
        "/areas/east-hertfordshire/statistics/2025-26/?revision=99999999999999999999",
        "/areas/east-hertfordshire/statistics/2025-26.csv?revision=3",
        "/areas/east-hertfordshire/statistics/2025-26.json?revision=x",
        "/statistics/2025-27/",
        "/statistics/2024-25.json",
        "/statistics/schema/release-v2.json",
        "/statistics/schema/..%2Fsettings.json",
    ],
)
def test_the_address_is_not_found(client: Client, published: Area, address: str) -> None:
    assert client.get(address).status_code == 404


def test_the_published_addresses_are_found(client: Client, published: Area) -> None:
    for address in (
        "/areas/east-hertfordshire/statistics/",
        "/areas/east-hertfordshire/statistics/2025-26/",
        "/areas/east-hertfordshire/statistics/2025-26/?revision=1",
        "/areas/east-hertfordshire/statistics/2025-26.json",
        "/areas/east-hertfordshire/statistics/2025-26.csv?revision=1",
        "/statistics/",
        "/statistics/2025-26/",
        "/statistics/2025-26.json",
        "/statistics/2025-26.csv",
        "/statistics/schema/release-v1.json",
        "/statistics/schema/national-v1.json",
    ):
        assert client.get(address).status_code == 200, address
        assert client.head(address).status_code == 200, address


def test_the_pages_refuse_to_be_posted_to(client: Client, published: Area) -> None:
    assert client.post("/areas/east-hertfordshire/statistics/2025-26/").status_code == 405
    assert client.post("/statistics/").status_code == 405
