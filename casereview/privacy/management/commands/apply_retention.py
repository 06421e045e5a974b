"""``python manage.py apply_retention [--dry-run]``: anonymise closed cases whose area's
retention period has run out, and delete abandoned online applications (the daily sweep calls
``casereview.privacy.services.apply_retention`` itself)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from casereview.privacy.services import apply_retention


class Command(BaseCommand):
    help = "Anonymise closed cases past their retention period; delete abandoned drafts."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dry-run", action="store_true", help="Say what would be done, and change nothing."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        dry = bool(options["dry_run"])
        outcome = apply_retention(dry_run=dry)
        verb = "Would anonymise" if dry else "Anonymised"
        for reference in outcome.cases:
            self.stdout.write(f"{verb} {reference}")
        drafts_verb = "Would delete" if dry else "Deleted"
        self.stdout.write(
            f"{verb} {len(outcome.cases)} closed cases; {drafts_verb.lower()} "
            f"{outcome.drafts_deleted} unsubmitted online applications."
        )
