"""Incident data in: the one service through which an agency's incident records enter the
service, whichever way they arrive (the partner API, the CSV import).

A batch is all or nothing at the checking stage: ``check_records`` finds every problem of every
record at once, and ``ingest_incidents`` stores nothing while any remains, so an agency fixes
its data once rather than one error per attempt.

Storing is an upsert on the agency's own reference in the area (``Incident`` is unique on
``(area, agency, agency_reference)``): a new reference is created, a known one with the same
values is left alone (no write at all, so its ``updated_at`` and whatever hangs off it stay as
they were), a known one with different values is updated. Sending the same batch twice
therefore changes nothing, which is what lets an agency re-send after a timeout, and lets a
CSV import that failed part-way be finished by uploading the same file again.

Records are stored in chunks, each in its own transaction together with what follows from it
(``partners.effects.after_incidents_saved``: match proposals, second-report prompts), so a
large file does not hold one long write lock, and progress can be reported between chunks.

A chunk is a handful of set-based statements whatever its size: one query for the incidents
already held under its references, one or two for its victims, then one statement each to
insert the new victims and incidents (``_insert_rows``: an ``executemany`` on SQLite, a COPY on
PostgreSQL) and one ``executemany`` each to update the changed ones, with keys taken
beforehand (``_take_keys``) so that a new row's own ``person_key``/``group_key`` is written with
it. No model instance is made on the way: rows are tuples, and what follows from them reads
``StoredIncident`` rows. Bulk writes send no signals, so each chunk writes its own audit record
per table (``record_batch``), naming counts only; the chunk's records are appended to the
audit chain together as it ends (``batch_records``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, fields, replace
from datetime import date, time
from typing import Any, NamedTuple

from django.db import connections, transaction
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Model
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from casereview.accounts.models import User
from casereview.areas.models import Agency, Area
from casereview.areas.selectors import acts_in
from casereview.audit.log import batch_records, record_batch
from casereview.cases.models import ComplaintKind, normalise_name
from casereview.core.collector import fewer_collections
from casereview.partners import effects
from casereview.partners.matching.sets import SQLITE_LISTED
from casereview.partners.models import Incident, PartnerVictim, months_late, occasion_key_of

# Section 104 of the Anti-social Behaviour, Crime and Policing Act 2014 came into force on
# 20 October 2014: nothing before it can count towards a Case Review.
COMMENCEMENT = date(2014, 10, 20)
# Records stored in one transaction: an API batch (at most 1,000 records) is one chunk, a CSV
# file a chunk per 2,000 rows. A chunk's fixed cost (its lookups, audit records and commit) is
# then under a tenth of its time, and SQLite's write lock is held for a fraction of a second.
CHUNK_SIZE = 2000
# Free-text fields are unlimited in the database; a record longer than this is a mistake (a
# whole file pasted into one cell), not an incident.
MAX_TEXT = 10_000

# Model field lengths the records must fit.
MAX_REFERENCE = Incident._meta.get_field("agency_reference").max_length or 100
MAX_POSTCODE = Incident._meta.get_field("postcode").max_length or 10
MAX_VICTIM_NAME = PartnerVictim._meta.get_field("name").max_length or 200
MAX_VICTIM_REFERENCE = PartnerVictim._meta.get_field("agency_reference").max_length or 100

# The shape of a UK postcode once spaces are removed (the outward code, then a digit and two
# letters), and GIR 0AA. Enough to catch a transposed column, not a full address check.
_POSTCODE = re.compile(r"^(?:GIR0AA|[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2})$")


@dataclass(frozen=True)
class IncidentRecord:
    """One incident as an agency sends it, with the victim it concerns when known."""

    agency_reference: str
    behaviour_on: date
    reported_on: date
    behaviour_time: time | None = None
    kind: str = ComplaintKind.COMPLAINT.value
    location: str = ""
    postcode: str = ""
    description: str = ""
    victim_name: str = ""
    victim_date_of_birth: date | None = None
    victim_address: str = ""
    victim_postcode: str = ""
    victim_reference: str = ""


# The text fields, which ``cleaned`` strips.
_TEXT_FIELDS = tuple(f.name for f in fields(IncidentRecord) if f.type in ("str", str))

_KINDS = frozenset(ComplaintKind.values)

# The victim fields: any of them given means the record names a victim.
VICTIM_FIELDS = (
    "victim_name",
    "victim_date_of_birth",
    "victim_address",
    "victim_postcode",
    "victim_reference",
)


@dataclass(frozen=True)
class RecordProblem:
    """Why one record of a batch was rejected. ``record`` is its 1-based position in the batch
    (or the number the caller gave it: a CSV's line number); ``field`` is the name of the
    ``IncidentRecord`` field at fault ("" for the record as a whole)."""

    record: int
    reference: str
    field: str
    message: str


@dataclass(frozen=True)
class IngestResult:
    """How many records were new, changed or already stored as sent; ``incident_ids`` are the
    pks of the stored incidents of every record, in the order of the batch."""

    created: int
    updated: int
    unchanged: int
    incident_ids: tuple[int, ...]

    @property
    def incidents(self) -> list[Incident]:
        """The stored incidents of every record, in the order of the batch, read from the
        database when asked for (the API and the CSV import only need the counts)."""
        found = Incident.objects.select_related("victim").in_bulk(self.incident_ids)
        return [found[pk] for pk in self.incident_ids]


class RejectedRecords(Exception):
    """A batch was refused: ``problems`` names every problem of every record. Nothing was stored."""

    def __init__(self, problems: list[RecordProblem]) -> None:
        self.problems = problems
        super().__init__(
            ngettext(
                "%(count)s problem in the records: nothing was stored.",
                "%(count)s problems in the records: nothing was stored.",
                len(problems),
            )
            % {"count": len(problems)}
        )


# --- Checking ---------------------------------------------------------------------------------


def cleaned(record: IncidentRecord) -> IncidentRecord:
    """``record`` with surrounding spaces taken off its text and seconds' fractions and time
    zones off its time, so that the same data sent twice compares equal to what was stored."""
    changes: dict[str, Any] = {}
    for name in _TEXT_FIELDS:
        value = getattr(record, name)
        stripped = value.strip()
        if stripped is not value and stripped != value:
            changes[name] = stripped
    moment = record.behaviour_time
    if moment is not None and (moment.microsecond or moment.tzinfo is not None):
        changes["behaviour_time"] = moment.replace(microsecond=0, tzinfo=None)
    # Most records arrive clean: the record itself, not a copy (it is frozen).
    return replace(record, **changes) if changes else record


_SPACES = re.compile(r"\s+")


@functools.lru_cache(maxsize=65_536)
def postcode_key(value: str) -> str:
    """``casereview.cases.models.normalise_postcode`` (no spaces, capitals), its pattern
    compiled once, and remembered: a batch normalises a few thousand postcodes, most of them
    its streets' and its victims' again and again."""
    return _SPACES.sub("", value).upper()


@functools.lru_cache(maxsize=65_536)
def looks_like_postcode(value: str) -> bool:
    """Whether ``value`` has the shape of a UK postcode. Remembered: a batch names the same
    few postcodes (its victims', its streets') again and again."""
    return bool(_POSTCODE.match(postcode_key(value)))


# One whole sentence per date, so that each reads naturally in Welsh too. Lazy, and made once:
# most records have no problem, and translating every message for every record cost more than
# checking it.
_DATE_MESSAGES = (
    (
        "behaviour_on",
        gettext_lazy("The date of the behaviour must be today or in the past"),
        gettext_lazy(
            "The date of the behaviour must be on or after 20 October 2014, when the Case "
            "Review began (Anti-social Behaviour, Crime and Policing Act 2014, s.104)"
        ),
    ),
    (
        "reported_on",
        gettext_lazy("The date it was reported must be today or in the past"),
        gettext_lazy(
            "The date it was reported must be on or after 20 October 2014, when the Case "
            "Review began (Anti-social Behaviour, Crime and Policing Act 2014, s.104)"
        ),
    ),
)


def _problems_of(record: IncidentRecord, *, today: date) -> Iterable[tuple[str, str]]:
    """(field, message) for each problem of one (cleaned) record on its own."""
    if not record.agency_reference:
        yield "agency_reference", _("Enter the agency's reference for the incident")
    elif len(record.agency_reference) > MAX_REFERENCE:
        yield (
            "agency_reference",
            _("The reference must be %(max)s characters or fewer") % {"max": MAX_REFERENCE},
        )

    for name, future, too_early in _DATE_MESSAGES:
        value: date = getattr(record, name)
        if value > today:
            yield name, str(future)
        elif value < COMMENCEMENT:
            yield name, str(too_early)
    if record.reported_on < record.behaviour_on:
        yield (
            "reported_on",
            _("The date it was reported must be the same as or after the date of the behaviour"),
        )

    if record.kind not in _KINDS:
        yield "kind", _("The kind must be complaint or diary_sheet")

    if record.postcode:
        if len(record.postcode) > MAX_POSTCODE:
            yield (
                "postcode",
                _("The postcode must be %(max)s characters or fewer") % {"max": MAX_POSTCODE},
            )
        elif not looks_like_postcode(record.postcode):
            yield "postcode", _("Enter a real UK postcode, like SG13 8EQ")
    for name in ("location", "description", "victim_address"):
        if len(getattr(record, name)) > MAX_TEXT:
            yield name, _("This must be %(max)s characters or fewer") % {"max": f"{MAX_TEXT:,}"}

    yield from _victim_problems(record, today=today)


def _victim_problems(record: IncidentRecord, *, today: date) -> Iterable[tuple[str, str]]:
    others = [name for name in VICTIM_FIELDS if name != "victim_name" and getattr(record, name)]
    if not record.victim_name:
        if others:
            yield (
                "victim_name",
                _("Enter the victim's name: the record gives other details of the victim"),
            )
    elif len(record.victim_name) > MAX_VICTIM_NAME:
        yield (
            "victim_name",
            _("The victim's name must be %(max)s characters or fewer") % {"max": MAX_VICTIM_NAME},
        )
    if len(record.victim_reference) > MAX_VICTIM_REFERENCE:
        yield (
            "victim_reference",
            _("The victim's reference must be %(max)s characters or fewer")
            % {"max": MAX_VICTIM_REFERENCE},
        )
    birth = record.victim_date_of_birth
    if birth is not None and birth >= today:
        yield "victim_date_of_birth", _("The victim's date of birth must be in the past")
    if record.victim_postcode:
        if len(record.victim_postcode) > MAX_POSTCODE:
            yield (
                "victim_postcode",
                _("The victim's postcode must be %(max)s characters or fewer")
                % {"max": MAX_POSTCODE},
            )
        elif not looks_like_postcode(record.victim_postcode):
            yield "victim_postcode", _("Enter a real UK postcode for the victim, like SG13 8EQ")


def _fine(record: IncidentRecord, today: date) -> bool:
    """Whether ``_problems_of(record)`` finds nothing, decided in one expression: almost every
    record of a batch is fine, and walking the generator for each (and translating nothing)
    cost more than storing it. Any record this refuses is checked in full by
    ``_problems_of``, which alone says what is wrong."""
    name = record.victim_name
    return (
        0 < len(record.agency_reference) <= MAX_REFERENCE
        and COMMENCEMENT <= record.behaviour_on <= record.reported_on <= today
        and record.kind in _KINDS
        and (
            not record.postcode
            or (len(record.postcode) <= MAX_POSTCODE and looks_like_postcode(record.postcode))
        )
        and len(record.location) <= MAX_TEXT
        and len(record.description) <= MAX_TEXT
        and len(record.victim_address) <= MAX_TEXT
        and (
            0 < len(name) <= MAX_VICTIM_NAME
            if name
            else not (
                record.victim_date_of_birth
                or record.victim_address
                or record.victim_postcode
                or record.victim_reference
            )
        )
        and len(record.victim_reference) <= MAX_VICTIM_REFERENCE
        and (record.victim_date_of_birth is None or record.victim_date_of_birth < today)
        and (
            not record.victim_postcode
            or (
                len(record.victim_postcode) <= MAX_POSTCODE
                and looks_like_postcode(record.victim_postcode)
            )
        )
    )


def _victim_details(record: IncidentRecord) -> tuple[str, date | None, str, str]:
    return (
        record.victim_name,
        record.victim_date_of_birth,
        record.victim_address,
        postcode_key(record.victim_postcode),
    )


def check_records(
    records: Sequence[IncidentRecord], *, today: date, numbering: Sequence[int] | None = None
) -> list[RecordProblem]:
    """Every problem of every record, in the order of the batch (empty when all are fine).

    ``numbering`` gives each record the number to report it by (a CSV's line numbers); by
    default, its 1-based position. Besides each record's own checks, a reference may appear
    only once in a batch, and records naming one victim by the same reference must agree on
    that victim's details (otherwise the later would overwrite the earlier, and re-sending the
    batch would not leave things as they were).
    """
    return _check_cleaned([cleaned(record) for record in records], today, numbering)


def _check_cleaned(
    records: Sequence[IncidentRecord], today: date, numbering: Sequence[int] | None
) -> list[RecordProblem]:
    """``check_records`` of records already ``cleaned``."""
    problems: list[RecordProblem] = []
    first_of_reference: dict[str, int] = {}
    victim_by_reference: dict[str, tuple[int, tuple[str, date | None, str, str]]] = {}
    for index, record in enumerate(records):
        number = numbering[index] if numbering is not None else index + 1
        found = [] if _fine(record, today) else list(_problems_of(record, today=today))

        reference = record.agency_reference
        if reference:
            if reference in first_of_reference:
                message = (
                    _("The reference %(reference)s is also used in row %(other)s")
                    if numbering is not None
                    else _("The reference %(reference)s is also used by record %(other)s")
                )
                found.append(
                    (
                        "agency_reference",
                        message % {"reference": reference, "other": first_of_reference[reference]},
                    )
                )
            else:
                first_of_reference[reference] = number

        if record.victim_reference and record.victim_name:
            details = _victim_details(record)
            earlier = victim_by_reference.setdefault(record.victim_reference, (number, details))
            if earlier[1] != details:
                message = (
                    _(
                        "Row %(other)s gives different details for the victim with reference "
                        "%(reference)s: give the same name, date of birth, address and postcode "
                        "for one victim"
                    )
                    if numbering is not None
                    else _(
                        "Record %(other)s gives different details for the victim with "
                        "reference %(reference)s: send the same name, date of birth, address "
                        "and postcode for one victim"
                    )
                )
                found.append(
                    (
                        "victim_reference",
                        message % {"other": earlier[0], "reference": record.victim_reference},
                    )
                )
        problems.extend(RecordProblem(number, reference, name, msg) for name, msg in found)
    return problems


# --- Storing ----------------------------------------------------------------------------------


class VictimKey(NamedTuple):
    """How a record's victim is found: by the agency's reference for them when it sends one,
    otherwise by who they are (name, date of birth and postcode, normalised)."""

    reference: str = ""
    name_key: str = ""
    date_of_birth: date | None = None
    postcode_key: str = ""


def victim_key(record: IncidentRecord) -> VictimKey | None:
    if not record.victim_name:
        return None
    if record.victim_reference:
        return VictimKey(reference=record.victim_reference)
    return VictimKey(
        name_key=normalise_name(record.victim_name),
        date_of_birth=record.victim_date_of_birth,
        postcode_key=postcode_key(record.victim_postcode),
    )


@dataclass(slots=True)
class StoredVictim:
    """One of the agency's victims as the ingest service holds it: the row's columns."""

    pk: int
    agency_reference: str
    name: str
    date_of_birth: date | None
    address: str
    postcode: str
    name_key: str
    postcode_key: str
    person_key: int


_VICTIM_COLUMNS = tuple(f.name for f in fields(StoredVictim))


class StoredIncident(NamedTuple):
    """An incident just created or changed, as what follows (matching, second reports) reads it:
    the columns, not a model instance (a named tuple: made a thousand times a chunk, for a
    quarter of the cost of a frozen dataclass)."""

    pk: int
    area_id: int
    agency_id: int
    victim_id: int | None
    behaviour_on: date
    behaviour_time: time | None
    reported_on: date
    description: str
    location: str
    postcode_key: str
    group_key: int


def ingest_incidents(
    area: Area,
    agency: Agency,
    records: Sequence[IncidentRecord],
    *,
    by: User | None,
    progress: Callable[[int], None] | None = None,
    numbering: Sequence[int] | None = None,
    chunk_size: int | None = None,
    checked_on: date | None = None,
    committing: Callable[[int], None] | None = None,
) -> IngestResult:
    """Store ``agency``'s incident records in ``area`` (module docstring).

    Raises ``ValueError`` if the agency does not act in the area, and ``RejectedRecords`` with
    every problem (storing nothing) if any record has one. ``progress(n)`` is called after each
    chunk is committed, with the number of records done so far (chunks of ``chunk_size``
    records, ``CHUNK_SIZE`` by default). ``by`` is the member of staff
    who sent the batch, or None for an agency's system through the API: the caller keeps that
    record (the import row, the API key's last use), since an incident belongs to its agency.
    ``checked_on`` says the caller found no problem with ``check_records`` on that day (a CSV
    import checks every row as it reads the file): the records are not checked again unless
    the day has turned since, when the dates' rules may say otherwise. ``committing(n)`` is
    called inside each chunk's transaction, as its last step, with the number of records done
    when it commits: what it writes is committed with the chunk or not at all (an import's
    count of rows stored, exact without a commit of its own).
    """
    if not acts_in(area, agency):
        raise ValueError(f"{agency} is not an agency of {area}")
    with fewer_collections():  # the batch's records and rows live until its end
        clean = [cleaned(record) for record in records]
        today = timezone.localdate()
        if checked_on != today:
            problems = _check_cleaned(clean, today, numbering)
            if problems:
                raise RejectedRecords(problems)

        size = max(1, chunk_size or CHUNK_SIZE)
        store = _Store(area, agency)
        stored: list[int] = []
        created = updated = 0
        for start in range(0, len(clean), size):
            chunk = clean[start : start + size]
            # The chunk's audit records (victims, incidents, match proposals, prompts) are
            # appended together at its end: one lock of the chain head, one INSERT.
            with transaction.atomic(), batch_records():
                outcome = store.save_chunk(chunk)
                # Rows, not model instances: what follows reads only their columns.
                effects.after_incidents_saved(outcome.changed)
                if committing is not None:
                    committing(start + len(chunk))
            stored.extend(outcome.incident_ids)
            created += outcome.created
            updated += outcome.updated
            if progress is not None:
                progress(start + len(chunk))
    return IngestResult(
        created=created,
        updated=updated,
        unchanged=len(clean) - created - updated,
        incident_ids=tuple(stored),
    )


@dataclass(frozen=True)
class _ChunkOutcome:
    incident_ids: list[int]
    changed: list[StoredIncident]
    created: int
    updated: int


# The incident's own columns a record sets (the victim is compared separately), in the order
# ``_existing`` reads them.
_INCIDENT_FIELDS = (
    "behaviour_on",
    "behaviour_time",
    "reported_on",
    "kind",
    "location",
    "postcode",
    "description",
)

# The columns written for an incident, after its id (insert) or before it (update).
_INCIDENT_WRITTEN = (
    *_INCIDENT_FIELDS,
    "postcode_key",
    "days_late",
    "months_late",
    "victim_id",
    "person_key",
    "occasion_key",
)
_INCIDENT_INSERT = (
    "id",
    "area_id",
    "agency_id",
    "agency_reference",
    *_INCIDENT_WRITTEN,
    "group_key",
    "linked",
    "created_at",
    "updated_at",
)
_VICTIM_WRITTEN = ("name", "date_of_birth", "address", "postcode", "name_key", "postcode_key")
_VICTIM_INSERT = (
    "id",
    "area_id",
    "agency_id",
    "agency_reference",
    *_VICTIM_WRITTEN,
    "person_key",
    "created_at",
)


def _insert_sql(connection: BaseDatabaseWrapper, model: type[Model], columns: Sequence[str]) -> str:
    quote = connection.ops.quote_name
    names = ", ".join(quote(column) for column in columns)
    marks = ", ".join(["%s"] * len(columns))
    return f"INSERT INTO {quote(model._meta.db_table)} ({names}) VALUES ({marks})"  # nosec B608


def _insert_rows(
    connection: BaseDatabaseWrapper,
    model: type[Model],
    columns: Sequence[str],
    rows: Sequence[tuple[Any, ...]],
) -> None:
    """Insert ``rows`` (values of ``columns``, adapted for the database) into ``model``'s
    table, all or none, raising the database's error (``django.db.IntegrityError``...) as an
    INSERT would.

    PostgreSQL: one ``COPY ... FROM STDIN``. An ``executemany`` of INSERTs makes the server
    parse, plan and run one statement per row (psycopg binds the values into each statement's
    text on the client, as Django's cursors do), which cost more than everything else a
    chunk does; COPY streams the rows into one statement. Constraints, defaults and indexes
    apply as for INSERT. SQLite: one ``executemany``, which runs one prepared statement."""
    if not rows:
        return
    with connection.cursor() as cursor:
        if connection.vendor != "postgresql":
            cursor.executemany(_insert_sql(connection, model, columns), rows)
            return
        quote = connection.ops.quote_name
        names = ", ".join(quote(column) for column in columns)
        statement = f"COPY {quote(model._meta.db_table)} ({names}) FROM STDIN"
        # The cursor wrapper converts errors only of the calls it runs itself.
        with connection.wrap_database_errors, cursor.copy(statement) as copy:
            for row in rows:
                copy.write_row(row)


def _update_sql(connection: BaseDatabaseWrapper, model: type[Model], columns: Sequence[str]) -> str:
    quote = connection.ops.quote_name
    sets = ", ".join(f"{quote(column)} = %s" for column in columns)
    return f"UPDATE {quote(model._meta.db_table)} SET {sets} WHERE {quote('id')} = %s"  # nosec B608


# PostgreSQL: the sequence behind each table's id, looked up once per connection alias.
_SEQUENCES: dict[tuple[str, str], str] = {}


def _take_keys(connection: BaseDatabaseWrapper, model: type[Model], count: int) -> list[int]:
    """``count`` new primary keys for ``model``'s table, never used before and never given
    twice, so rows can be inserted with their keys (and the columns that copy them) at once.

    PostgreSQL: drawn from the table's own sequence (``nextval``), safe under any concurrency,
    like the keys the database would give. SQLite: after the largest key the table has ever
    had (``sqlite_sequence``: Django's SQLite tables are AUTOINCREMENT, so a deleted row's key
    is never given again), which is safe because the chunk's transaction holds SQLite's only
    write lock from its start (``BEGIN IMMEDIATE``, settings) until it commits; a writer that
    somehow raced it would fail on the primary key, never share one.
    """
    if count == 0:
        return []
    table = model._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            sequence = _SEQUENCES.get((connection.alias, table))
            if sequence is None:
                cursor.execute("SELECT pg_get_serial_sequence(%s, 'id')", [table])
                sequence = _SEQUENCES[connection.alias, table] = cursor.fetchone()[0]
            cursor.execute("SELECT nextval(%s) FROM generate_series(1, %s)", [sequence, count])
            return [row[0] for row in cursor.fetchall()]
        if connection.vendor == "sqlite":
            if not connection.in_atomic_block:
                raise RuntimeError("SQLite keys are taken only inside the chunk's transaction")
            quote = connection.ops.quote_name
            cursor.execute(
                f"SELECT COALESCE(MAX({quote('id')}), 0), "  # nosec B608 - our own names
                f"(SELECT seq FROM sqlite_sequence WHERE name = %s) FROM {quote(table)}",
                [table],
            )
            top, ever = cursor.fetchone()
            first = max(top, ever or 0) + 1
            return list(range(first, first + count))
    raise RuntimeError("Case Review needs PostgreSQL, or SQLite 3.35 or later.")


# The victims' (area, postcode_key) index, by which ``_Store._by_identity`` seeks them.
_POSTCODE_INDEX = next(
    index.name
    for index in PartnerVictim._meta.indexes
    if list(index.fields) == ["area", "postcode_key"] and index.name
)

# SQLite: how to name each table's unique (area_id, agency_id, agency_reference) index.
_REFERENCE_INDEXES: dict[tuple[str, str], str] = {}


def _reference_index(connection: BaseDatabaseWrapper, table: str) -> str:
    """`` INDEXED BY <index>`` for ``table``'s unique (area_id, agency_id, agency_reference)
    index on SQLite, with `` AND (<its condition>)`` for a partial one (SQLite uses a partial
    index only for a query that repeats its condition). A constraint of the table itself is
    an automatic index (``sqlite_autoindex_<table>_<n>``), a partial one a named index: asked
    of the database once, rather than guessed."""
    found = _REFERENCE_INDEXES.get((connection.alias, table))
    if found is not None:
        return found
    wanted = ["area_id", "agency_id", "agency_reference"]
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(f"PRAGMA index_list({quote(table)})")
        indexes = [(row[1], row[2], row[4]) for row in cursor.fetchall()]
        for index, unique, partial in indexes:
            if not unique:
                continue
            cursor.execute(f"PRAGMA index_info({quote(index)})")
            if [row[2] for row in sorted(cursor.fetchall())] != wanted:
                continue
            hint = f" INDEXED BY {quote(index)} WHERE 1 = 1"
            if partial:
                cursor.execute("SELECT sql FROM sqlite_master WHERE name = %s", [index])
                hint += f" AND ({cursor.fetchone()[0].split(' WHERE ', 1)[1]})"
            _REFERENCE_INDEXES[connection.alias, table] = hint
            return hint
    raise RuntimeError(f"{table} has no unique index on ({', '.join(wanted)})")


class _Store:
    """Upserts chunks of one agency's records in one area, remembering the victims it has
    resolved so that one victim across chunks is one row."""

    def __init__(self, area: Area, agency: Agency) -> None:
        self.area = area
        self.agency = agency
        self.connection = connections[Incident.objects.db]
        self.victims: dict[VictimKey, StoredVictim] = {}
        # Each victim row once, however many keys found it.
        self.by_pk: dict[int, StoredVictim] = {}
        ops = self.connection.ops
        self.day = ops.adapt_datefield_value
        self.clock = ops.adapt_timefield_value

    def save_chunk(self, chunk: Sequence[IncidentRecord]) -> _ChunkOutcome:
        connection = self.connection
        now = timezone.now()
        stamp = connection.ops.adapt_datetimefield_value(now)
        keys = [victim_key(record) for record in chunk]
        victims, changed_victims = self._resolve_victims(chunk, keys, stamp)
        existing = self._existing([record.agency_reference for record in chunk])

        day, clock = self.day, self.clock
        area_id, agency_id = self.area.pk, self.agency.pk
        new: list[tuple[IncidentRecord, int | None, int | None, str, int, int]] = []
        changed: list[tuple[Any, ...]] = []
        # What follows (matching, second reports) sees the new incidents, then the changed.
        follow_new: list[StoredIncident] = []
        follow_changed: list[StoredIncident] = []
        ids: list[int | None] = []
        for record, key in zip(chunk, keys, strict=True):
            victim = victims[key] if key is not None else None
            victim_id = victim.pk if victim is not None else None
            person = victim.person_key if victim is not None else None
            row = existing.get(record.agency_reference)
            own = (
                record.behaviour_on,
                record.behaviour_time,
                record.reported_on,
                record.kind,
                record.location,
                record.postcode,
                record.description,
            )
            if (
                row is not None
                and row[1] == victim_id
                and row[2:9] == own
                and (victim_id is None or victim_id not in changed_victims)
            ):
                ids.append(row[0])  # unchanged: no write at all
                continue
            normalised = postcode_key(record.postcode)
            days_late = max(0, (record.reported_on - record.behaviour_on).days)
            late = months_late(record.behaviour_on, record.reported_on)
            if row is None:
                new.append((record, victim_id, person, normalised, days_late, late))
                ids.append(None)  # its key is taken below
                continue
            pk, group_key, linked = row[0], row[9], row[10]
            changed.append(
                (
                    day(record.behaviour_on),
                    clock(record.behaviour_time),
                    day(record.reported_on),
                    record.kind,
                    record.location,
                    record.postcode,
                    record.description,
                    normalised,
                    days_late,
                    late,
                    victim_id,
                    person,
                    occasion_key_of(linked, group_key, record.behaviour_on),
                    stamp,
                    pk,
                )
            )
            follow_changed.append(
                StoredIncident(
                    pk,
                    area_id,
                    agency_id,
                    victim_id,
                    record.behaviour_on,
                    record.behaviour_time,
                    record.reported_on,
                    record.description,
                    record.location,
                    normalised,
                    group_key,
                )
            )
            ids.append(pk)

        new_ids = iter(_take_keys(connection, Incident, len(new)))
        inserts = []
        for record, victim_id, person, normalised, days_late, late in new:
            pk = next(new_ids)
            # A new incident is its own group (group_key = its own pk), written with it, and
            # not linked: its occasion is its behaviour day's.
            inserts.append(
                (
                    pk,
                    area_id,
                    agency_id,
                    record.agency_reference,
                    day(record.behaviour_on),
                    clock(record.behaviour_time),
                    day(record.reported_on),
                    record.kind,
                    record.location,
                    record.postcode,
                    record.description,
                    normalised,
                    days_late,
                    late,
                    victim_id,
                    person,
                    occasion_key_of(False, pk, record.behaviour_on),
                    pk,
                    False,
                    stamp,
                    stamp,
                )
            )
            follow_new.append(
                StoredIncident(
                    pk,
                    area_id,
                    agency_id,
                    victim_id,
                    record.behaviour_on,
                    record.behaviour_time,
                    record.reported_on,
                    record.description,
                    record.location,
                    normalised,
                    pk,
                )
            )
        fresh = iter(row[0] for row in inserts)
        ids_in_order = [pk if pk is not None else next(fresh) for pk in ids]
        _insert_rows(connection, Incident, _INCIDENT_INSERT, inserts)
        with connection.cursor() as cursor:
            if changed:
                cursor.executemany(
                    _update_sql(connection, Incident, (*_INCIDENT_WRITTEN, "updated_at")), changed
                )
        if new or changed:  # bulk writes send no signals: one audit record for the chunk
            record_batch(
                None,
                area_id,
                f"partners.incident from {self.agency.code}: {len(new)} created, {len(changed)} changed",
                "partners.incident",
            )
        return _ChunkOutcome(
            incident_ids=ids_in_order,
            changed=follow_new + follow_changed,
            created=len(new),
            updated=len(changed),
        )

    def _existing(self, references: Sequence[str]) -> dict[str, tuple[Any, ...]]:
        """The agency's incidents already held under ``references``: (pk, victim, the record's
        own columns in ``_INCIDENT_FIELDS`` order, group_key, linked), by reference, in one
        query."""
        rows = self._by_reference(
            Incident,
            ("agency_reference", "id", "victim_id", *_INCIDENT_FIELDS, "group_key", "linked"),
            references,
        )
        return {row[0]: row[1:] for row in rows}

    def _by_reference(
        self, model: type[Model], columns: Sequence[str], references: Sequence[str]
    ) -> list[tuple[Any, ...]]:
        """``columns`` of the agency's rows of ``model`` in the area whose reference is one of
        ``references``, through the table's unique (area, agency, agency_reference) index.

        Written out rather than through the ORM for SQLite's sake: without statistics (no
        ANALYZE), its planner takes an equality on ``area_id`` alone to find about ten rows
        and prefers any (area, ...) index, reading every row of the area (a whole national
        import's, chunk after chunk); ``INDEXED BY`` makes it seek each reference instead.
        The references are bound as they are (no per-value preparation), in slices within
        SQLite's limit on parameters; PostgreSQL, which keeps statistics, gets one array."""
        connection = self.connection
        quote = connection.ops.quote_name
        names = ", ".join(quote(column) for column in columns)
        head = (
            f"SELECT {names} FROM {quote(model._meta.db_table)}"  # nosec B608 - our own names
            + (
                _reference_index(connection, model._meta.db_table)
                if connection.vendor == "sqlite"
                else " WHERE 1 = 1"
            )
            + f" AND {quote('area_id')} = %s AND {quote('agency_id')} = %s"
        )
        found: list[tuple[Any, ...]] = []
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute(
                    f"{head} AND {quote('agency_reference')} = ANY(%s)",
                    [self.area.pk, self.agency.pk, list(references)],
                )
                return [tuple(row) for row in cursor.fetchall()]
            for start in range(0, len(references), SQLITE_LISTED):
                part = references[start : start + SQLITE_LISTED]
                marks = ", ".join(["%s"] * len(part))
                cursor.execute(
                    f"{head} AND {quote('agency_reference')} IN ({marks})",
                    [self.area.pk, self.agency.pk, *part],
                )
                found.extend(tuple(row) for row in cursor.fetchall())
        return found

    def _resolve_victims(
        self, chunk: Sequence[IncidentRecord], keys: Sequence[VictimKey | None], stamp: Any
    ) -> tuple[dict[VictimKey, StoredVictim], set[int]]:
        """The victim of every record of the chunk that names one (found, updated or created),
        and the pks of existing victims whose details this chunk changed."""
        wanted: dict[VictimKey, IncidentRecord] = {}
        for record, key in zip(chunk, keys, strict=True):
            if key is not None and key not in wanted:
                wanted[key] = record
        self._load([key for key in wanted if key not in self.victims])

        created: list[tuple[VictimKey, IncidentRecord]] = []
        changed: list[StoredVictim] = []
        for key, record in wanted.items():
            victim = self.victims.get(key)
            if victim is None:
                created.append((key, record))
            elif _apply_victim(victim, record, key):
                changed.append(victim)

        connection = self.connection
        day = self.day
        inserts = []
        for pk, (key, record) in zip(
            _take_keys(connection, PartnerVictim, len(created)), created, strict=True
        ):
            # A new victim is its own person (person_key = its own pk), written with it.
            victim = StoredVictim(
                pk,
                record.victim_reference,
                record.victim_name,
                record.victim_date_of_birth,
                record.victim_address,
                record.victim_postcode,
                normalise_name(record.victim_name),
                postcode_key(record.victim_postcode),
                pk,
            )
            self.victims[key] = self.by_pk[pk] = victim
            inserts.append(
                (
                    pk,
                    self.area.pk,
                    self.agency.pk,
                    victim.agency_reference,
                    victim.name,
                    day(victim.date_of_birth),
                    victim.address,
                    victim.postcode,
                    victim.name_key,
                    victim.postcode_key,
                    pk,
                    stamp,
                )
            )
        _insert_rows(connection, PartnerVictim, _VICTIM_INSERT, inserts)
        with connection.cursor() as cursor:
            if changed:
                cursor.executemany(
                    _update_sql(connection, PartnerVictim, _VICTIM_WRITTEN),
                    [
                        (
                            v.name,
                            day(v.date_of_birth),
                            v.address,
                            v.postcode,
                            v.name_key,
                            v.postcode_key,
                            v.pk,
                        )
                        for v in changed
                    ],
                )
        if created or changed:  # counts only: never a victim's details
            record_batch(
                None,
                self.area.pk,
                f"partners.partnervictim from {self.agency.code}: {len(created)} created, {len(changed)} changed",
                "partners.partnervictim",
            )
        return {key: self.victims[key] for key in wanted}, {v.pk for v in changed}

    def _load(self, keys: Sequence[VictimKey]) -> None:
        """Find the agency's stored victims for ``keys`` (one query for each way of finding)."""
        references = [key.reference for key in keys if key.reference]
        identities = {key for key in keys if not key.reference}
        if references:
            for row in self._by_reference(PartnerVictim, ("id", *_VICTIM_COLUMNS[1:]), references):
                victim = self._one(row)
                self.victims[VictimKey(reference=victim.agency_reference)] = victim
        if identities:
            for row in self._by_identity(identities):
                found = VictimKey(name_key=row[6], date_of_birth=row[3], postcode_key=row[7])
                if found in identities and found not in self.victims:
                    self.victims[found] = self._one(row)

    def _by_identity(self, identities: set[VictimKey]) -> list[tuple[Any, ...]]:
        """The agency's victims in the area with one of the names and one of the postcodes of
        ``identities`` (``_VICTIM_COLUMNS``), oldest first, so that the earliest record of a
        person is the one used.

        Sought by postcode through the (area, postcode_key) index, each row then kept or not
        by its name: postcodes name a handful of people, names many (a busy name is shared by
        hundreds). On SQLite the index is named (``INDEXED BY``): without statistics its
        planner prefers the one-column area index and read every victim of the area, chunk
        after chunk. The lists are bound as they are (SQLite, within its limit on parameters)
        or as arrays (PostgreSQL), like ``_by_reference``."""
        connection = self.connection
        quote = connection.ops.quote_name
        table = quote(PartnerVictim._meta.db_table)
        names = ", ".join(quote(column) for column in ("id", *_VICTIM_COLUMNS[1:]))
        name_keys = sorted({key.name_key for key in identities})
        postcodes = sorted({key.postcode_key for key in identities})
        found: list[tuple[Any, ...]] = []
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute(
                    f"SELECT {names} FROM {table} WHERE {quote('area_id')} = %s"  # nosec B608
                    f" AND {quote('agency_id')} = %s AND {quote('postcode_key')} = ANY(%s)"
                    f" AND {quote('name_key')} = ANY(%s) ORDER BY {quote('id')}",
                    [self.area.pk, self.agency.pk, postcodes, name_keys],
                )
                return [tuple(row) for row in cursor.fetchall()]
            index = quote(_POSTCODE_INDEX)
            wanted = set(name_keys)
            name_at = _VICTIM_COLUMNS.index("name_key")
            for start in range(0, len(postcodes), SQLITE_LISTED):
                part = postcodes[start : start + SQLITE_LISTED]
                marks = ", ".join(["%s"] * len(part))
                cursor.execute(
                    f"SELECT {names} FROM {table} INDEXED BY {index}"  # nosec B608 - our names
                    f" WHERE {quote('area_id')} = %s AND {quote('postcode_key')} IN ({marks})"
                    f" AND {quote('agency_id')} = %s",
                    [self.area.pk, *part, self.agency.pk],
                )
                found.extend(tuple(row) for row in cursor.fetchall() if row[name_at] in wanted)
        found.sort(key=lambda row: row[0])
        return found

    def _one(self, row: tuple[Any, ...]) -> StoredVictim:
        """The victim of a row read from the table: the one already held if it was found
        before (by another key), so that an update through one key is seen through all."""
        held = self.by_pk.get(row[0])
        if held is None:
            held = self.by_pk[row[0]] = StoredVictim(*row)
        return held


def _apply_victim(victim: StoredVictim, record: IncidentRecord, key: VictimKey) -> bool:
    """Bring ``victim`` (already stored) up to date with ``record``; whether anything changed.

    Found by reference, the agency's latest details win (``check_records`` has made sure the
    records of one batch agree on them). Found by who they are (name, date of birth and
    postcode, which already agree), only a first address is taken: a later spelling of it never
    replaces it, so re-sending records in any order leaves the victim as it was.
    """
    if key.reference:
        values = (
            record.victim_name,
            record.victim_date_of_birth,
            record.victim_address,
            record.victim_postcode,
        )
        if values == (victim.name, victim.date_of_birth, victim.address, victim.postcode):
            return False
        victim.name, victim.date_of_birth, victim.address, victim.postcode = values
    elif record.victim_address and not victim.address:
        victim.address = record.victim_address
    else:
        return False
    victim.name_key = normalise_name(victim.name)
    victim.postcode_key = postcode_key(victim.postcode)
    return True
