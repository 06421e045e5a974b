"""``python manage.py verify_audit``: check that no audit record was deleted or altered.

Walks the hash chain in sequence order, a batch at a time, recomputing every hash; reports the
first broken link (which row is missing or altered, expected and found) and exits with status 1,
or says how many records are intact and exits with 0.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from casereview.audit.chain import verify


class Command(BaseCommand):
    help = (
        "Verify the hash chain of the audit log: exit status 1 if a record was deleted or altered."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--batch-size",
            type=int,
            default=2000,
            help="Records read from the database at a time (default 2000).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        batch_size = options["batch_size"]
        if batch_size < 1:
            raise CommandError("--batch-size must be 1 or more.")
        result = verify(batch_size=batch_size)
        if result.broken is not None:
            self.stderr.write(
                f"The audit chain is broken after {result.checked} intact records: {result.broken}"
            )
            raise SystemExit(1)
        self.stdout.write(
            self.style.SUCCESS(f"The audit chain is intact: {result.checked} records verified.")
        )
