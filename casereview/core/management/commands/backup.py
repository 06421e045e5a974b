"""``manage.py backup PATH [--force]``: write a consistent backup of the database to PATH, with a
manifest beside it (``PATH.manifest.json``). See ``casereview.core.backup``.

SQLite is copied with the online backup API while the service runs; PostgreSQL with ``pg_dump``
in its custom format. Exits non-zero, with one line saying why, when the backup cannot be made.
"""

from __future__ import annotations

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from casereview.core.backup import BackupError, backup, manifest_path


class Command(BaseCommand):
    help = "Back up the database to a file (and a manifest beside it), while the service runs."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "path", help="the backup file to write, e.g. /srv/backups/2026-03-16.db"
        )
        parser.add_argument(
            "--force", action="store_true", help="overwrite the file (and manifest) if they exist"
        )
        parser.add_argument(
            "--database", default="default", help="the database alias (default: default)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["path"])
        try:
            manifest = backup(path, force=options["force"], using=options["database"])
        except BackupError as exc:
            raise CommandError(str(exc)) from None
        except (DatabaseError, OSError) as exc:
            raise CommandError(f"The backup failed: {exc}") from None
        rows = sum(manifest.tables.values())
        self.stdout.write(
            f"Backed up {len(manifest.tables)} tables ({rows} rows, {manifest.size_bytes} bytes, "
            f"{manifest.format}) to {path}; manifest {manifest_path(path)}; "
            f"sha256 {manifest.sha256}."
        )
