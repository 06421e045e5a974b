"""Importing a CSV file of an agency's incidents: the steps shared by the upload page's
background task and the ``import_incidents`` command.

All or nothing per file: every row is read and checked first, and if any row has a problem
nothing is imported and every problem is reported (row, reference, column, message), as GOV.UK
Notify does with a spreadsheet of recipients: fix the rows and upload the file again. Only a
file without problems is stored, through ``casereview.partners.ingest.ingest_incidents``.

The import is stored in chunks, each committed on its own. If the database fails part-way, the
chunks before the failure stay imported and the import is marked failed with an honest message;
because storing is idempotent on the agency's references, uploading the same file again
finishes it without duplicating anything.
"""

from __future__ import annotations

import logging
import time
from dataclasses import asdict, dataclass, replace
from functools import partial

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from casereview.accounts.models import User
from casereview.areas.models import Agency, Area
from casereview.areas.selectors import acts_in
from casereview.core.collector import fewer_collections
from casereview.partners.imports.csv_format import (
    FileProblem,
    column_of,
    count_of,
    parse_rows,
    read_rows,
)
from casereview.partners.ingest import (
    IngestResult,
    RecordProblem,
    RejectedRecords,
    ingest_incidents,
)
from casereview.partners.models import ImportStatus, IncidentImport, IncidentImportFile

logger = logging.getLogger(__name__)

# Largest file the upload page accepts: about 100,000 rows of incidents with descriptions.
MAX_FILE_BYTES = 20 * 1024 * 1024


class ImportProgress:
    """What an import reports as it goes (the command draws progress bars; the background task
    writes the import's row). Every method does nothing unless overridden."""

    def started(self, total_rows: int) -> None:
        """The file has ``total_rows`` rows of data; checking begins."""

    def checked(self, rows: int) -> None:
        """``rows`` rows have been read and checked."""

    def importing(self) -> None:
        """Every row is fine; storing begins."""

    def imported(self, rows: int) -> None:
        """``rows`` rows have been stored (and committed)."""

    def committing(self, rows: int) -> None:
        """``rows`` rows are being stored: called inside the transaction that stores the last
        of them, so a write made here is committed with them or not at all."""


@dataclass(frozen=True)
class ImportOutcome:
    """What became of a file: ``problems`` (with CSV column names) when it was rejected, the
    ``result`` of storing it otherwise."""

    total_rows: int
    problems: list[RecordProblem]
    result: IngestResult | None

    @property
    def rejected(self) -> bool:
        return bool(self.problems)


def import_file(
    content: bytes,
    area: Area,
    agency: Agency,
    *,
    by: User | None,
    progress: ImportProgress | None = None,
) -> ImportOutcome:
    """Check every row of the file, then import it if no row has a problem (module docstring).

    A file that cannot be read at all (not text, wrong header) is rejected with one problem on
    row 1. Raises ``ValueError`` if ``agency`` does not act in ``area``; database errors while
    storing propagate, with the chunks before them committed. Reading, checking and storing
    run with ``fewer_collections`` (the file's records live until the end).
    """
    with fewer_collections():
        return _import_file(content, area, agency, by=by, progress=progress or ImportProgress())


def _import_file(
    content: bytes, area: Area, agency: Agency, *, by: User | None, progress: ImportProgress
) -> ImportOutcome:
    try:
        rows = read_rows(content)
        progress.started(count_of(rows))
        parsed = parse_rows(rows, progress=progress.checked)
    except FileProblem as problem:
        return ImportOutcome(0, [RecordProblem(1, "", "", problem.message)], None)
    today = timezone.localdate()
    problems = parsed.check(today=today)
    if problems:
        return ImportOutcome(parsed.rows, problems, None)
    progress.importing()
    try:
        result = ingest_incidents(
            area,
            agency,
            parsed.records,
            by=by,
            progress=progress.imported,
            committing=progress.committing,
            numbering=parsed.numbers,
            checked_on=today,  # every row checked just now: not again, unless a day turned
        )
    except RejectedRecords as rejected:
        # Checked a moment ago with the same rules; only a day turning at midnight between
        # the two could make a difference. Reported the same way.
        return ImportOutcome(
            parsed.rows,
            [replace(p, field=column_of(p.field)) for p in rejected.problems],
            None,
        )
    return ImportOutcome(parsed.rows, [], result)


# --- Uploads run in the background -------------------------------------------------------------


def upload_import(
    area: Area,
    agency: Agency,
    *,
    file_name: str,
    content: bytes,
    by: User,
    language: str,
) -> IncidentImport:
    """Store an uploaded file and queue its import (``tasks.run_import``) once the upload is
    committed. ``language`` is the uploader's, in which the problems are written."""
    from casereview.partners.imports.tasks import run_import  # the task module imports this one

    if not acts_in(area, agency):
        raise ValidationError(
            {"agency": _("Choose one of the agencies of %(area)s") % {"area": area.name}}
        )
    with transaction.atomic():
        upload = IncidentImport.objects.create(
            area=area, agency=agency, file_name=file_name[:200], uploaded_by=by
        )
        IncidentImportFile.objects.create(upload=upload, content=content)
        transaction.on_commit(partial(run_import.enqueue, upload.pk, language))
    return upload


