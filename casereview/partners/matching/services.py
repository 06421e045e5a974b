"""Cross-agency matching: the same incident, or the same victim, in two agencies' records.

Proposals are made by ``propose_matches`` whenever incident data arrives (API or CSV import,
through ``casereview.partners.effects``). Staff then confirm ("these are the same") or split
("these are different") each proposal with ``confirm_link`` / ``split_link``. Only confirmed
links join records: they set ``Incident.group_key``/``linked`` and ``PartnerVictim.person_key``,
and through ``Incident.complaint_incident_key`` the ``incident_key`` of the complaints made
from those incidents, so the threshold engine counts one occasion reported to several agencies
once.

Scores run from 0 to 100 and are a weighted sum of the evidence the two records share (weights
below). Evidence one record lacks (no time of day, no description) counts half its weight: it
neither proves nor disproves a match, and two bare records of the same day must not reach the
threshold on the date alone.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any, NamedTuple, Protocol, TypeVar, cast

from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone
from rapidfuzz import fuzz
from rapidfuzz.utils import default_process

from casereview.accounts.models import User
from casereview.areas.models import Area
from casereview.audit.log import record_batch
from casereview.cases.models import Complaint
from casereview.cases.step_support import check_actor
from casereview.cases.workflow import FINAL_STATUSES
from casereview.partners.duties.second_report import raise_second_report_prompts
from casereview.partners.matching.sets import AnyOf
from casereview.partners.models import (
    Incident,
    IncidentLink,
    LinkStatus,
    MatchDecision,
    MatchKind,
    PartnerVictim,
    VictimLink,
    occasion_key_of,
)

# A pair scoring at least this is proposed to staff. 70 asks for more than a shared date and
# place: on the same day, the descriptions or the locations must also be alike (see the tests of
# ``propose_matches`` for pairs either side of the line).
INCIDENT_THRESHOLD = 70.0
VICTIM_THRESHOLD = 70.0

# Weights of the incident evidence (sum 100).
WEIGHT_DAY = 25.0
WEIGHT_TIME = 15.0
WEIGHT_DESCRIPTION = 35.0
WEIGHT_LOCATION = 15.0
WEIGHT_POSTCODE = 10.0
# A day apart is still worth something: the agencies often record the date of the report or of
# the night's end rather than of the behaviour.
DAY_APART_SHARE = 0.4
# Times of day further apart than this are no evidence of the same incident.
TIME_HORIZON_MINUTES = 240

# Weights of the victim evidence (sum 100).
WEIGHT_NAME = 45.0
WEIGHT_BIRTH = 35.0
WEIGHT_ADDRESS = 10.0
WEIGHT_VICTIM_POSTCODE = 10.0

# What a piece of evidence only one record has is worth, as a share of its weight.
UNKNOWN_SHARE = 0.5
# Below this, texts are reported as different rather than alike.
ALIKE_PERCENT = 50

Link = IncidentLink | VictimLink
L = TypeVar("L", bound=IncidentLink | VictimLink)


class IncidentFacts(Protocol):
    """What matching reads of an incident: a model instance, or the ingest service's row."""

    @property
    def pk(self) -> Any: ...

    @property
    def area_id(self) -> int: ...

    @property
    def agency_id(self) -> int: ...

    @property
    def victim_id(self) -> int | None: ...

    @property
    def behaviour_on(self) -> date: ...

    @property
    def behaviour_time(self) -> time | None: ...

    @property
    def description(self) -> str: ...

    @property
    def location(self) -> str: ...

    @property
    def postcode_key(self) -> str: ...


class VictimFacts(Protocol):
    """What matching reads of a victim's record."""

    @property
    def pk(self) -> Any: ...

    @property
    def area_id(self) -> int: ...

    @property
    def agency_id(self) -> int: ...

    @property
    def name_key(self) -> str: ...

    @property
    def date_of_birth(self) -> date | None: ...

    @property
    def address(self) -> str: ...

    @property
    def postcode_key(self) -> str: ...


class _Victim(NamedTuple):
    """A victim's record as matching reads it (the columns only, not a model instance)."""

    pk: int
    area_id: int
    agency_id: int
    name_key: str
    date_of_birth: date | None
    address: str
    postcode_key: str


