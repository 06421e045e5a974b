"""``manage.py import_incidents FILE --area SLUG --agency CODE``: import a CSV file of one
agency's incidents into one area (the format: ``casereview.partners.imports.csv_format``).

The same all-or-nothing import as the upload page: every row is checked first, with a progress
bar on stderr; if any row has a problem, nothing is imported, every problem is printed and the
command fails. Otherwise the rows are imported (a second progress bar) and the numbers of new,
changed and unchanged incidents are printed. Running it again with the same file changes
nothing, and finishes an import that a database failure stopped part-way.
"""

from __future__ import annotations

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError
from tqdm import tqdm

from casereview.areas.models import Agency
from casereview.areas.selectors import acts_in, area_by_slug
from casereview.partners.imports.services import ImportProgress, import_file


class _Bars(ImportProgress):
    """Two tqdm bars on stderr: checking the rows, then importing them."""

    def __init__(self, stream: Any, *, enabled: bool) -> None:
        self.stream = stream
        self.enabled = enabled
        self.total = 0
        # Rows committed so far, for an honest message if the database fails part-way.
        self.imported_rows = 0
        self.bar: tqdm[Any] | None = None

    def _open(self, description: str) -> None:
        self.close()
        self.bar = tqdm(
            total=self.total,
            desc=description,
            unit=" rows",
            file=self.stream,
            disable=not self.enabled,
        )

    def _to(self, rows: int) -> None:
        if self.bar is not None:
            self.bar.update(rows - self.bar.n)

    def started(self, total_rows: int) -> None:
        self.total = total_rows
        self._open("Checking")

    def checked(self, rows: int) -> None:
        self._to(rows)

    def importing(self) -> None:
        self._open("Importing")

    def imported(self, rows: int) -> None:
        self.imported_rows = rows
        self._to(rows)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None


class Command(BaseCommand):
    help = "Import a CSV file of one agency's incidents into an area (all rows or none)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "file", help="The CSV file (the columns of the upload page's template)."
        )
        parser.add_argument("--area", required=True, metavar="SLUG", help="The area's slug.")
        parser.add_argument(
            "--agency",
            required=True,
            metavar="CODE",
            help="The code of the agency the file is from.",
        )
        parser.add_argument(
            "--no-progress", action="store_true", help="Do not draw progress bars on stderr."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        area = area_by_slug(options["area"].strip())
        if area is None:
            raise CommandError(f"--area: there is no area with the slug {options['area']!r}.")
        agency = Agency.objects.filter(code=options["agency"].strip()).first()
        if agency is None:
            raise CommandError(f"--agency: there is no agency with the code {options['agency']!r}.")
        if not acts_in(area, agency):
            raise CommandError(f"--agency: {agency.name} is not an agency of {area.name}.")
        path = Path(options["file"])
        try:
            content = path.read_bytes()
        except OSError as error:
            raise CommandError(f"{path}: cannot read the file ({error.strerror}).") from None

        bars = _Bars(self.stderr, enabled=not options["no_progress"])
        try:
            outcome = import_file(content, area, agency, by=None, progress=bars)
        except DatabaseError as error:
            bars.close()
            raise CommandError(
                f"The import stopped because of a database error ({error}). The first "
                f"{bars.imported_rows:,} of {bars.total:,} rows were imported and are kept; run "
                "the command again with the same file to finish: rows already imported are "
                "not duplicated."
            ) from None
        bars.close()

        if outcome.rejected:
            self.stdout.write(
                f"{path.name}: nothing was imported. Fix these rows and run the command again:"
            )
            for problem in outcome.problems:
                where = f"row {problem.record}"
                if problem.reference:
                    where += f" ({problem.reference})"
                if problem.field:
                    where += f", column {problem.field}"
                self.stdout.write(f"  {where}: {problem.message}")
            count = len({p.record for p in outcome.problems})
            raise CommandError(
                f"{count} {'row has' if count == 1 else 'rows have'} problems: "
                "nothing was imported."
            )
        result = outcome.result
        assert result is not None  # not rejected, so imported
        self.stdout.write(
            self.style.SUCCESS(
                f"{path.name}: {outcome.total_rows:,} rows imported for {agency.name} in "
                f"{area.name}: {result.created:,} new, {result.updated:,} changed, "
                f"{result.unchanged:,} unchanged."
            )
        )
