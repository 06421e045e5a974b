"""The national data set's incidents: what police forces, councils and housing providers recorded
over the year before the data set's today, as ``partners.Incident`` and ``PartnerVictim`` rows with
their derived columns set exactly as the ingest service sets them.

Shape (the same as ``bench.b2_repeat_victims.Builder``, spread over every area):

- areas get incidents in proportion to their population (a big city many thousand, a small
  district a few hundred);
- 55% reported to the police, 25% to the council, 20% to a housing provider;
- about 0.27 people per incident, each known to one agency, and one in ten to a second agency
  too: two ``PartnerVictim`` rows joined by ``person_key`` and a confirmed ``VictimLink``;
- incidents per person skewed (most report once or twice, a few many times, so some cross
  their area's threshold and the repeat-victim check finds them);
- most reported within days of the behaviour, one in twenty over 30 days late; one in ten a
  diary sheet;
- three in ten incidents of a person known to two agencies told to both: the second record has
  the same behaviour date, both are ``linked`` in one group (``group_key`` = the first's key) and
  a confirmed ``IncidentLink`` joins them; a few more such pairs are only a proposed link.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from bench.national_areas import FIRST_NAMES, SURNAMES, AreaInfo
from bench.national_write import Writer, columns_of, next_id

TOTAL_INCIDENTS = 1_000_000
PEOPLE_PER_INCIDENT = 0.27
WINDOW_DAYS = 365

DESCRIPTIONS = (
    "Loud music and shouting late at night",
    "Group gathering and drinking outside the shops",
    "Abuse shouted at the victim in the street",
    "Rubbish dumped in the garden",
    "Stones thrown at the windows",
    "Intimidation on the stairwell",
    "Off-road bikes ridden on the estate",
    "Banging on the door at night",
    "Damage to the victim's car",
    "Threats made by a neighbour",
)
STREET_NAMES = (
    "High Street",
    "Church Road",
    "Station Road",
    "Victoria Road",
    "Green Lane",
    "Manor Road",
    "Park Road",
    "Queens Road",
    "Mill Lane",
    "School Lane",
    "Kings Road",
    "New Road",
    "Grange Road",
    "North Street",
)
LETTERS = "ABDEFGHJLNPQRSTUWXYZ"


@dataclass
class IncidentSummary:
    incidents: int = 0
    partner_victims: int = 0
    incident_links: int = 0
    victim_links: int = 0
    # Area id -> the people with most incidents there: (name, postcode, incidents).
    top_people: dict[int, list[tuple[str, str, int]]] = field(default_factory=dict)
    per_area: dict[int, int] = field(default_factory=dict)


def shares(total: int, weights: list[float]) -> list[int]:
    """``total`` split in proportion to ``weights`` (largest remainders: the sum is exact)."""
    whole = sum(weights)
    raw = [total * w / whole for w in weights]
    counts = [int(r) for r in raw]
    left = total - sum(counts)
    order = sorted(range(len(raw)), key=lambda i: (counts[i] - raw[i], i))
    for i in order[:left]:
        counts[i] += 1
    return counts


class _MonthsLate:
    """``months_late`` with a cache: a year of dates gives a few thousand distinct pairs."""

    def __init__(self) -> None:
        from casereview.partners.models import months_late

        self.months_late = months_late
        self.cache: dict[tuple[dt.date, dt.date], int] = {}

    def __call__(self, behaviour: dt.date, reported: dt.date) -> int:
        key = (behaviour, reported)
        found = self.cache.get(key)
        if found is None:
            found = self.cache[key] = self.months_late(behaviour, reported)
        return found


def postcode_prefix(area: AreaInfo) -> str:
    letters = "".join(ch for ch in area.la_code.upper() if ch.isalpha()) or "ZZ"
    return letters[:2]


def make_incidents(
    writer: Writer,
    areas: list[AreaInfo],
    *,
    scale: float,
    seed: int,
    today: dt.date,
    say: Callable[[str], None],
) -> IncidentSummary:
    from casereview.partners.models import (
        Incident,
        IncidentLink,
        PartnerVictim,
        VictimLink,
        occasion_key_of,
    )

    total = round(TOTAL_INCIDENTS * scale)
    counts = shares(total, [float(area.population) for area in areas])
    summary = IncidentSummary()
    ids = {
        "victim": next_id(PartnerVictim),
        "incident": next_id(Incident),
        "incident_link": next_id(IncidentLink),
        "victim_link": next_id(VictimLink),
    }
    months_late = _MonthsLate()
    victim_rows: list[tuple[Any, ...]] = []
    incident_rows: list[tuple[Any, ...]] = []
    incident_links: list[tuple[Any, ...]] = []
    victim_links: list[tuple[Any, ...]] = []
    first_day = today - dt.timedelta(days=WINDOW_DAYS - 1)
    days = [first_day + dt.timedelta(days=d) for d in range(WINDOW_DAYS)]
    decided = dt.datetime.combine(today, dt.time(12, 0), tzinfo=dt.UTC)

    victim_columns = columns_of(PartnerVictim)
    incident_columns = columns_of(Incident)
    link_columns = (
        "id",
        "area_id",
        "score",
        "reasons",
        "status",
        "decided_by_id",
        "decided_at",
        "created_at",
        "first_id",
        "second_id",
    )

    def flush(final: bool = False) -> None:
        if len(incident_rows) >= 200_000 or final:
            writer.rows(PartnerVictim._meta.db_table, victim_columns, victim_rows)
            writer.rows(Incident._meta.db_table, incident_columns, incident_rows)
            writer.rows(IncidentLink._meta.db_table, link_columns, incident_links)
            writer.rows(VictimLink._meta.db_table, link_columns, victim_links)
            summary.partner_victims += len(victim_rows)
            summary.incidents += len(incident_rows)
            summary.incident_links += len(incident_links)
            summary.victim_links += len(victim_links)
            victim_rows.clear()
            incident_rows.clear()
            incident_links.clear()
            victim_links.clear()

    for area, n in zip(areas, counts, strict=True):
        summary.per_area[area.id] = n
        if n == 0:
            summary.top_people[area.id] = []
            continue
        rng = random.Random(f"incidents-{seed}-{area.gss_code}")
        coordinator = area.coordinator_id
        agencies = [area.police_id, area.council_id, *area.housing_ids]
        housing = area.housing_ids

        def pick_agency(
            rng: random.Random = rng, housing: list[int] = housing, area: AreaInfo = area
        ) -> int:
            roll = rng.random()
            if roll < 0.55:
                return area.police_id
            if roll < 0.80:
                return area.council_id
            return housing[int(rng.random() * len(housing))]

        prefix = postcode_prefix(area)
        people = max(1, int(n * PEOPLE_PER_INCIDENT))
        person_records: list[tuple[int, ...]] = []
        person_names: list[tuple[str, str]] = []
        agency_of_victim: dict[int, int] = {}
        person_of_victim: dict[int, int] = {}
        for _ in range(people):
            name = f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}"
            postcode = (
                f"{prefix}{rng.randrange(1, 30)} {rng.randrange(10)}"
                f"{LETTERS[rng.randrange(20)]}{LETTERS[rng.randrange(20)]}"
            )
            postcode_key = postcode.replace(" ", "")
            birth = dt.date(1940, 1, 1) + dt.timedelta(days=rng.randrange(65 * 365))
            address = f"{rng.randrange(1, 200)} {rng.choice(STREET_NAMES)}"
            first_agency = pick_agency()
            chosen = [first_agency]
            if rng.random() < 0.1:
                others = [a for a in agencies if a != first_agency]
                chosen.append(others[int(rng.random() * len(others))])
            record_ids = []
            for body in chosen:
                pk = ids["victim"]
                ids["victim"] += 1
                record_ids.append(pk)
                agency_of_victim[pk] = body
                person_of_victim[pk] = record_ids[0]
                victim_rows.append(
                    (
                        pk,
                        area.id,
                        body,
                        f"V{pk}",
                        name,
                        birth,
                        address,
                        postcode,
                        " ".join(name.casefold().split()),
                        postcode_key,
                        record_ids[0],
                        dt.datetime.combine(first_day, dt.time(8, 0), tzinfo=dt.UTC),
                    )
                )
            if len(record_ids) == 2:
                victim_links.append(
                    (
                        ids["victim_link"],
                        area.id,
                        92.0,
                        [
                            {"code": "same_name"},
                            {"code": "same_postcode"},
                            {"code": "same_date_of_birth"},
                        ],
                        "confirmed",
                        coordinator,
                        decided,
                        decided,
                        record_ids[0],
                        record_ids[1],
                    )
                )
                ids["victim_link"] += 1
            person_records.append(tuple(record_ids))
            person_names.append((name, postcode))

        incidents_of: dict[int, int] = {}
        made = 0

        def add(
            victim: int,
            behaviour: dt.date,
            reported: dt.date,
            kind: str,
            group: int,
            linked: bool,
            area: AreaInfo = area,
            agency_of_victim: dict[int, int] = agency_of_victim,
            person_of_victim: dict[int, int] = person_of_victim,
        ) -> int:
            pk = ids["incident"]
            ids["incident"] += 1
            created = dt.datetime.combine(reported, dt.time(8 + pk % 10, pk % 60), tzinfo=dt.UTC)
            incident_rows.append(
                (
                    pk,
                    area.id,
                    agency_of_victim[victim],
                    f"R{pk}",
                    victim,
                    behaviour,
                    None,
                    reported,
                    kind,
                    "",
                    "",
                    "",
                    DESCRIPTIONS[pk % len(DESCRIPTIONS)],
                    (reported - behaviour).days,
                    months_late(behaviour, reported),
                    group or pk,
                    linked,
                    created,
                    created,
                    person_of_victim[victim],
                    occasion_key_of(linked, group or pk, behaviour),
                )
            )
            return pk

        while made < n:
            person = int(people * rng.random() ** 2.5)
            records = person_records[person]
            incidents_of[person] = incidents_of.get(person, 0) + 1
            behaviour = days[rng.randrange(WINDOW_DAYS)]
            roll = rng.random()
            delay = (
                rng.randrange(4)
                if roll < 0.8
                else rng.randrange(4, 31)
                if roll < 0.95
                else rng.randrange(31, 91)
            )
            reported = min(behaviour + dt.timedelta(days=delay), today)
            kind = "diary_sheet" if rng.random() < 0.1 else "complaint"
            twin = len(records) > 1 and made + 1 < n and rng.random() < 0.33
            confirmed = twin and rng.random() < 0.9
            first = add(records[0], behaviour, reported, kind, 0, confirmed)
            made += 1
            if twin:
                # The same occasion told to the person's other agency.
                told = min(reported + dt.timedelta(days=rng.randrange(6)), today)
                second = add(
                    records[1], behaviour, told, "complaint", first if confirmed else 0, confirmed
                )
                made += 1
                incident_links.append(
                    (
                        ids["incident_link"],
                        area.id,
                        88.0 if confirmed else 71.0,
                        [{"code": "same_victim"}, {"code": "same_behaviour_date"}],
                        "confirmed" if confirmed else "proposed",
                        coordinator if confirmed else None,
                        decided if confirmed else None,
                        decided,
                        first,
                        second,
                    )
                )
                ids["incident_link"] += 1
        ranked = sorted(incidents_of.items(), key=lambda item: (-item[1], item[0]))[:5]
        summary.top_people[area.id] = [(*person_names[p], c) for p, c in ranked]
        flush()
    flush(final=True)
    writer.reset_sequences([PartnerVictim, Incident, IncidentLink, VictimLink])
    say(f"incidents: {summary.incidents:,} incidents, {summary.partner_victims:,} victim records")
    return summary
