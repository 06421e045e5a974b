"""Importing the same file again changes nothing; and when the database fails part-way through
an import, the rows before the failure stay imported, the import says so honestly, and
uploading the same file again finishes it without duplicating anything."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import OperationalError
from django.urls import reverse

from casereview.partners import effects
from casereview.partners.models import ImportStatus, Incident, IncidentImport
from tests.partners.ingest.helpers import csv_file, csv_row
from tests.tasks import run_tasks

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_march")]

FILE = csv_file(*(csv_row(f"R{n}") for n in range(1, 6)))


def _upload_and_run(client: Any, area: Any, agency: Any, capture: Any) -> IncidentImport:
    with capture(execute=True):
        client.post(
            reverse("partners:imports", kwargs={"slug": area.slug}),
            {"agency": str(agency.pk), "upload": SimpleUploadedFile("r.csv", FILE, "text/csv")},
        )
    run_tasks()
    return IncidentImport.objects.latest("pk")


def test_the_same_file_twice_leaves_the_incidents_as_they_were(
    area, police, area_admin, staff_client, django_capture_on_commit_callbacks
):
    client = staff_client(area_admin)
    _upload_and_run(client, area, police, django_capture_on_commit_callbacks)
    before = sorted(Incident.objects.values_list("pk", "agency_reference", "updated_at"))

    second = _upload_and_run(client, area, police, django_capture_on_commit_callbacks)

    assert (second.status, second.created, second.updated, second.unchanged) == (
        ImportStatus.DONE,
        0,
        0,
        5,
    )
    assert sorted(Incident.objects.values_list("pk", "agency_reference", "updated_at")) == before


def test_a_database_failure_part_way_is_reported_and_a_second_upload_finishes_the_job(
    area, police, area_admin, staff_client, django_capture_on_commit_callbacks, monkeypatch
):
    # Two records a chunk; the database gives way while storing the second chunk.
    monkeypatch.setattr("casereview.partners.ingest.CHUNK_SIZE", 2)
    real = effects.after_incidents_saved
    calls: list[int] = []

    def fails_on_the_second_chunk(incidents: Any) -> None:
        calls.append(len(incidents))
        if len(calls) == 2:
            raise OperationalError("disk I/O error")
        real(incidents)

    monkeypatch.setattr(effects, "after_incidents_saved", fails_on_the_second_chunk)
    client = staff_client(area_admin)

    failed = _upload_and_run(client, area, police, django_capture_on_commit_callbacks)

    assert failed.status == ImportStatus.FAILED
    assert failed.failure == (
        "The import stopped because of a problem with the database after 2 of 5 rows. Those "
        "rows were imported; the others were not. Upload the same file again to finish: rows "
        "already imported are left as they are, not duplicated."
    )
    assert sorted(Incident.objects.values_list("agency_reference", flat=True)) == ["R1", "R2"]
    page = client.get(
        reverse("partners:import", kwargs={"slug": area.slug, "import_id": failed.pk})
    ).content.decode()
    assert "after 2 of 5 rows" in page

    monkeypatch.setattr(effects, "after_incidents_saved", real)
    finished = _upload_and_run(client, area, police, django_capture_on_commit_callbacks)

    assert (finished.status, finished.created, finished.unchanged) == (ImportStatus.DONE, 3, 2)
    assert sorted(Incident.objects.values_list("agency_reference", flat=True)) == [
        "R1",
        "R2",
        "R3",
        "R4",
        "R5",
    ]
