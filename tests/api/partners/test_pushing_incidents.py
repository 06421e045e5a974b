"""An agency's system pushes its incident records in batches: idempotent on its own reference,
and all or nothing, with every problem named by field and record."""

from __future__ import annotations

from typing import Any

from django.test import Client

from casereview.areas.models import Area
from casereview.partners.models import Incident, PartnerVictim
from tests.api.partners.helpers import incident


def push(api: Client, records: list[dict[str, Any]]) -> Any:
    return api.post("/api/v1/incidents", {"incidents": records}, content_type="application/json")


def test_a_batch_is_stored_against_the_keys_agency_and_area(police_api: Client, area: Area) -> None:
    response = push(police_api, [incident("HC-1"), incident("HC-2", behaviour_on="2026-03-05")])

    assert response.status_code == 200
    assert response.json() == {"created": 2, "updated": 0, "unchanged": 0}
    stored = Incident.objects.order_by("agency_reference")
    assert [(i.agency_reference, i.area, i.agency) for i in stored] == [
        ("HC-1", area, area.police_force),
        ("HC-2", area, area.police_force),
    ]
    assert PartnerVictim.objects.get().name == "Sam Victim"


def test_sending_the_same_batch_again_changes_nothing(police_api: Client) -> None:
    batch = [incident("HC-1"), incident("HC-2")]
    push(police_api, batch)
    before = list(Incident.objects.values_list("pk", "updated_at").order_by("pk"))

    again = push(police_api, batch)

    assert again.json() == {"created": 0, "updated": 0, "unchanged": 2}
    assert list(Incident.objects.values_list("pk", "updated_at").order_by("pk")) == before


def test_a_changed_record_is_updated_in_place(police_api: Client) -> None:
    push(police_api, [incident("HC-1")])

    response = push(police_api, [incident("HC-1", description="Music and a fight.")])

    assert response.json() == {"created": 0, "updated": 1, "unchanged": 0}
    assert Incident.objects.get().description == "Music and a fight."


def test_every_problem_is_named_by_field_and_record_and_nothing_is_stored(
    police_api: Client,
) -> None:
    response = push(
        police_api,
        [
            incident("HC-1"),
            incident("HC-2", reported_on="2026-03-01"),
            incident("HC-3", behaviour_on="2026-04-01", reported_on="2026-04-01"),
            incident("HC-1"),
        ],
    )

    assert response.status_code == 422
    errors = response.json()["errors"]
    fields = [(e["field"], e["record"]) for e in errors]
    assert ("incidents.1.reported_on", "HC-2") in fields
    assert ("incidents.2.behaviour_on", "HC-3") in fields
    assert ("incidents.3.agency_reference", "HC-1") in fields
    assert all(e["message"] for e in errors)
    assert not Incident.objects.exists()
    assert not PartnerVictim.objects.exists()


def test_values_of_the_wrong_type_are_named_by_field_and_record(police_api: Client) -> None:
    response = push(
        police_api,
        [
            incident("HC-1"),
            incident("HC-2", behaviour_on="next Tuesday", reported_on="2026-03-03", kind="rumour"),
        ],
    )

    assert response.status_code == 422
    fields = sorted((e["field"], e["record"]) for e in response.json()["errors"])
    assert fields == [("incidents.1.behaviour_on", "HC-2"), ("incidents.1.kind", "HC-2")]
    assert not Incident.objects.exists()


def test_an_empty_or_oversized_batch_is_refused(police_api: Client) -> None:
    empty = push(police_api, [])
    huge = push(police_api, [incident(f"HC-{n}") for n in range(1001)])

    assert empty.status_code == 422
    assert empty.json()["errors"][0]["field"] == "incidents"
    assert huge.status_code == 422
    assert huge.json()["errors"][0]["field"] == "incidents"
    assert not Incident.objects.exists()
