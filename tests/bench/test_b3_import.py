"""Benchmark 3 (incident import): its rows are rows the API takes, its baseline writes what the
imports write, and storing a batch costs a fixed number of queries however long the batch."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from bench import b3_import as b3
from casereview.partners.ingest import ingest_incidents
from casereview.partners.models import Incident, PartnerVictim


def _stored(scene: b3.Scene) -> set[tuple[Any, ...]]:
    """What the area holds: each incident's own values with its victim's details."""
    return {
        (
            i.agency_reference,
            i.behaviour_on,
            i.behaviour_time,
            i.reported_on,
            i.kind,
            i.location,
            i.postcode_key,
            i.description,
            i.days_late,
            i.months_late,
            i.group_key == i.pk,
            None if i.victim is None else (i.victim.agency_reference, i.victim.name_key),
            None if i.victim is None else i.victim.date_of_birth,
            None if i.victim is None else i.victim.person_key == i.victim.pk,
        )
        for i in Incident.objects.filter(area=scene.area).select_related("victim")
    }


@pytest.fixture
def scene(db: None) -> b3.Scene:
    return b3.prepare()


def test_the_rows_are_the_same_for_the_same_seed_and_resend_only_earlier_files() -> None:
    today = timezone.localdate()
    rows = b3.generate_rows(400, today=today, files=4)

    assert rows == b3.generate_rows(400, today=today, files=4)
    seen: set[str] = set()
    for part in b3.segments(rows, files=4):
        references = [row["agency_reference"] for row in part]
        assert len(set(references)) == len(references)  # a file names a reference once
        seen.update(references)
    final = b3.final_rows(rows)
    assert len(final.incidents) == len(seen) < len(rows)  # some rows were sent again
    assert len(final.victims) < sum(1 for row in rows if row["victim_name"])  # repeat victims


def test_the_api_takes_the_rows_and_stores_exactly_the_expected_incidents_and_victims(
    scene: b3.Scene,
) -> None:
    rows = b3.generate_rows(300, today=timezone.localdate(), files=3)
    final = b3.final_rows(rows)
    client = Client(headers={"Authorization": f"Bearer {scene.key}"})
    totals = {"created": 0, "updated": 0, "unchanged": 0}
    for batch in b3.batches(rows, 40):
        response = client.post(
            "/api/v1/incidents", {"incidents": list(batch)}, content_type="application/json"
        )
        assert response.status_code == 200, response.content
        for name, value in response.json().items():
            totals[name] += value

    assert totals["created"] == len(final.incidents)
    assert totals["created"] + totals["updated"] + totals["unchanged"] == len(rows)
    assert totals["updated"] + totals["unchanged"] == len(rows) - len(final.incidents) > 0
    assert b3.stored_counts(scene) == (len(final.incidents), len(final.victims))
    latest = {record.agency_reference: record for record, _victim in final.incidents}
    for incident in Incident.objects.filter(area=scene.area).select_related("victim"):
        record = latest[incident.agency_reference]
        assert incident.description == record.description
        assert (incident.victim.name if incident.victim else "") == record.victim_name


def test_the_csv_files_import_to_the_same_rows_as_the_api(scene: b3.Scene) -> None:
    rows = b3.generate_rows(300, today=timezone.localdate(), files=3)
    client = Client(headers={"Authorization": f"Bearer {scene.key}"})
    for batch in b3.batches(rows, 100):
        client.post(
            "/api/v1/incidents", {"incidents": list(batch)}, content_type="application/json"
        )
    through_api = _stored(scene)
    b3.clear(scene)

    totals = b3.import_files(scene, [b3.csv_file(part) for part in b3.segments(rows, files=3)])

    assert _stored(scene) == through_api
    assert sum(totals.values()) == len(rows)


def test_the_baseline_inserts_the_rows_the_imports_end_with(scene: b3.Scene) -> None:
    rows = b3.generate_rows(300, today=timezone.localdate(), files=3)
    final = b3.final_rows(rows)
    b3.import_files(scene, [b3.csv_file(part) for part in b3.segments(rows, files=3)])
    imported = _stored(scene)
    b3.clear(scene)

    inserted = b3.baseline_insert(b3.baseline_rows(scene, final))

    assert inserted == len(final.incidents)
    assert b3.stored_counts(scene) == (len(final.incidents), len(final.victims))
    assert _stored(scene) == imported


def _records(count: int, start: int = 0) -> list[Any]:
    rows = b3.generate_rows(start + count, today=timezone.localdate(), files=1)
    return b3.records_of(rows[start:])


@pytest.mark.parametrize("count", [20, 400])
def test_storing_a_chunk_costs_the_same_queries_however_many_records_it_holds(
    scene: b3.Scene, count: int, django_assert_max_num_queries: Any
) -> None:
    """Victims found and made, incidents found and made, matches proposed (against another
    agency's records of the same days and victims), second reports: all set-based."""
    council = scene.area.council
    others = _records(count)
    ingest_incidents(scene.area, council, others, by=None)
    mine = [
        record.__class__(**{**record.__dict__, "agency_reference": f"X{record.agency_reference}"})
        for record in others
    ]
    ingest_incidents(scene.area, scene.agency, mine[: count // 2], by=None)

    # A new chunk (half new records, half changed ones): a fixed number of statements and
    # audit records; only the bulk inserts and updates grow, a statement per ~50 rows on
    # SQLite (its limit of 999 parameters a statement). One query per record, as matching
    # used to run, would be 800 for 400 records.
    changed = [
        record.__class__(**{**record.__dict__, "description": record.description + " Again."})
        for record in mine[: count // 2]
    ]
    with django_assert_max_num_queries(75):
        result = ingest_incidents(scene.area, scene.agency, changed + mine[count // 2 :], by=None)

    assert (result.created, result.updated) == (count - count // 2, count // 2)
    assert PartnerVictim.objects.filter(area=scene.area, agency=scene.agency).exists()
