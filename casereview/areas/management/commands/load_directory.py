"""``manage.py load_directory``: load the national directory from data/*.csv. Safe to run again."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from casereview.areas.loading import (
    REFERENCE_DATA_DIR,
    ReferenceDataError,
    load_directory,
    read_reference_data,
)


class Command(BaseCommand):
    help = (
        "Load the areas, councils and police forces of England and Wales from the reference "
        "data kept in the project. Loading twice changes nothing; area settings an "
        "administrator changed (on the service, contacts, policies) are never touched."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--data-dir",
            type=Path,
            default=REFERENCE_DATA_DIR,
            help="Folder holding areas.csv, county_councils.csv and police_forces.csv "
            "(default: the project's data/ folder).",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Report what would change, and change nothing.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            data = read_reference_data(options["data_dir"])
        except ReferenceDataError as exc:
            raise CommandError(f"Cannot load the directory: {exc}") from None
        dry_run: bool = options["dry_run"]
        report = load_directory(data, dry_run=dry_run)
        prefix = "Dry run, nothing saved. " if dry_run else ""
        self.stdout.write(f"{prefix}Agencies: {report.agencies}")
        self.stdout.write(f"{prefix}Areas: {report.areas}")
        self.stdout.write(f"{prefix}Relevant bodies: {report.relevant_bodies}")
        if not report.changed():
            self.stdout.write(self.style.SUCCESS("The directory was already up to date."))
