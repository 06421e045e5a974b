"""The agency reads back its own incident records, a page at a time, and nobody else's."""

from __future__ import annotations

from django.test import Client

from tests.api.partners.helpers import incident


def test_the_agency_reads_its_records_page_by_page(police_api: Client) -> None:
    batch = [incident(f"HC-{n:02d}", behaviour_on=f"2026-03-{n:02d}") for n in range(1, 13)]
    police_api.post("/api/v1/incidents", {"incidents": batch}, content_type="application/json")

    first = police_api.get("/api/v1/incidents?page_size=5").json()
    last = police_api.get("/api/v1/incidents?page_size=5&page=3").json()
    beyond = police_api.get("/api/v1/incidents?page_size=5&page=4").json()

    assert first["count"] == 12
    assert (first["page"], first["page_size"]) == (1, 5)
    assert [i["agency_reference"] for i in first["items"]] == [f"HC-0{n}" for n in range(1, 6)]
    assert [i["agency_reference"] for i in last["items"]] == ["HC-11", "HC-12"]
    assert beyond["items"] == []
    assert first["items"][0]["victim"]["name"] == "Sam Victim"


def test_another_agency_sees_none_of_them(police_api: Client, housing_api: Client) -> None:
    police_api.post(
        "/api/v1/incidents", {"incidents": [incident("HC-1")]}, content_type="application/json"
    )

    assert housing_api.get("/api/v1/incidents").json() == {
        "items": [],
        "count": 0,
        "page": 1,
        "page_size": 50,
    }


def test_a_page_size_above_100_is_refused(police_api: Client) -> None:
    response = police_api.get("/api/v1/incidents?page_size=101")

    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "page_size"
