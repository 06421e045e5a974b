"""A backup restored brings back every table, row for row, exactly as it was when the backup was
taken: whatever was added, changed or deleted since is undone.

Runs on the database the suite runs on: SQLite (the in-memory test database, copied out and back
by the same online backup API calls the command makes on a file) or PostgreSQL (pg_dump and
pg_restore against the test database). The data is committed (``transactional_db``): pg_dump
reads from another session, which cannot see a test's open transaction.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection

from casereview.accounts.models import User
from casereview.areas.models import Area
from casereview.cases.models import Case, Deadline
from casereview.core.backup import Manifest, manifest_path
from casereview.letters.models import Letter
from tests.cases.helpers import receive, victim
from tests.ops.snapshot import differences, snapshot
from tests.reviews.helpers import held
from tests.tasks import run_tasks

pytestmark = pytest.mark.django_db(transaction=True)

on_sqlite = pytest.mark.skipif(connection.vendor != "sqlite", reason="the suite runs on SQLite")
on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="set DATABASE_URL to a PostgreSQL database"
)


def _a_working_service(area: Area, coordinator: User, staff_client) -> Case:
    """A case taken to its review meeting, its letters e-mailed, and a coordinator's views of it
    in the audit log."""
    case = held(area, coordinator)
    run_tasks()
    client = staff_client(coordinator)
    assert client.get(f"/staff/cases/{case.reference}/").status_code == 200
    return case


def _round_trip(tmp_path: Path, area: Area, coordinator: User, staff_client) -> None:
    case = _a_working_service(area, coordinator, staff_client)
    assert Letter.objects.filter(case=case).exists()
    at_backup = snapshot(connection)
    backup = tmp_path / "casereview.backup"

    call_command("backup", str(backup))

    manifest = Manifest.from_file(manifest_path(backup))
    assert manifest.tables == {
        table: len(rows) for table, rows in at_backup.items() if table != "(sequences)"
    }
    # Work goes on after the backup: a new application, a changed case, deleted deadlines.
    someone_else = victim(
        "Another Person",
        address="9 Fore Street, Ware",
        postcode="SG12 9AA",
        email="another@example.test",
        phone="07700 900999",
    )
    receive(area, coordinator, victim=someone_else)
    Case.objects.filter(pk=case.pk).update(victim_name="Changed after the backup")
    Deadline.objects.filter(case=case).delete()
    assert differences(at_backup, snapshot(connection))

    call_command("restore", str(backup), "--yes")

    assert differences(at_backup, snapshot(connection)) == []
    assert snapshot(connection) == at_backup


@on_sqlite
def test_an_sqlite_backup_restores_every_table_row_for_row(
    tmp_path, in_march, smtp_server, area, coordinator, staff_client
):
    _round_trip(tmp_path, area, coordinator, staff_client)


@on_postgresql
def test_a_postgresql_backup_restores_every_table_row_for_row(
    tmp_path, in_march, smtp_server, area, coordinator, staff_client
):
    _round_trip(tmp_path, area, coordinator, staff_client)