# The reading of a file is reported at most this often: each report is a write (a commit) of
# its own, and reading a 10,000-row file takes a fraction of a second.
READING_REPORT_SECONDS = 1.0


class _RowProgress(ImportProgress):
    """Writes progress to the import's row as it goes, so the page sees it: each write in
    autocommit, but for the count of rows stored, which goes with the chunk stored.

    The import is claimed as checking before this is made; the start of storing is written
    as it happens, with the file's count of rows, and the count of rows stored within each
    chunk's own transaction: the rows said to be imported are exactly those committed (a
    failure's message relies on it), without a commit of their own. While the file is read,
    the counts are written at most every ``READING_REPORT_SECONDS``: they only show that
    reading goes on (the page shows a bar without a count until then), and were a commit per
    1,000 rows and one more before reading."""

    def __init__(self, import_id: int) -> None:
        self.rows = IncidentImport.objects.filter(pk=import_id)
        self.total_rows = 0
        self.reported_at = 0.0

    def started(self, total_rows: int) -> None:
        self.total_rows = total_rows
        self.reported_at = time.monotonic()

    def checked(self, rows: int) -> None:
        now = time.monotonic()
        if now - self.reported_at >= READING_REPORT_SECONDS:
            self.rows.update(total_rows=self.total_rows, rows_done=rows)
            self.reported_at = now

    def importing(self) -> None:
        self.rows.update(status=ImportStatus.IMPORTING, total_rows=self.total_rows, rows_done=0)

    def committing(self, rows: int) -> None:
        self.rows.update(rows_done=rows)


def failure_message(rows_done: int, total_rows: int) -> str:
    """What to tell the uploader when the database failed part-way: what was kept, and that
    uploading the same file again finishes the job."""
    if rows_done == 0:
        return _(
            "The import stopped because of a problem with the database. No rows were imported. "
            "Upload the same file again."
        )
    return _(
        "The import stopped because of a problem with the database after %(done)s of "
        "%(total)s rows. Those rows were imported; the others were not. Upload the same file "
        "again to finish: rows already imported are left as they are, not duplicated."
    ) % {"done": f"{rows_done:,}", "total": f"{total_rows:,}"}


def run_import(import_id: int) -> str:
    """Run one queued import and record its outcome on its row. Returns the final status.

    Claimed with a conditional update, so a task run twice imports once.
    """
    claimed = IncidentImport.objects.filter(pk=import_id, status=ImportStatus.QUEUED).update(
        status=ImportStatus.CHECKING
    )
    if not claimed:
        return "skipped"
    upload = IncidentImport.objects.select_related("area", "agency", "uploaded_by").get(
        pk=import_id
    )
    rows = IncidentImport.objects.filter(pk=import_id)
    if not acts_in(upload.area, upload.agency):
        rows.update(
            status=ImportStatus.FAILED,
            failure=_(
                "%(agency)s is no longer an agency of %(area)s, so its incidents were not imported."
            )
            % {"agency": upload.agency.name, "area": upload.area.name},
            finished_at=timezone.now(),
        )
        return ImportStatus.FAILED
    try:
        outcome = import_file(
            bytes(IncidentImportFile.objects.values_list("content", flat=True).get(pk=import_id)),
            upload.area,
            upload.agency,
            by=upload.uploaded_by,
            progress=_RowProgress(import_id),
        )
    except Exception:  # the database (or anything else) failed part-way: say what was kept
        logger.exception("Import %s of incidents failed", import_id)
        done = rows.values_list("rows_done", "total_rows", "status").get()
        kept = done[0] if done[2] == ImportStatus.IMPORTING else 0
        rows.update(
            status=ImportStatus.FAILED,
            failure=failure_message(kept, done[1]),
            finished_at=timezone.now(),
        )
        return ImportStatus.FAILED
    if outcome.rejected:
        rows.update(
            status=ImportStatus.REJECTED,
            total_rows=outcome.total_rows,
            problems=[_problem_row(p) for p in outcome.problems],
            finished_at=timezone.now(),
        )
        return ImportStatus.REJECTED
    result = outcome.result
    assert result is not None  # not rejected, so stored
    rows.update(
        status=ImportStatus.DONE,
        rows_done=F("total_rows"),
        created=result.created,
        updated=result.updated,
        unchanged=result.unchanged,
        finished_at=timezone.now(),
    )
    return ImportStatus.DONE


def _problem_row(problem: RecordProblem) -> dict[str, object]:
    """A problem as stored in ``IncidentImport.problems``."""
    values = asdict(problem)
    return {
        "row": values["record"],
        "reference": values["reference"],
        "field": values["field"],
        "message": values["message"],
    }
