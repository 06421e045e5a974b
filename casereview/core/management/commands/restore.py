"""``manage.py restore PATH --yes``: replace the database with the backup at PATH.

Destructive: everything written since the backup is lost, so it refuses to run without
``--yes``. The backup is checked first (its manifest, the kind of database, the SHA-256 of the
file, the migrations it was made at) and the row count of every table afterwards. Stop the app
servers and task workers before restoring; start them again after any ``manage.py migrate`` it
asks for. See ``casereview.core.backup`` and docs/operations.md.
"""

from __future__ import annotations

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from casereview.core.backup import BackupError, check_backup, restore


class Command(BaseCommand):
    help = "Replace the database with a backup made by `manage.py backup` (needs --yes)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("path", help="the backup file (its manifest must be beside it)")
        parser.add_argument(
            "--yes",
            action="store_true",
            help="confirm: the database's current content is replaced by the backup's",
        )
        parser.add_argument(
            "--check-only",
            action="store_true",
            help="only check the backup against its manifest; change nothing",
        )
        parser.add_argument(
            "--database", default="default", help="the database alias (default: default)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["path"])
        using = options["database"]
        try:
            if options["check_only"]:
                manifest = check_backup(path, using=using)
                self.stdout.write(
                    f"{path} is a sound {manifest.format} backup made {manifest.created_at} "
                    f"({len(manifest.tables)} tables, {sum(manifest.tables.values())} rows)."
                )
                return
            if not options["yes"]:
                raise CommandError(
                    "Restoring replaces everything in the database with the backup: add --yes "
                    "to confirm (or --check-only to check the backup without restoring)."
                )
            result = restore(path, using=using)
        except BackupError as exc:
            raise CommandError(str(exc)) from None
        except (DatabaseError, OSError) as exc:
            raise CommandError(f"The restore failed: {exc}") from None
        manifest = result.manifest
        self.stdout.write(
            f"Restored {path} (made {manifest.created_at}): {len(result.counts)} tables, "
            f"{sum(result.counts.values())} rows, every count as in the manifest."
        )
        if result.migrations_to_apply:
            self.stdout.write(
                f"The backup predates {len(result.migrations_to_apply)} migration(s) of this "
                "version: run `python manage.py migrate` before starting the service."
            )
