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
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, fields, replace
from datetime import date, time
from typing import Any, NamedTuple

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from casereview.accounts.models import User
from casereview.areas.models import Agency, Area
from casereview.areas.selectors import acts_in
from casereview.audit.log import record_batch
from casereview.cases.models import ComplaintKind, normalise_name, normalise_postcode
from casereview.partners import effects
from casereview.partners.models import Incident, PartnerVictim

# Section 104 of the Anti-social Behaviour, Crime and Policing Act 2014 came into force on
# 20 October 2014: nothing before it can count towards a Case Review.
COMMENCEMENT = date(2014, 10, 20)
CHUNK_SIZE = 500
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
    """How many records were new, changed or already stored as sent; ``incidents`` are the
    stored incidents of every record, in the order of the batch."""

    created: int
    updated: int
    unchanged: int
    incidents: tuple[Incident, ...]


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


def looks_like_postcode(value: str) -> bool:
    return bool(_POSTCODE.match(normalise_postcode(value)))


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


def _victim_details(record: IncidentRecord) -> tuple[str, date | None, str, str]:
    return (
        record.victim_name,
        record.victim_date_of_birth,
        record.victim_address,
        normalise_postcode(record.victim_postcode),
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
    problems: list[RecordProblem] = []
    first_of_reference: dict[str, int] = {}
    victim_by_reference: dict[str, tuple[int, tuple[str, date | None, str, str]]] = {}
    for index, raw in enumerate(records):
        record = cleaned(raw)
        number = numbering[index] if numbering is not None else index + 1
        found = list(_problems_of(record, today=today))

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
        postcode_key=normalise_postcode(record.victim_postcode),
    )


def ingest_incidents(
    area: Area,
    agency: Agency,
    records: Sequence[IncidentRecord],
    *,
    by: User | None,
    progress: Callable[[int], None] | None = None,
    numbering: Sequence[int] | None = None,
    chunk_size: int | None = None,
) -> IngestResult:
    """Store ``agency``'s incident records in ``area`` (module docstring).

    Raises ``ValueError`` if the agency does not act in the area, and ``RejectedRecords`` with
    every problem (storing nothing) if any record has one. ``progress(n)`` is called after each
    chunk is committed, with the number of records done so far (chunks of ``chunk_size``
    records, ``CHUNK_SIZE`` by default). ``by`` is the member of staff
    who sent the batch, or None for an agency's system through the API: the caller keeps that
    record (the import row, the API key's last use), since an incident belongs to its agency.
    """
    if not acts_in(area, agency):
        raise ValueError(f"{agency} is not an agency of {area}")
    clean = [cleaned(record) for record in records]
    problems = check_records(clean, today=timezone.localdate(), numbering=numbering)
    if problems:
        raise RejectedRecords(problems)

    size = max(1, chunk_size or CHUNK_SIZE)
    store = _Store(area, agency)
    stored: list[Incident] = []
    created = updated = 0
    for start in range(0, len(clean), size):
        chunk = clean[start : start + size]
        with transaction.atomic():
            outcome = store.save_chunk(chunk)
            effects.after_incidents_saved(outcome.changed)
        stored.extend(outcome.incidents)
        created += outcome.created
        updated += outcome.updated
        if progress is not None:
            progress(start + len(chunk))
    return IngestResult(
        created=created,
        updated=updated,
        unchanged=len(clean) - created - updated,
        incidents=tuple(stored),
    )


@dataclass(frozen=True)
class _ChunkOutcome:
    incidents: list[Incident]
    changed: list[Incident]
    created: int
    updated: int


# The incident's own columns a record sets (the victim is compared separately).
_INCIDENT_FIELDS = (
    "behaviour_on",
    "behaviour_time",
    "reported_on",
    "kind",
    "location",
    "postcode",
    "description",
)

_DERIVED_FIELDS = ("postcode_key", "days_late", "months_late")