_VICTIM_COLUMNS = _Victim._fields


class _Incident(NamedTuple):
    """An incident as matching reads it (the columns only, not a model instance)."""

    pk: int
    area_id: int
    agency_id: int
    victim_id: int | None
    behaviour_on: date
    behaviour_time: time | None
    description: str
    location: str
    postcode_key: str


_INCIDENT_COLUMNS = _Incident._fields


@dataclass
class Score:
    """A pair's score and the reasons for it, as stored on the link."""

    points: float = 0.0
    reasons: list[dict[str, Any]] = field(default_factory=list)

    def add(self, points: float, code: str, **values: Any) -> None:
        self.points += points
        self.reasons.append({"code": code, **values})

    def unknown(self, weight: float) -> None:
        self.points += weight * UNKNOWN_SHARE

    @property
    def value(self) -> float:
        return round(min(100.0, max(0.0, self.points)), 1)


def _similarity(a: str, b: str) -> int | None:
    """How alike two texts are, 0 to 100 ignoring case, punctuation and word order; None when
    either is empty (nothing to compare)."""
    if not default_process(a) or not default_process(b):
        return None
    return round(fuzz.token_set_ratio(a, b, processor=default_process))


def _add_texts(score: Score, weight: float, a: str, b: str, *, alike: str, differ: str) -> None:
    """Evidence from two free texts, reasoned as ``alike`` or ``differ`` with the percentage;
    unknown when either is empty."""
    percent = _similarity(a, b)
    if percent is None:
        score.unknown(weight)
        return
    code = alike if percent >= ALIKE_PERCENT else differ
    score.add(weight * percent / 100, code, percent=percent)


def _add_postcodes(score: Score, weight: float, a: str, b: str) -> None:
    """Evidence from two normalised postcodes, or unknown when either is missing."""
    if a and b:
        if a == b:
            score.add(weight, "same_postcode")
        else:
            score.add(0, "different_postcode")
    else:
        score.unknown(weight)


