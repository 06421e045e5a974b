"""A draft's figures appear nowhere public: not on the area's pages, the area page, the
national page, nor in any open data, until the draft is published."""

from __future__ import annotations

from django.test import Client

from casereview.areas.models import Area
from tests.publishing.open_data.helpers import FY_2025, draft, publish, statutory

# Numbers that cannot appear on the pages by chance.
DRAFT_COUNTS = statutory(4711, 4712, 4713, 4714)
PUBLIC_ADDRESSES = (
    "/areas/east-hertfordshire/",
    "/areas/east-hertfordshire/statistics/",
    "/areas/east-hertfordshire/statistics/2025-26/",
    "/areas/east-hertfordshire/statistics/2025-26.json",
    "/areas/east-hertfordshire/statistics/2025-26.csv",
    "/statistics/",
    "/statistics/2025-26/",
    "/statistics/2025-26.json",
    "/statistics/2025-26.csv",
)


def _everything_public(client: Client) -> str:
    return "\n".join(client.get(address).content.decode() for address in PUBLIC_ADDRESSES)


def test_a_first_draft_is_not_public(client: Client, area: Area) -> None:
    draft(area, FY_2025, DRAFT_COUNTS)

    assert client.get("/areas/east-hertfordshire/statistics/2025-26/").status_code == 404
    assert client.get("/statistics/2025-26.json").status_code == 404
    assert "4711" not in _everything_public(client)
    assert (
        "has not published any statistics on this service yet"
        in client.get("/areas/east-hertfordshire/statistics/").content.decode()
    )


def test_a_draft_revision_leaves_the_published_one_showing(client: Client, area: Area) -> None:
    publish(area, FY_2025, statutory(12, 4, 6, 5))
    draft(area, FY_2025, DRAFT_COUNTS)

    everything = _everything_public(client)

    assert "4711" not in everything
    assert client.get("/areas/east-hertfordshire/statistics/2025-26.json").json()["revision"] == 1
    assert client.get("/areas/east-hertfordshire/statistics/2025-26/?revision=2").status_code == 404
