"""The CSV file of incidents an agency uploads: its columns, how a file is read, and the template.

One row per incident, with a header row naming the columns (in any order; optional columns may
be left out)::

    agency_reference,behaviour_date,behaviour_time,reported_date,kind,location,postcode,...

Dates are written YYYY-MM-DD or DD/MM/YYYY (as Excel writes them in the UK), times HH:MM. Files
saved by Excel as "CSV UTF-8" start with a byte-order mark; files saved as plain "CSV" are in
Windows-1252: both are read. A row is named by its line in the file (the header is row 1), as a
spreadsheet shows it.

Parsing turns each row into an ``IncidentRecord`` or into the problems that stop it being one;
``casereview.partners.ingest.check_records`` then checks the records themselves.
"""

from __future__ import annotations

import csv
import functools
import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date, time

from django.utils.translation import gettext as _

from casereview.partners.ingest import COMMENCEMENT, IncidentRecord, RecordProblem, check_records

# (column, required): the order of the template's header.
COLUMNS: tuple[tuple[str, bool], ...] = (
    ("agency_reference", True),
    ("behaviour_date", True),
    ("behaviour_time", False),
    ("reported_date", True),
    ("kind", False),
    ("location", False),
    ("postcode", False),
    ("description", False),
    ("victim_reference", False),
    ("victim_name", False),
    ("victim_date_of_birth", False),
    ("victim_address", False),
    ("victim_postcode", False),
)
COLUMN_NAMES = tuple(name for name, _required in COLUMNS)
REQUIRED_COLUMNS = tuple(name for name, required in COLUMNS if required)

# The record field each column fills, where the names differ.
FIELD_OF_COLUMN = {"behaviour_date": "behaviour_on", "reported_date": "reported_on"}
COLUMN_OF_FIELD = {record_field: column for column, record_field in FIELD_OF_COLUMN.items()}

EXAMPLE_ROW = {
    "agency_reference": "HC/2026/004512",
    "behaviour_date": "2026-03-02",
    "behaviour_time": "22:15",
    "reported_date": "03/03/2026",
    "kind": "complaint",
    "location": "Outside 14 Fore Street",
    "postcode": "SG14 1AB",
    "description": "Loud music and shouting from the flat above until 2am",
    "victim_reference": "P-778812",
    "victim_name": "Sam Example",
    "victim_date_of_birth": "1970-05-21",
    "victim_address": "12 Fore Street, Hertford",
    "victim_postcode": "SG14 1AB",
}

_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_UK_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_TIME = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2}))?$")


class FileProblem(Exception):
    """The file as a whole cannot be read (not text, no header, wrong columns): one message,
    shown against the header row."""

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


@dataclass
class ParsedFile:
    """Every row of a file: ``records`` with their ``numbers`` (lines in the file), and the
    problems of rows that could not be read as records."""

    records: list[IncidentRecord] = field(default_factory=list)
    numbers: list[int] = field(default_factory=list)
    problems: list[RecordProblem] = field(default_factory=list)
    # Row number -> the record fields whose values could not be read (stood in for).
    unread: dict[int, set[str]] = field(default_factory=dict)
    rows: int = 0

    def check(self, *, today: date) -> list[RecordProblem]:
        """Every problem of every row, by row then column: those of reading it, then those
        ``check_records`` finds (except about values that could not be read). The problems
        name the row's columns, not the record's fields."""
        checked = [
            problem
            for problem in check_records(self.records, today=today, numbering=self.numbers)
            if problem.field not in self.unread.get(problem.record, set())
        ]
        order = {name: index for index, name in enumerate(COLUMN_NAMES)}
        every = [
            replace(problem, field=column_of(problem.field))
            for problem in [*self.problems, *checked]
        ]
        return sorted(every, key=lambda p: (p.record, order.get(p.field, -1)))


def column_of(record_field: str) -> str:
    """The CSV column of an ``IncidentRecord`` field (for naming it in a problem)."""
    return COLUMN_OF_FIELD.get(record_field, record_field)


