"""Each chunk of an import appends its audit records (victims, incidents, match proposals,
prompts) together as it ends: one INSERT into the log per chunk, the same records as before
and a chain that verifies. New rows go in as one statement per table (PostgreSQL: COPY), a
conflicting row failing as an INSERT would; victims named by who they are are sought by
postcode through its index; and a CSV import writes its row's progress only when something
happened (a stage, a stored chunk: the latter inside the chunk's own transaction), not for
every thousand rows read."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext

from casereview.accounts.models import User
from casereview.areas.models import Area
from casereview.audit.models import AuditRecord
from casereview.partners import ingest
from casereview.partners.imports.services import upload_import
from casereview.partners.ingest import IncidentRecord, ingest_incidents
from casereview.partners.models import ImportStatus, Incident, IncidentImport
from tests.audit.helpers import verify_audit
from tests.partners.ingest.helpers import csv_file, csv_row, record, victim
from tests.tasks import run_tasks

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_march")]


def _records(count: int, prefix: str = "R") -> list[IncidentRecord]:
    """``count`` records, each naming a victim: by reference, or by who they are."""
    batch = []
    for n in range(count):
        if n % 2:
            details = victim(f"Pat Person{n % 5}", victim_reference=f"P-{n % 5}")
        else:
            details = victim(f"Sam Example{n % 4}", victim_postcode=f"SG14 {n % 4}AB")
        batch.append(record(f"{prefix}{n}", **details))
    return batch


def _audit_inserts(queries: CaptureQueriesContext) -> int:
    return sum(
        1
        for q in queries.captured_queries
        if q["sql"].lstrip().upper().startswith("INSERT") and "audit_auditrecord" in q["sql"]
    )


def test_each_chunk_appends_its_audit_records_in_one_insert_and_the_chain_verifies(
    area: Area,
) -> None:
    before = AuditRecord.objects.count()

    with CaptureQueriesContext(connection) as queries:
        result = ingest_incidents(area, area.police_force, _records(30), by=None, chunk_size=10)

    assert result.created == 30
    assert _audit_inserts(queries) == 3
    labels = list(AuditRecord.objects.order_by("seq")[before:].values_list("object_label", "what"))
    # Per chunk, as before: its victims, then its incidents (then any prompts), counts only.
    assert [label for label, _what in labels if label.startswith("partners.")][:2] == [
        "partners.partnervictim",
        "partners.incident",
    ]
    assert [what for label, what in labels if label == "partners.incident"] == [
        f"partners.incident from {area.police_force.code}: 10 created, 0 changed"
    ] * 3
    status, _out, error = verify_audit()
    assert (status, error) == (0, "")


def test_a_new_row_that_conflicts_fails_as_an_insert_would_and_stores_nothing(
    area: Area,
) -> None:
    ingest_incidents(area, area.police_force, _records(4), by=None)
    before = (AuditRecord.objects.count(), Incident.objects.count())
    held = Incident.objects.order_by("pk").first()
    assert held is not None
    ops = connection.ops
    day, stamp = ops.adapt_datefield_value, ops.adapt_datetimefield_value(held.created_at)
    fresh = held.pk + 1000
    # A new key, but the reference of a stored incident: the unique constraint refuses it.
    row: tuple[Any, ...] = (fresh, area.pk, area.police_force.pk, held.agency_reference)
    row += (day(dt.date(2026, 3, 2)), None, day(dt.date(2026, 3, 3)), "complaint", "", "", "")
    row += ("", 0, 0, None, None, 0, fresh, False, stamp, stamp)

    with pytest.raises(IntegrityError), transaction.atomic():
        ingest._insert_rows(connection, Incident, ingest._INCIDENT_INSERT, [row])

    assert (AuditRecord.objects.count(), Incident.objects.count()) == before


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's own query plans")
def test_victims_named_by_who_they_are_are_sought_through_the_postcode_index(
    area: Area,
) -> None:
    ingest_incidents(area, area.police_force, _records(20), by=None)

    with CaptureQueriesContext(connection) as queries:
        ingest_incidents(area, area.police_force, _records(20, prefix="S"), by=None)

    sought = [q["sql"] for q in queries.captured_queries if "INDEXED BY" in q["sql"]]
    by_postcode = [sql for sql in sought if ingest._POSTCODE_INDEX in sql]
    assert len(by_postcode) == 1
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {by_postcode[0]}")
        plan = " ".join(str(row[-1]) for row in cursor.fetchall())
    assert f"USING INDEX {ingest._POSTCODE_INDEX}" in plan


def test_the_earliest_record_of_a_person_named_by_who_they_are_is_the_one_used(
    area: Area,
) -> None:
    first = ingest_incidents(area, area.police_force, [record("A1", **victim())], by=None)
    again = ingest_incidents(
        area, area.police_force, [record("A2", **victim(victim_address=""))], by=None
    )

    (one,) = first.incidents
    (two,) = again.incidents
    assert one.victim_id == two.victim_id
    assert one.victim is not None
    assert one.victim.address == "12 Fore Street, Hertford"


def test_a_csv_import_writes_its_progress_for_stages_and_stored_chunks_only(
    area: Area, area_admin: User, django_capture_on_commit_callbacks: Any
) -> None:
    rows = 3000  # two chunks; three thousands read
    with django_capture_on_commit_callbacks(execute=True):
        upload_import(
            area,
            area.police_force,
            file_name="incidents.csv",
            content=csv_file(*(csv_row(f"R{n}") for n in range(1, rows + 1))),
            by=area_admin,
            language="en",
        )

    with CaptureQueriesContext(connection) as queries:
        run_tasks()

    upload = IncidentImport.objects.get()
    assert (upload.status, upload.rows_done, upload.created) == (ImportStatus.DONE, rows, rows)
    table = IncidentImport._meta.db_table
    updates = [
        q["sql"]
        for q in queries.captured_queries
        if q["sql"].lstrip().upper().startswith("UPDATE") and table in q["sql"]
    ]
    # Claimed, importing (with the count of rows), two chunks stored (each inside its own
    # transaction), done: reading 3,000 rows takes well under the second between its reports
    # (one, on a very slow machine), where it wrote five before.
    assert len(updates) <= 6
