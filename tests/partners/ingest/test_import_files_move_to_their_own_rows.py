"""Migration partners 0004 moves each import's file out of the import's row into a row of its
own (``IncidentImportFile``), byte for byte, and back again when reversed; the background
import reads the file from there."""

from __future__ import annotations

import pytest
from django.db.migrations.executor import MigrationExecutor

from casereview.partners.imports.services import run_import
from casereview.partners.models import ImportStatus, IncidentImport, IncidentImportFile
from tests.migrations import models_at
from tests.partners.ingest.helpers import csv_file, csv_row

BEFORE = ("partners", "0003_incident_reported_covers_the_check")
AFTER = ("partners", "0004_import_file_in_its_own_row")


def test_files_move_to_their_own_rows_and_back(migrations: MigrationExecutor, area) -> None:
    content = csv_file(csv_row("M1"), csv_row("M2")) + "é".encode()
    old = models_at(migrations, BEFORE)
    upload = old.get_model("partners", "IncidentImport").objects.create(
        area_id=area.pk, agency_id=area.police_force.pk, file_name="a.csv", content=content
    )
    empty = old.get_model("partners", "IncidentImport").objects.create(
        area_id=area.pk, agency_id=area.police_force.pk, file_name="b.csv", content=b""
    )

    new = models_at(migrations, AFTER)
    files = new.get_model("partners", "IncidentImportFile").objects
    assert {row.pk: bytes(row.content) for row in files.all()} == {
        upload.pk: content,
        empty.pk: b"",
    }

    back = models_at(migrations, BEFORE)
    rows = back.get_model("partners", "IncidentImport").objects.order_by("pk")
    assert [(row.pk, bytes(row.content)) for row in rows] == [(upload.pk, content), (empty.pk, b"")]


@pytest.mark.usefixtures("in_march")
@pytest.mark.django_db
def test_the_background_import_reads_the_file_from_its_own_row(area) -> None:
    upload = IncidentImport.objects.create(area=area, agency=area.police_force, file_name="c.csv")
    IncidentImportFile.objects.create(upload=upload, content=csv_file(csv_row("F1")))

    assert run_import(upload.pk) == ImportStatus.DONE

    upload.refresh_from_db()
    assert (upload.created, upload.rows_done) == (1, 1)