def _minutes_apart(a: time, b: time) -> int:
    day = date(2000, 1, 1)
    difference = abs(datetime.combine(day, a) - datetime.combine(day, b))
    minutes = int(difference.total_seconds() // 60)
    # 11:50pm and 00:10am are twenty minutes apart (the day evidence handles the date).
    return min(minutes, 24 * 60 - minutes)


def score_incidents(a: IncidentFacts, b: IncidentFacts) -> Score:
    """How likely ``a`` and ``b`` record the same occasion (module docstring)."""
    score = Score()
    if a.behaviour_on == b.behaviour_on:
        score.add(WEIGHT_DAY, "same_day")
    else:
        score.add(WEIGHT_DAY * DAY_APART_SHARE, "day_apart")

    if a.behaviour_time is not None and b.behaviour_time is not None:
        minutes = _minutes_apart(a.behaviour_time, b.behaviour_time)
        share = max(0.0, 1 - minutes / TIME_HORIZON_MINUTES)
        score.add(WEIGHT_TIME * share, "minutes_apart", minutes=minutes)
    else:
        score.unknown(WEIGHT_TIME)

    _add_texts(
        score,
        WEIGHT_DESCRIPTION,
        a.description,
        b.description,
        alike="descriptions_alike",
        differ="descriptions_differ",
    )
    _add_texts(
        score,
        WEIGHT_LOCATION,
        a.location,
        b.location,
        alike="locations_alike",
        differ="locations_differ",
    )
    _add_postcodes(score, WEIGHT_POSTCODE, a.postcode_key, b.postcode_key)
    return score


def score_victims(a: VictimFacts, b: VictimFacts) -> Score:
    """How likely ``a`` and ``b`` are one person (module docstring)."""
    score = Score()
    name = round(fuzz.token_sort_ratio(a.name_key, b.name_key, processor=default_process))
    if name == 100:
        score.add(WEIGHT_NAME, "same_name")
    else:
        code = "names_alike" if name >= ALIKE_PERCENT else "names_differ"
        score.add(WEIGHT_NAME * name / 100, code, percent=name)

    if a.date_of_birth is not None and b.date_of_birth is not None:
        if a.date_of_birth == b.date_of_birth:
            score.add(WEIGHT_BIRTH, "same_date_of_birth")
        else:
            score.add(0, "different_date_of_birth")
    else:
        # A date of birth only one agency holds: less than half, since a shared one is strong.
        score.points += WEIGHT_BIRTH * 0.4

    _add_texts(
        score,
        WEIGHT_ADDRESS,
        a.address,
        b.address,
        alike="addresses_alike",
        differ="addresses_differ",
    )
    _add_postcodes(score, WEIGHT_VICTIM_POSTCODE, a.postcode_key, b.postcode_key)
    return score


# --- Proposals ----------------------------------------------------------------------------------


def propose_matches(incidents: Sequence[IncidentFacts]) -> None:
    """Propose links between ``incidents`` (just created or changed) and other agencies' records
    of the same area, and likewise for their victims. Called inside the ingest transaction.

    A pair already decided (confirmed or split) is never proposed again nor rescored; a pair
    still only proposed has its score brought up to date, and is withdrawn when the records
    changed so that they no longer match.

    Set-based: a fixed number of queries per call, whatever the number of incidents (the
    candidates of every incident in one query, every victim's in another, and the links they
    already have in one more each), then each record in turn as if alone.
    """
    seen: set[int] = set()
    mine: list[IncidentFacts] = []
    victim_ids: set[int] = set()
    for incident in incidents:
        if incident.pk is None or incident.pk in seen:
            continue
        seen.add(incident.pk)
        mine.append(incident)
        if incident.victim_id is not None:
            victim_ids.add(incident.victim_id)
    if not mine:
        return
    others = _other_agencies(mine)
    if not any(others.values()):
        # The agency is alone in the area: no other agency's record to match, and so no link
        # (links join two agencies' records of one area) to rescore or withdraw.
        return
    # Links proposed, by (model label, area): one audit record each for the whole batch.
    proposed: Counter[tuple[str, int]] = Counter()
    if mine:
        links = _Proposals(IncidentLink, [incident.pk for incident in mine])
        candidates = _incident_candidates(mine, others)
        for incident in mine:
            scores = {
                other.pk: score_incidents(incident, other) for other in candidates.of(incident)
            }
            proposed["partners.incidentlink", incident.area_id] += links.store(
                incident.area_id, incident.pk, scores, INCIDENT_THRESHOLD
            )
        links.flush()
    if victim_ids:
        victims = [
            _Victim(*row)
            for row in PartnerVictim.objects.filter(AnyOf("pk", victim_ids)).values_list(
                *_VICTIM_COLUMNS
            )
        ]
        victim_links = _Proposals(VictimLink, [victim.pk for victim in victims])
        people = _victim_candidates(victims, others)
        for victim in victims:
            scores = {other.pk: score_victims(victim, other) for other in people.of(victim)}
            proposed["partners.victimlink", victim.area_id] += victim_links.store(
                victim.area_id, victim.pk, scores, VICTIM_THRESHOLD
            )
        victim_links.flush()
    for (label, area_id), count in sorted(proposed.items()):
        if count:  # bulk_create sends no signals
            record_batch(None, area_id, f"{label} proposed: {count}", label)


class _IncidentCandidates:
    """Other agencies' incidents of the same area within a day of each incident's behaviour,
    in the order one indexed query per incident would return them (day, then pk)."""

    def __init__(self, by_day: dict[tuple[int, date], list[_Incident]]) -> None:
        self.by_day = by_day

    def of(self, incident: IncidentFacts) -> list[_Incident]:
        one_day = timedelta(days=1)
        day = incident.behaviour_on
        return [
            other
            for on in (day - one_day, day, day + one_day)
            for other in self.by_day.get((incident.area_id, on), ())
            if other.agency_id != incident.agency_id
        ]


def agencies_with_incidents(area_id: int) -> set[int]:
    """The agencies with any incident in the area, in one query of a few index seeks (one per
    agency, on the unique (area, agency, reference) index: a loose index scan), however many
    incidents they have.

    Also every agency with a victim's record in the area: the ingest service creates a victim
    only with an incident of the same agency and area, and incidents are never deleted but with
    their area (re-sent ones are updated), so another agency's record of any kind means another
    agency's incident."""
    table = connection.ops.quote_name(Incident._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            WITH RECURSIVE found(agency_id) AS (
                SELECT MIN(agency_id) FROM {table} WHERE area_id = %s
                UNION ALL
                SELECT (SELECT MIN(agency_id) FROM {table} WHERE area_id = %s AND agency_id > found.agency_id)
                FROM found WHERE found.agency_id IS NOT NULL
            )
            SELECT agency_id FROM found WHERE agency_id IS NOT NULL
            """,  # nosec B608 - our own table name
            [area_id, area_id],
        )
        return {row[0] for row in cursor.fetchall()}


def _other_agencies(records: Sequence[IncidentFacts]) -> dict[int, set[int]]:
    """For each area of ``records``, the agencies other than the records' own with incidents
    (so records of any kind) there: the only agencies whose records can be candidates or
    linked to them. Empty when the records' agency is alone in the area, as when an agency
    loads its data first: then there is nothing to match, and no query for candidates runs."""
    mine: dict[int, set[int]] = {}
    for record in records:
        mine.setdefault(record.area_id, set()).add(record.agency_id)
    return {
        area_id: agencies_with_incidents(area_id) - (own if len(own) == 1 else set())
        for area_id, own in mine.items()
    }


def _incident_candidates(
    incidents: Sequence[IncidentFacts], others: dict[int, set[int]]
) -> _IncidentCandidates:
    """The candidates of every incident in one query: only the agencies in ``others`` (see
    ``_other_agencies``), only the days the incidents need."""
    one_day = timedelta(days=1)
    days: dict[int, set[date]] = {}
    agencies: dict[int, set[int]] = {}
    for incident in incidents:
        near = days.setdefault(incident.area_id, set())
        near.update(
            (
                incident.behaviour_on - one_day,
                incident.behaviour_on,
                incident.behaviour_on + one_day,
            )
        )
        agencies.setdefault(incident.area_id, set()).add(incident.agency_id)
    wanted = Q(pk__in=[])
    for area_id, near in days.items():
        if not others.get(area_id):
            continue
        area_match = Q(AnyOf("agency_id", others[area_id]), area_id=area_id)
        area_match &= Q(behaviour_on__in=sorted(near))
        if len(agencies[area_id]) == 1:  # the usual case: one agency's batch
            area_match &= ~Q(agency_id=next(iter(agencies[area_id])))
        wanted |= area_match
    by_day: dict[tuple[int, date], list[_Incident]] = {}
    if not any(others.values()):
        return _IncidentCandidates(by_day)
    rows = (
        Incident.objects.filter(wanted)
        .order_by("area_id", "behaviour_on", "pk")
        .values_list(*_INCIDENT_COLUMNS)
    )
    for row in rows:
        other = _Incident(*row)
        by_day.setdefault((other.area_id, other.behaviour_on), []).append(other)
    return _IncidentCandidates(by_day)


class _VictimCandidates:
    """Other agencies' victims of the same area sharing a name, date of birth or postcode with
    each victim, in the order one query per victim would return them (name, then pk)."""

    def __init__(self, found: list[_Victim]) -> None:
        self.by_name: dict[tuple[int, str], list[_Victim]] = {}
        self.by_birth: dict[tuple[int, date], list[_Victim]] = {}
        self.by_postcode: dict[tuple[int, str], list[_Victim]] = {}
        for other in found:
            if other.name_key:
                self.by_name.setdefault((other.area_id, other.name_key), []).append(other)
            if other.date_of_birth is not None:
                self.by_birth.setdefault((other.area_id, other.date_of_birth), []).append(other)
            if other.postcode_key:
                self.by_postcode.setdefault((other.area_id, other.postcode_key), []).append(other)

    def of(self, victim: VictimFacts) -> list[_Victim]:
        found: dict[int, _Victim] = {}
        area = victim.area_id
        if victim.name_key:
            found.update((o.pk, o) for o in self.by_name.get((area, victim.name_key), ()))
        if victim.date_of_birth is not None:
            found.update((o.pk, o) for o in self.by_birth.get((area, victim.date_of_birth), ()))
        if victim.postcode_key:
            found.update((o.pk, o) for o in self.by_postcode.get((area, victim.postcode_key), ()))
        others = [o for o in found.values() if o.agency_id != victim.agency_id]
        return sorted(others, key=lambda o: (o.name_key, o.pk))


def _victim_candidates(
    victims: Sequence[VictimFacts], others: dict[int, set[int]]
) -> _VictimCandidates:
    """The candidates of every victim in one query, each branch served by an (area, ...) index
    of PartnerVictim, of the agencies in ``others`` only (``_other_agencies``)."""
    wanted = Q(pk__in=[])
    for area_id in sorted({v.area_id for v in victims}):
        if not others.get(area_id):
            continue
        here = [v for v in victims if v.area_id == area_id]
        shared = Q(pk__in=[])
        names = sorted({v.name_key for v in here if v.name_key})
        births = sorted({v.date_of_birth for v in here if v.date_of_birth is not None})
        postcodes = sorted({v.postcode_key for v in here if v.postcode_key})
        if names:
            shared |= Q(AnyOf("name_key", names))
        if births:
            shared |= Q(date_of_birth__in=births)
        if postcodes:
            shared |= Q(AnyOf("postcode_key", postcodes))
        area_match = Q(shared, AnyOf("agency_id", others[area_id]), area_id=area_id)
        agencies = {v.agency_id for v in here}
        if len(agencies) == 1:
            area_match &= ~Q(agency_id=next(iter(agencies)))
        wanted |= area_match
    return _VictimCandidates(
        [
            _Victim(*row)
            for row in PartnerVictim.objects.filter(wanted).values_list(*_VICTIM_COLUMNS)
        ]
    )


class _Proposals:
    """The links of the records of one call, loaded in one query, and the new ones, created in
    one bulk insert at the end (``flush``). ``store`` treats each record as if it were alone:
    a link made for an earlier record of the call is, for a later one, an existing link."""

    def __init__(self, model: type[IncidentLink] | type[VictimLink], pks: Sequence[int]) -> None:
        self.model = model
        self.by_record: dict[int, dict[int, Link]] = {pk: {} for pk in pks}
        ids = sorted(set(pks))
        for stored in model.objects.filter(Q(AnyOf("first_id", ids)) | Q(AnyOf("second_id", ids))):
            for end, other in (
                (stored.first_id, stored.second_id),
                (stored.second_id, stored.first_id),
            ):
                if end in self.by_record:
                    self.by_record[end][other] = stored
        self.new: dict[tuple[int, int], Link] = {}

    def _forget(self, link: Link) -> None:
        for end, other in ((link.first_id, link.second_id), (link.second_id, link.first_id)):
            if end in self.by_record:
                self.by_record[end].pop(other, None)

    def store(self, area_id: int, pk: int, scores: dict[int, Score], threshold: float) -> int:
        """Create, update or withdraw the proposed links between record ``pk`` and the records
        scored in ``scores`` (by pk). Returns how many links it proposed (created in bulk by
        ``flush``, so the caller records them in the audit log)."""
        model = self.model
        existing = dict(self.by_record.get(pk, {}))
        proposed = 0
        for other, score in scores.items():
            link = existing.get(other)
            if link is None:
                if score.value >= threshold:
                    first, second = sorted((pk, other))
                    link = model(
                        area_id=area_id,
                        first_id=first,
                        second_id=second,
                        score=score.value,
                        reasons=score.reasons,
                    )
                    self.new[first, second] = link
                    for end, far in ((first, second), (second, first)):
                        if end in self.by_record:
                            self.by_record[end][far] = link
                    proposed += 1
                continue
            if link.status != LinkStatus.PROPOSED:
                continue  # decided by staff: neither rescored nor proposed again
            if score.value < threshold:
                self._withdraw(link)
            elif link.score != score.value or link.reasons != score.reasons:
                link.score = score.value
                link.reasons = score.reasons
                if link.pk is not None:
                    link.save(update_fields=["score", "reasons"])
        # Proposals with records that are no longer candidates (a date moved, an agency changed).
        stale = [
            link
            for other, link in existing.items()
            if other not in scores and link.status == LinkStatus.PROPOSED
        ]
        stored_stale = [link.pk for link in stale if link.pk is not None]
        for link in stale:
            self._withdraw(link, delete=False)
        if stored_stale:
            self.model.objects.filter(pk__in=stored_stale, status=LinkStatus.PROPOSED).delete()
        return proposed

    def _withdraw(self, link: Link, *, delete: bool = True) -> None:
        self._forget(link)
        if link.pk is None:
            self.new.pop((link.first_id, link.second_id), None)
        elif delete:
            link.delete()

    def flush(self) -> None:
        """Insert the new links in one ``executemany`` (however many: a batch's records of a
        busy day can propose thousands). Another import may propose the same pair at the same
        moment: the pair is unique, and the conflict is skipped."""
        if not self.new:
            return
        model = self.model
        quote = connection.ops.quote_name
        reasons = model._meta.get_field("reasons")
        created = model._meta.get_field("created_at")
        columns = ("area_id", "first_id", "second_id", "score", "reasons", "status", "created_at")
        sql = (
            f"INSERT INTO {quote(model._meta.db_table)} "  # nosec B608 - our own names
            f"({', '.join(quote(c) for c in columns)}) "
            f"VALUES ({', '.join(['%s'] * len(columns))}) "
            f"ON CONFLICT ({quote('first_id')}, {quote('second_id')}) DO NOTHING"
        )
        now = created.get_db_prep_save(timezone.now(), connection)
        with connection.cursor() as cursor:
            cursor.executemany(
                sql,
                [
                    (
                        link.area_id,
                        link.first_id,
                        link.second_id,
                        link.score,
                        reasons.get_db_prep_save(link.reasons, connection),
                        LinkStatus.PROPOSED.value,
                        now,
                    )
                    for link in self.new.values()
                ],
            )


# --- Decisions ----------------------------------------------------------------------------------


def confirm_link(link: L, *, by: User | None, note: str = "") -> L:
    """Record that the two records of ``link`` are the same incident (or person), and join them."""
    return _decide(link, LinkStatus.CONFIRMED, by=by, note=note)


def split_link(link: L, *, by: User | None, note: str = "") -> L:
    """Record that the two records of ``link`` are different, and keep (or take) them apart."""
    return _decide(link, LinkStatus.SPLIT, by=by, note=note)


def _decide(link: L, decision: str, *, by: User | None, note: str) -> L:
    model = type(link)
    check_actor(by, link.area)
    with transaction.atomic():
        # One decision at a time per area: two decisions on different links of one group must
        # not each regroup it without seeing the other (on PostgreSQL; SQLite writes one at a
        # time anyway). The area row is the lock every matching decision takes first.
        Area.objects.select_for_update().filter(pk=link.area_id).first()
        locked = cast(L, model.objects.select_for_update().get(pk=link.pk))
        if locked.status == decision:
            return locked  # nothing changes: no second identical decision on record
        locked.status = decision
        locked.decided_by = by
        locked.decided_at = timezone.now()
        locked.save(update_fields=["status", "decided_by", "decided_at"])
        MatchDecision.objects.create(
            area_id=locked.area_id,
            kind=MatchKind.INCIDENT if isinstance(locked, IncidentLink) else MatchKind.VICTIM,
            link_id=locked.pk,
            decision=decision,
            by=by,
            at=locked.decided_at,
            note=note.strip(),
        )
        seeds = {locked.first_id, locked.second_id}
        if isinstance(locked, IncidentLink):
            regroup_incidents(seeds)
        else:
            people = regroup_victims(seeds)
            if decision == LinkStatus.CONFIRMED:
                merged = next(members for members in people if seeds <= members)
                raise_second_report_prompts(
                    list(Incident.objects.filter(victim_id__in=sorted(merged)).order_by("pk"))
                )
    return locked


def _components(
    model: type[IncidentLink] | type[VictimLink], seeds: Iterable[int]
) -> list[set[int]]:
    """The connected components, over confirmed links of ``model``, that hold ``seeds``.

    Walks outwards one set-based query per step, so only the records joined to the seeds are
    read, never the whole area.
    """
    reached = set(seeds)
    frontier = set(reached)
    edges: set[tuple[int, int]] = set()
    while frontier:
        ids = sorted(frontier)
        rows = model.objects.filter(
            Q(first_id__in=ids) | Q(second_id__in=ids), status=LinkStatus.CONFIRMED
        ).values_list("first_id", "second_id")
        frontier = set()
        for first, second in rows:
            edges.add((first, second))
            for end in (first, second):
                if end not in reached:
                    reached.add(end)
                    frontier.add(end)
    parent = {node: node for node in reached}

    def root(node: int) -> int:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for first, second in edges:
        a, b = root(first), root(second)
        if a != b:
            parent[max(a, b)] = min(a, b)
    groups: dict[int, set[int]] = {}
    for node in reached:
        groups.setdefault(root(node), set()).add(node)
    return list(groups.values())


def regroup_incidents(seeds: Iterable[int]) -> list[set[int]]:
    """Bring ``group_key``/``linked`` of the incidents joined to ``seeds`` up to date, then the
    incident keys of the complaints made from them. Returns the groups."""
    groups = _components(IncidentLink, seeds)
    for members in groups:
        key, linked = min(members), len(members) > 1
        regrouped = (
            Incident.objects.filter(pk__in=sorted(members))
            .exclude(group_key=key, linked=linked)
            .update(group_key=key, linked=linked, updated_at=timezone.now())
        )
        _sync_occasion_keys(members, key, linked)
        keyed = _sync_complaints(members, f"linked-{key}" if linked else "")
        if regrouped or keyed:  # queryset updates send no signals: one audit record per group
            record_batch(
                None,
                Incident.objects.values_list("area_id", flat=True).get(pk=key),
                f"partners.incident group {key}: {regrouped} regrouped, {keyed} complaints' incident key changed",
                "partners.incident",
            )
    return groups


def _sync_occasion_keys(incident_ids: set[int], key: int, linked: bool) -> None:
    """Bring the incidents' ``occasion_key`` (``occasion_key_of``) into step with their group:
    the group's key when linked; otherwise each its own behaviour day's (a group of one)."""
    members = Incident.objects.filter(pk__in=sorted(incident_ids))
    if linked:
        members.exclude(occasion_key=key).update(occasion_key=key)
        return
    for pk, behaviour_on, current in members.values_list("pk", "behaviour_on", "occasion_key"):
        wanted = occasion_key_of(False, pk, behaviour_on)
        if current != wanted:
            Incident.objects.filter(pk=pk).update(occasion_key=wanted)


def _sync_complaints(incident_ids: set[int], incident_key: str) -> int:
    """Give the complaints made from these incidents the group's key: only on cases still open
    (a decided case keeps the record it was decided on) and only where the key is empty or one
    this service set (never a key the agency or coordinator gave). Returns how many changed."""
    return (
        Complaint.objects.filter(incident_id__in=sorted(incident_ids))
        .exclude(case__status__in=sorted(FINAL_STATUSES))
        .filter(Q(incident_key="") | Q(incident_key__startswith="linked-"))
        .exclude(incident_key=incident_key)
        .update(incident_key=incident_key)
    )


def regroup_victims(seeds: Iterable[int]) -> list[set[int]]:
    """Bring ``person_key`` of the victim records joined to ``seeds`` up to date. Returns the
    people (sets of PartnerVictim pks)."""
    people = _components(VictimLink, seeds)
    for members in people:
        key = min(members)
        joined = (
            PartnerVictim.objects.filter(pk__in=sorted(members))
            .exclude(person_key=key)
            .update(person_key=key)
        )
        # The incidents' copy of the key (``Incident.person_key``), in the same step.
        Incident.objects.filter(victim_id__in=sorted(members)).exclude(person_key=key).update(
            person_key=key
        )
        if joined:  # queryset updates send no signals: one audit record per person
            record_batch(
                None,
                PartnerVictim.objects.values_list("area_id", flat=True).get(pk=key),
                f"partners.partnervictim person {key}: {joined} joined",
                "partners.partnervictim",
            )
    return people
