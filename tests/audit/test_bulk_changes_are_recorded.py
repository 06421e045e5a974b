"""Changes made in bulk (an import's ``bulk_create``, anonymisation's queryset updates) send no
signals, so the services doing them write the audit record themselves: one record per batch
naming the model and how many rows, never one per row and never the personal data written.
The chain stays intact through them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from casereview.accounts.models import User
from casereview.areas.models import Area
from casereview.audit.models import AuditRecord
from casereview.cases.services import case_withdraw
from casereview.partners.imports.services import upload_import
from casereview.partners.ingest import ingest_incidents
from casereview.partners.models import ImportStatus, Incident, IncidentImport, PartnerVictim
from casereview.partners.tokens.services import issue_key
from casereview.privacy.models import AnonymisedBecause
from casereview.privacy.services import anonymise_case
from tests.api.partners.helpers import incident
from tests.audit.helpers import verify_audit
from tests.cases.helpers import receive
from tests.partners.ingest.helpers import csv_file, csv_row, record, victim
from tests.privacy.helpers import PERSON_STRINGS, reviewed_case
from tests.tasks import run_tasks

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_march")]


def batches(label: str) -> list[AuditRecord]:
    return list(AuditRecord.objects.filter(kind="change", object_label=label))


def audit_text() -> str:
    """Every stored value of every audit row, as one text to search."""
    return str(list(AuditRecord.objects.values_list()))


def imported(area: Area, area_admin: User, capture: Callable[..., Any], rows: int) -> None:
    """``rows`` incidents of the police imported from a CSV file by the real background task."""
    with capture(execute=True):
        upload_import(
            area,
            area.police_force,
            file_name="incidents.csv",
            content=csv_file(*(csv_row(f"R{n}") for n in range(1, rows + 1))),
            by=area_admin,
            language="en",
        )
    run_tasks()
    assert IncidentImport.objects.get().status == ImportStatus.DONE


def test_an_imported_file_is_one_record_naming_the_count(
    area: Area, area_admin: User, django_capture_on_commit_callbacks: Any
) -> None:
    imported(area, area_admin, django_capture_on_commit_callbacks, rows=5)

    [batch] = batches("partners.incident")
    assert Incident.objects.count() == 5
    assert batch.what == f"partners.incident from {area.police_force.code}: 5 created, 0 changed"
    assert (batch.area_id, batch.actor) == (area.pk, "system")


def test_a_large_import_is_one_record_per_chunk_not_per_row(area: Area) -> None:
    ingest_incidents(
        area, area.police_force, [record(f"R{n}") for n in range(1, 8)], by=None, chunk_size=3
    )

    assert [b.what.split(": ")[1] for b in batches("partners.incident")] == [
        "3 created, 0 changed",
        "3 created, 0 changed",
        "1 created, 0 changed",
    ]


def test_incidents_pushed_through_the_api_are_recorded_against_the_key_without_the_victim(
    area: Area, area_admin: User
) -> None:
    token, key = issue_key(area, area.police_force, name="Niche RMS", by=area_admin)
    api = Client(headers={"Authorization": f"Bearer {key}"})

    response = api.post(
        "/api/v1/incidents",
        {"incidents": [incident("HC-1"), incident("HC-2", behaviour_on="2026-03-05")]},
        content_type="application/json",
    )

    assert response.status_code == 200
    [incidents] = batches("partners.incident")
    [victims] = batches("partners.partnervictim")
    assert incidents.what.endswith(": 2 created, 0 changed")
    assert victims.what.endswith(": 1 created, 0 changed")
    assert incidents.api_key_id == token.pk
    assert incidents.actor.startswith(f"API key {token.prefix}")
    for personal in ("Sam Victim", "14 Fore Street", "Loud music", "1980-05-17"):
        assert personal not in audit_text()


def test_sending_the_same_batch_again_records_nothing_more(area: Area) -> None:
    records = [record("R1"), record("R2")]
    ingest_incidents(area, area.police_force, records, by=None)
    before = AuditRecord.objects.count()

    ingest_incidents(area, area.police_force, records, by=None)

    assert AuditRecord.objects.count() == before


def anonymisations() -> list[AuditRecord]:
    return [b for b in batches("cases.case") if b.what.startswith("anonymised")]


def test_anonymising_a_case_is_recorded_naming_each_model_and_count(
    area: Area, coordinator: User, smtp_server: Any, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        case = reviewed_case(area, coordinator)
    run_tasks()
    assert anonymisations() == []

    anonymise_case(case, because=AnonymisedBecause.RETENTION)

    records = anonymisations()
    # A case with a review, letters and partners' records: more than one row's worth of
    # models, so it takes two records, each whole (one for a usual case), never one per row.
    assert len(records) == 2
    assert all(r.what.startswith(f"anonymised {case.reference}: ") for r in records)
    assert all(len(r.what) <= 200 and r.area_id == area.pk for r in records)
    counted = ", ".join(r.what.split(": ", 1)[1] for r in records).split(", ")
    for entry in ("case 1", "complaint 3", "meeting 1", "incident 3", "partnervictim 1"):
        assert entry in counted
    for personal in PERSON_STRINGS:
        assert personal not in audit_text()


def test_a_usual_case_is_anonymised_in_one_record(area: Area, coordinator: User) -> None:
    case = case_withdraw(receive(area, coordinator), by=coordinator, reason="Moved away.")

    anonymise_case(case, because=AnonymisedBecause.ERASURE)

    [only] = anonymisations()
    assert only.what.startswith(f"anonymised {case.reference}: case 1, ")
    # Found when the log is filtered by the case's reference, like the case's own changes.
    assert only.case_reference == case.reference
    assert only.case_id == case.pk


def test_erasing_a_partners_record_is_one_record_against_the_administrator(
    area: Area, area_admin: User, staff_client: Callable[[User], Client]
) -> None:
    ingest_incidents(
        area,
        area.police_force,
        [record("R1", **victim()), record("R2", **victim())],
        by=None,
    )
    person = PartnerVictim.objects.get()

    staff_client(area_admin).post(
        "/staff/privacy/people/erase/",
        {
            "records": [f"partner-victim:{person.pk}"],
            "erase": "1",
            "confirm": "on",
            "received_how": "Letter",
        },
    )

    [erased] = [b for b in batches("partners.partnervictim") if b.what.startswith("erased")]
    # Two reports by one person: the second raised a prompt, whose note is overwritten too.
    assert erased.what == (
        f"erased partner record {person.pk}: partnervictim 1, secondreportprompt 1, incident 2"
    )
    assert (erased.area_id, erased.user) == (area.pk, area_admin)
    assert "Sam Example" not in audit_text()


def test_the_chain_is_intact_after_an_import_and_an_anonymisation(
    area: Area,
    area_admin: User,
    coordinator: User,
    smtp_server: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    imported(area, area_admin, django_capture_on_commit_callbacks, rows=3)
    with django_capture_on_commit_callbacks(execute=True):
        case = reviewed_case(area, coordinator)
    run_tasks()
    anonymise_case(case, because=AnonymisedBecause.RETENTION)
    total = AuditRecord.objects.count()

    status, out, error = verify_audit()

    assert (status, error) == (0, "")
    assert f"intact: {total} records verified" in out