class _Store:
    """Upserts chunks of one agency's records in one area, remembering the victims it has
    resolved so that one victim across chunks is one row."""

    def __init__(self, area: Area, agency: Agency) -> None:
        self.area = area
        self.agency = agency
        self.victims: dict[VictimKey, PartnerVictim] = {}

    def save_chunk(self, chunk: Sequence[IncidentRecord]) -> _ChunkOutcome:
        victims, changed_victims = self._resolve_victims(chunk)
        existing = {
            incident.agency_reference: incident
            for incident in Incident.objects.filter(
                area=self.area,
                agency=self.agency,
                agency_reference__in=[r.agency_reference for r in chunk],
            )
        }
        now = timezone.now()
        new: list[Incident] = []
        changed: list[Incident] = []
        incidents: list[Incident] = []
        for record in chunk:
            key = victim_key(record)
            victim = victims[key] if key is not None else None
            incident = existing.get(record.agency_reference)
            if incident is None:
                incident = Incident(
                    area=self.area, agency=self.agency, agency_reference=record.agency_reference
                )
                _apply(incident, record, victim)
                incident.created_at = incident.updated_at = now
                new.append(incident)
            elif _differs(incident, record, victim) or (
                victim is not None and victim.pk in changed_victims
            ):
                _apply(incident, record, victim)
                incident.updated_at = now
                changed.append(incident)
            incidents.append(incident)

        if new:
            Incident.objects.bulk_create(new)
            _require_pks(new)
            # A new incident is its own group: one statement, not a CASE over every row.
            for incident in new:
                incident.group_key = incident.pk
            Incident.objects.filter(pk__in=[i.pk for i in new]).update(group_key=F("pk"))
        if changed:
            Incident.objects.bulk_update(
                changed,
                [*_INCIDENT_FIELDS, *_DERIVED_FIELDS, "victim", "updated_at"],
            )
        if new or changed:  # bulk writes send no signals: one audit record for the chunk
            record_batch(
                None,
                self.area.pk,
                f"partners.incident from {self.agency.code}: {len(new)} created, {len(changed)} changed",
                "partners.incident",
            )
        return _ChunkOutcome(
            incidents=incidents, changed=new + changed, created=len(new), updated=len(changed)
        )

    def _resolve_victims(
        self, chunk: Sequence[IncidentRecord]
    ) -> tuple[dict[VictimKey, PartnerVictim], set[int]]:
        """The victim of every record of the chunk that names one (found, updated or created),
        and the pks of existing victims whose details this chunk changed."""
        wanted: dict[VictimKey, IncidentRecord] = {}
        for record in chunk:
            key = victim_key(record)
            if key is not None:
                wanted.setdefault(key, record)
        unknown = [key for key in wanted if key not in self.victims]
        self._load(unknown)

        new: list[PartnerVictim] = []
        changed: list[PartnerVictim] = []
        for key, record in wanted.items():
            victim = self.victims.get(key)
            if victim is None:
                victim = PartnerVictim(
                    area=self.area,
                    agency=self.agency,
                    agency_reference=record.victim_reference,
                )
                _apply_victim(victim, record, key)
                self.victims[key] = victim
                new.append(victim)
            elif _apply_victim(victim, record, key):
                changed.append(victim)
        if new:
            PartnerVictim.objects.bulk_create(new)
            _require_pks(new)
            # A new victim is its own person: one statement, not a CASE over every row.
            for victim in new:
                victim.person_key = victim.pk
            PartnerVictim.objects.filter(pk__in=[v.pk for v in new]).update(person_key=F("pk"))
        if changed:
            PartnerVictim.objects.bulk_update(
                changed,
                ["name", "date_of_birth", "address", "postcode", "name_key", "postcode_key"],
            )
        if new or changed:  # counts only: never a victim's details
            record_batch(
                None,
                self.area.pk,
                f"partners.partnervictim from {self.agency.code}: {len(new)} created, {len(changed)} changed",
                "partners.partnervictim",
            )
        return {key: self.victims[key] for key in wanted}, {v.pk for v in changed}

    def _load(self, keys: Sequence[VictimKey]) -> None:
        """Find the agency's stored victims for ``keys`` (one query for each way of finding)."""
        references = [key.reference for key in keys if key.reference]
        identities = {key for key in keys if not key.reference}
        mine = PartnerVictim.objects.filter(area=self.area, agency=self.agency)
        if references:
            for victim in mine.filter(agency_reference__in=references):
                self.victims[VictimKey(reference=victim.agency_reference)] = victim
        if identities:
            # Oldest first, so that the earliest record of a person is the one used.
            names = sorted({key.name_key for key in identities})
            for victim in mine.filter(name_key__in=names).order_by("pk"):
                found = VictimKey(
                    name_key=victim.name_key,
                    date_of_birth=victim.date_of_birth,
                    postcode_key=victim.postcode_key,
                )
                if found in identities and found not in self.victims:
                    self.victims[found] = victim


def _apply(incident: Incident, record: IncidentRecord, victim: PartnerVictim | None) -> None:
    for name in _INCIDENT_FIELDS:
        setattr(incident, name, getattr(record, name))
    incident.victim = victim
    incident.refresh_derived()


def _differs(incident: Incident, record: IncidentRecord, victim: PartnerVictim | None) -> bool:
    if incident.victim_id != (victim.pk if victim is not None else None):
        return True
    return any(getattr(incident, name) != getattr(record, name) for name in _INCIDENT_FIELDS)


def _apply_victim(victim: PartnerVictim, record: IncidentRecord, key: VictimKey) -> bool:
    """Bring ``victim`` up to date with ``record``; whether anything changed.

    Found by reference, the agency's latest details win (``check_records`` has made sure the
    records of one batch agree on them). Found by who they are (name, date of birth and
    postcode, which already agree), only a first address is taken: a later spelling of it never
    replaces it, so re-sending records in any order leaves the victim as it was.
    """
    if key.reference or victim.pk is None:
        values: dict[str, Any] = {
            "name": record.victim_name,
            "date_of_birth": record.victim_date_of_birth,
            "address": record.victim_address,
            "postcode": record.victim_postcode,
        }
    elif record.victim_address and not victim.address:
        values = {"address": record.victim_address}
    else:
        values = {}
    changed = any(getattr(victim, name) != value for name, value in values.items())
    for name, value in values.items():
        setattr(victim, name, value)
    victim.refresh_keys()
    return changed and victim.pk is not None


def _require_pks(objects: Sequence[Incident] | Sequence[PartnerVictim]) -> None:
    """A bulk insert sets the new rows' keys on PostgreSQL and on SQLite 3.35 or later (the
    versions this service supports); without them the rows could not be told apart."""
    if any(obj.pk is None for obj in objects):
        raise RuntimeError(
            "The database did not return the keys of a bulk insert: Case Review needs "
            "PostgreSQL, or SQLite 3.35 or later."
        )