def template_csv() -> str:
    """A file to start from: the header and one example row."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMN_NAMES, lineterminator="\r\n")
    writer.writeheader()
    writer.writerow(EXAMPLE_ROW)
    return out.getvalue()


def decode(content: bytes) -> str:
    """The file's text: UTF-8 (with or without Excel's byte-order mark), else Windows-1252."""
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return content.decode("cp1252")
    except UnicodeDecodeError:
        raise FileProblem(
            _(
                "The file is not a CSV file that can be read: save it from your spreadsheet as "
                "“CSV UTF-8” and upload it again"
            )
        ) from None


def _rows(text: str) -> Iterator[tuple[int, list[str]]]:
    """(line number where the row starts, its cells) for every row, the header first. Quoted
    cells may hold line breaks, so a row can span several lines."""
    reader = csv.reader(io.StringIO(text, newline=""))
    start = 1
    try:
        for cells in reader:
            yield start, cells
            start = reader.line_num + 1
    except csv.Error as error:
        raise FileProblem(
            _("Row %(row)s cannot be read as CSV (%(error)s): check the file and upload it again")
            % {"row": reader.line_num, "error": error}
        ) from None


Rows = list[tuple[int, list[str]]]


def read_rows(content: bytes) -> Rows:
    """Every row of the file, the header first: (line where it starts, its cells). Raises
    ``FileProblem`` for a file that is not text or not CSV. Read once, then counted
    (``count_of``) and parsed (``parse_rows``): the import needs both."""
    return list(_rows(decode(content)))


def count_of(rows: Rows) -> int:
    """How many rows of data (not counting the header or blank rows) ``rows`` has."""
    return sum(1 for _number, cells in rows if any(c.strip() for c in cells)) - 1


def count_rows(content: bytes) -> int:
    """How many rows of data (not counting the header or blank rows) the file has."""
    return count_of(read_rows(content))


def _header(cells: list[str]) -> list[str]:
    columns = [cell.strip().lower() for cell in cells]
    unknown = [c for c in columns if c and c not in COLUMN_NAMES]
    missing = [c for c in REQUIRED_COLUMNS if c not in columns]
    repeated = sorted({c for c in columns if c and columns.count(c) > 1})
    blank = "" in columns
    if not (unknown or missing or repeated or blank):
        return columns
    parts = []
    if missing:
        parts.append(_("these required columns are missing: %(columns)s") % _names(missing))
    if unknown:
        parts.append(_("these columns are not known: %(columns)s") % _names(unknown))
    if repeated:
        parts.append(_("these columns appear more than once: %(columns)s") % _names(repeated))
    if blank:
        parts.append(_("a column has no name"))
    raise FileProblem(
        _(
            "The header row (row 1) is not right: %(problems)s. The columns are: %(columns)s. "
            "Download the template to see them"
        )
        % {"problems": "; ".join(parts), "columns": ", ".join(COLUMN_NAMES)}
    )


def _names(columns: list[str]) -> dict[str, str]:
    return {"columns": ", ".join(columns)}


# Remembered: a file names the same few hundred days and times on row after row, and reading
# them again cost more than the rest of a row. A value that is not one raises every time.
@functools.lru_cache(maxsize=8192)
def parse_date(value: str) -> date:
    """YYYY-MM-DD or DD/MM/YYYY; ValueError otherwise (also for dates that do not exist)."""
    if match := _ISO_DATE.match(value):
        year, month, day = match.groups()
    elif match := _UK_DATE.match(value):
        day, month, year = match.groups()
    else:
        raise ValueError(value)
    return date(int(year), int(month), int(day))


@functools.lru_cache(maxsize=4096)
def parse_time(value: str) -> time:
    match = _TIME.match(value)
    if not match:
        raise ValueError(value)
    hour, minute, second = match.groups()
    return time(int(hour), int(minute), int(second or 0))


def _date_message(column: str) -> str:
    return {
        "behaviour_date": _(
            "Enter the date of the behaviour as a real date, like 2026-03-02 or 02/03/2026"
        ),
        "reported_date": _(
            "Enter the date it was reported as a real date, like 2026-03-02 or 02/03/2026"
        ),
        "victim_date_of_birth": _(
            "Enter the victim's date of birth as a real date, like 1970-05-21 or 21/05/1970"
        ),
    }[column]


# Stand-ins for dates that could not be read, so that the row's other values are still checked
# (``check_records`` needs dates); problems about a stand-in are not reported.
_STAND_IN = {
    "behaviour_date": COMMENCEMENT,
    "reported_date": COMMENCEMENT,
    "victim_date_of_birth": date(1900, 1, 1),
}


def _read_date(values: dict[str, str], column: str, problems: list[tuple[str, str]]) -> date:
    """The date in ``column``, or its stand-in with the problem added to ``problems``. Only
    called for required columns and for dates that were given."""
    raw = values.get(column, "")
    if not raw:
        problems.append(
            (
                column,
                _("Enter the date of the behaviour")
                if column == "behaviour_date"
                else _("Enter the date it was reported"),
            )
        )
        return _STAND_IN[column]
    try:
        return parse_date(raw)
    except ValueError:
        problems.append((column, _date_message(column)))
        return _STAND_IN[column]


def _record(values: dict[str, str]) -> tuple[IncidentRecord, list[tuple[str, str]]]:
    """The record of one row's values (by column), and the (column, message) problems of values
    that could not be read (given stand-ins in the record)."""
    problems: list[tuple[str, str]] = []
    behaviour_on = _read_date(values, "behaviour_date", problems)
    reported_on = _read_date(values, "reported_date", problems)
    birth = (
        _read_date(values, "victim_date_of_birth", problems)
        if values.get("victim_date_of_birth")
        else None
    )
    behaviour_time = None
    if raw_time := values.get("behaviour_time", ""):
        try:
            behaviour_time = parse_time(raw_time)
        except ValueError:
            problems.append(
                (
                    "behaviour_time",
                    _("Enter the time of the behaviour like 22:15, or leave it blank"),
                )
            )
    record = IncidentRecord(
        agency_reference=values.get("agency_reference", ""),
        behaviour_on=behaviour_on,
        reported_on=reported_on,
        behaviour_time=behaviour_time,
        kind=values.get("kind", "").lower() or "complaint",
        location=values.get("location", ""),
        postcode=values.get("postcode", ""),
        description=values.get("description", ""),
        victim_name=values.get("victim_name", ""),
        victim_date_of_birth=birth,
        victim_address=values.get("victim_address", ""),
        victim_postcode=values.get("victim_postcode", ""),
        victim_reference=values.get("victim_reference", ""),
    )
    return record, problems


def parse_csv(content: bytes, *, progress: Callable[[int], None] | None = None) -> ParsedFile:
    """Read every row of the file (module docstring). Raises ``FileProblem`` for a file that
    cannot be read at all; a row's own problems are in the result. ``progress(n)`` is called
    every 1,000 rows and at the end with the number of rows read."""
    return parse_rows(read_rows(content), progress=progress)


def parse_rows(every: Rows, *, progress: Callable[[int], None] | None = None) -> ParsedFile:
    """``parse_csv`` of the rows ``read_rows`` read."""
    rows = iter(every)
    header = next(rows, None)
    if header is None or not any(cell.strip() for cell in header[1]):
        raise FileProblem(_("The file is empty: it needs a header row and a row for each incident"))
    columns = _header(header[1])
    parsed = ParsedFile()
    for number, cells in rows:
        if not any(cell.strip() for cell in cells):
            continue  # blank lines (often at the end of a file) are not rows of data
        values = {column: cell.strip() for column, cell in zip(columns, cells, strict=False)}
        reference = values.get("agency_reference", "")
        parsed.rows += 1
        if len(cells) != len(columns):
            parsed.problems.append(
                RecordProblem(
                    number,
                    reference,
                    "",
                    _(
                        "This row has %(cells)s values but the header has %(columns)s columns: "
                        "check for a missing or extra comma"
                    )
                    % {"cells": len(cells), "columns": len(columns)},
                )
            )
            continue
        record, problems = _record(values)
        parsed.records.append(record)
        parsed.numbers.append(number)
        if problems:
            parsed.problems.extend(RecordProblem(number, reference, c, m) for c, m in problems)
            parsed.unread[number] = {FIELD_OF_COLUMN.get(c, c) for c, _m in problems}
        if progress is not None and parsed.rows % 1000 == 0:
            progress(parsed.rows)
    if parsed.rows == 0:
        raise FileProblem(_("The file has a header row but no incidents under it"))
    if progress is not None:
        progress(parsed.rows)
    return parsed
