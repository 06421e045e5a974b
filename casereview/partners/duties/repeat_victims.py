"""The repeat-victim check: people whose incidents, as the agencies recorded them, already meet
their area's threshold for a Case Review, but who have no open application.

It applies the area's live policy the way ``casereview.rules.evaluate_threshold`` does, so that
the list names exactly the people for whom an application made today would meet the threshold:

- an incident qualifies when it is a complaint (or a diary sheet, where the policy counts them)
  made to a relevant body of the area, reported within the policy's report window of the
  behaviour (``Incident.months_late`` / ``days_late``, stored for this), on or before the day of
  the check, and recently enough that an application that day is within the policy's
  application window of the report;
- occasions count once: the incidents of a confirmed cross-agency group (``linked``) are one
  occasion, and so, when the policy says so, are unlinked incidents about behaviour on the same
  day; any other incident is an occasion of its own;
- a person is every record sharing a ``person_key`` (agencies' records joined by confirmed
  matches); they are listed when their occasions reach the policy's threshold (capped at the
  law's three) and no case of the area that is not in a final status has a victim with the same
  name and postcode as one of their records.

The counting is one set-based query (GROUP BY person, HAVING count >= threshold) that runs on
SQLite and PostgreSQL alike: no Python loop over incidents. ``repeat_victims`` checks one area
(its page); ``repeat_victims_for_areas`` checks many at once, with one query for their policies,
one for their relevant bodies and one counting statement for all of them, each area under its
own policy: what a check of the whole service runs. ``bench/b2_repeat_victims.py`` measures that
over every area of the national data set, against the same computation in DuckDB.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.db import connection
from django.db.models import QuerySet

from casereview.areas.models import Agency, Area
from casereview.areas.selectors import (
    current_policy_record,
    current_policy_rules,
    relevant_bodies,
    relevant_bodies_of,
)
from casereview.cases.models import Case as CaseRecord
from casereview.cases.models import ComplaintKind
from casereview.cases.workflow import FINAL_STATUSES
from casereview.partners.models import Incident, PartnerVictim
from casereview.rules import LocalPolicy, add_months, policy_from_dict


@dataclass(frozen=True)
class RepeatVictim:
    """One person on the list."""

    person_key: int
    name: str
    agencies: tuple[str, ...]
    count: int
    latest_reported_on: date


@dataclass(frozen=True)
class CheckRule:
    """The rule a check applied, for the page that explains it."""

    policy: LocalPolicy
    on: date
    earliest_report: date


def live_policy(area: Area) -> LocalPolicy | None:
    record = current_policy_record(area)
    return policy_from_dict(record.rules) if record is not None else None


def earliest_report(on: date, application_within_months: int) -> date:
    """The earliest report date ``r`` with ``add_months(r, months) >= on``: the oldest report an
    application made on ``on`` can still rely on. Month-end clamping makes the plain
    ``add_months(on, -months)`` off by a few days near the ends of months, so step from it to the
    exact boundary (``add_months`` never decreases as its start date grows)."""
    day = add_months(on, -application_within_months)
    while add_months(day, application_within_months) < on:
        day += timedelta(days=1)
    while add_months(day - timedelta(days=1), application_within_months) >= on:
        day -= timedelta(days=1)
    return day


def rule_for(area: Area, *, on: date) -> CheckRule | None:
    """The rule the check applies in ``area`` on ``on``; None when it has no policy here."""
    policy = live_policy(area)
    if policy is None:
        return None
    return CheckRule(policy, on, earliest_report(on, policy.application_within_months))


def qualifying_incidents(
    area: Area, policy: LocalPolicy, *, on: date, agencies: list[Agency] | None = None
) -> QuerySet[Incident]:
    """The area's incidents with a victim that qualify on ``on`` under ``policy`` (module
    docstring), each on its own: grouping into occasions is ``occasion``'s job."""
    bodies = agencies if agencies is not None else relevant_bodies(area)
    found = Incident.objects.filter(
        area=area,
        victim__isnull=False,
        agency_id__in=[agency.pk for agency in bodies],
        reported_on__lte=on,
        reported_on__gte=earliest_report(on, policy.application_within_months),
    )
    window = policy.report_within
    if window.months is not None:
        found = found.filter(months_late__lte=window.months)
    else:
        found = found.filter(days_late__lte=window.days or 0)
    if not policy.diary_sheets_count:
        found = found.filter(kind=ComplaintKind.COMPLAINT)
    return found


def _occasion_sql(policy: LocalPolicy) -> str:
    """The occasion an incident ``i`` is about, as text: "g<group>" for a confirmed cross-agency
    group, else "d<behaviour date>" when same-day reports are one occasion, else "i<pk>". The
    prefixes keep the three kinds apart; written without parameters, so that the same aggregate
    in SELECT and HAVING is one expression to the database, computed once."""
    unlinked = (
        "'d' || CAST(i.behaviour_on AS TEXT)"
        if policy.same_day_is_same_occasion
        else "'i' || CAST(i.id AS TEXT)"
    )
    return f"CASE WHEN i.linked THEN 'g' || CAST(i.group_key AS TEXT) ELSE {unlinked} END"


def _placeholders(count: int) -> str:
    return ", ".join(["%s"] * count)


def counts_by_person(
    area: Area, policy: LocalPolicy, *, on: date, agencies: list[Agency]
) -> tuple[str, list[Any]]:
    """The check as one SQL statement and its parameters. Each row: the person (``person_key``),
    their occasions, their latest report date, a name from their records, then a 1/0 flag per
    agency of ``agencies`` (in that order) saying whether it recorded one of their qualifying
    incidents; most occasions first.

    Written as SQL rather than built with the ORM: the sweep runs it for every area, and building
    and compiling the equivalent queryset cost several times more than running it on a typical
    area (bench/fixes/b1_b2.toml). It is plain SQL (CASE, ||, CAST AS TEXT, COUNT DISTINCT,
    NOT IN) that SQLite and PostgreSQL run alike; the incidents are read from the
    ``incident_reported_check`` index alone (``qualifying_incidents`` says the same conditions
    with the ORM). People with an open case are left out per person, after grouping: as a
    condition on the victim records before the join, it led PostgreSQL to hash every victim
    record of the country for each area."""
    incident = Incident._meta.db_table
    victim = PartnerVictim._meta.db_table
    case = CaseRecord._meta.db_table
    occasion = _occasion_sql(policy)
    flags = "".join(", MAX(CASE WHEN i.agency_id = %s THEN 1 ELSE 0 END)" for _ in agencies)
    window = policy.report_within
    late = "i.months_late <= %s" if window.months is not None else "i.days_late <= %s"
    kind = "" if policy.diary_sheets_count else "AND i.kind = %s"
    final = sorted(FINAL_STATUSES)
    bodies = [agency.pk for agency in agencies]
    sql = f"""
        SELECT v.person_key, COUNT(DISTINCT {occasion}) AS occasions,
               MAX(i.reported_on) AS latest, MIN(v.name){flags}
        FROM {incident} i
        JOIN {victim} v ON v.id = i.victim_id
        WHERE i.area_id = %s
          AND i.reported_on >= %s AND i.reported_on <= %s
          AND i.agency_id IN ({_placeholders(len(bodies)) or "NULL"})
          AND {late}
          {kind}
        GROUP BY v.person_key
        HAVING COUNT(DISTINCT {occasion}) >= %s
           AND v.person_key NOT IN (
               SELECT pv.person_key
               FROM {victim} pv
               JOIN {case} c ON c.area_id = pv.area_id
                            AND c.victim_name_key = pv.name_key
                            AND c.victim_postcode_key = pv.postcode_key
               WHERE pv.area_id = %s AND pv.postcode_key <> ''
                 AND c.status NOT IN ({_placeholders(len(final))})
           )
        ORDER BY occasions DESC, latest DESC, v.person_key
    """
    params: list[Any] = [*bodies, area.pk]
    params += [earliest_report(on, policy.application_within_months), on, *bodies]
    params.append(window.months if window.months is not None else window.days or 0)
    if not policy.diary_sheets_count:
        params.append(ComplaintKind.COMPLAINT.value)
    params += [policy.applied_threshold, area.pk, *final]
    return sql, params


def _as_date(value: date | str) -> date:
    # SQLite gives an aggregate of a date column back as its ISO text.
    return date.fromisoformat(value) if isinstance(value, str) else value


def repeat_victims(area: Area, *, on: date) -> list[RepeatVictim]:
    """The people of ``area`` whose qualifying incidents meet its threshold on ``on`` and who
    have no open application, most occasions first (module docstring)."""
    policy = live_policy(area)
    if policy is None:
        return []
    agencies = relevant_bodies(area)
    sql, params = counts_by_person(area, policy, on=on, agencies=agencies)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    return [
        RepeatVictim(
            person_key=int(person),
            name=str(name),
            agencies=tuple(a.name for a, flag in zip(agencies, flags, strict=True) if flag),
            count=int(count),
            latest_reported_on=_as_date(latest),
        )
        for person, count, latest, name, *flags in rows
    ]


# Areas per counting statement of ``repeat_victims_for_areas``. Measured over the national data
# set (bench/fixes/b1_b2.toml): one statement for all 318 areas took twice as long on SQLite as
# statements of ten (its GROUP BY and COUNT(DISTINCT) temporary B-trees outgrow the page cache),
# and a statement per area pays a round trip each; ten was the fastest on both databases. It also
# keeps a statement far inside the limits on parameters however many bodies an area has.
AREAS_PER_STATEMENT = 10
# An area's agencies come back as a bit set in a 64-bit integer (below).
_MOST_BODIES = 62
# One area as the counting statements take it: its id, live policy and relevant bodies.
AreaCheck = tuple[int, LocalPolicy, list[Agency]]


def _many_areas_sql(checks: list[AreaCheck], *, on: date) -> tuple[str, list[Any]]:
    """The check of several areas as one statement: ``counts_by_person`` with each area's policy
    and relevant bodies given as rows of two small tables (``VALUES``) joined to its incidents,
    instead of as constants (``qualifying_rows_sql``). Each row: area, person, occasions, latest
    report, a name, and which of the area's bodies recorded their qualifying incidents as a bit
    set (bit ``n`` for the area's ``n``-th body): SUM(DISTINCT 2^n) over the incidents is their
    bitwise OR, in plain SQL both databases run."""
    victim = PartnerVictim._meta.db_table
    case = CaseRecord._meta.db_table
    final = sorted(FINAL_STATUSES)
    with_clause, from_where, params = qualifying_rows_sql(checks, on=on)
    occasion = (
        "CASE WHEN i.linked THEN 'g' || CAST(i.group_key AS TEXT)"
        " WHEN p.same_day = 1 THEN 'd' || CAST(i.behaviour_on AS TEXT)"
        " ELSE 'i' || CAST(i.id AS TEXT) END"
    )
    sql = f"""
        {with_clause}
        SELECT i.area_id, v.person_key, COUNT(DISTINCT {occasion}) AS occasions,
               MAX(i.reported_on) AS latest, MIN(v.name), SUM(DISTINCT b.bit)
        {from_where}
        GROUP BY i.area_id, v.person_key, p.threshold
        HAVING COUNT(DISTINCT {occasion}) >= p.threshold
           AND NOT EXISTS (
               SELECT 1
               FROM {victim} pv
               JOIN {case} c ON c.area_id = pv.area_id
                            AND c.victim_name_key = pv.name_key
                            AND c.victim_postcode_key = pv.postcode_key
               WHERE pv.person_key = v.person_key AND +pv.area_id = i.area_id
                 AND pv.postcode_key <> ''
                 AND c.status NOT IN ({_placeholders(len(final))})
           )
        ORDER BY i.area_id, occasions DESC, latest DESC, v.person_key
    """
    # ``+pv.area_id``: a person has a few records, an area thousands. Without statistics (a
    # database never analysed) SQLite's planner weighs both equalities alike and may take the
    # area's index, reading every victim record of the area for each person listed (measured:
    # 220 ms against 15 ms for two areas of 25,000 incidents); the unary plus, SQLite's way
    # of keeping a term off an index, leaves it the person's. PostgreSQL reads it as the
    # column itself.
    return sql, [*params, *final]


def qualifying_rows_sql(checks: list[AreaCheck], *, on: date) -> tuple[str, str, list[Any]]:
    """The qualifying incidents of several areas, each under its own policy, joined to their
    victim records: a ``WITH`` clause (the policies as ``p``, the relevant bodies as ``b``), the
    ``FROM ... WHERE`` that reads them (``i`` the incident, ``v`` its victim record), and the
    parameters of both in order. ``_many_areas_sql`` groups these rows by person;
    bench/b2_repeat_victims.py also counts them alone, to show what reading them costs.
    ``p CROSS JOIN incident`` keeps SQLite's loop in that order (PostgreSQL plans it as any
    join): for each area, a range of the covering index from the area's own earliest report,
    rather than every area's incidents up to ``on`` filtered afterwards."""
    incident = Incident._meta.db_table
    victim = PartnerVictim._meta.db_table
    # Typed values, so that PostgreSQL knows a column of NULLs is a number; but SQLite stores
    # dates as ISO text, which CAST AS DATE (numeric affinity) would turn into the year.
    day = "%s" if connection.vendor == "sqlite" else "CAST(%s AS DATE)"
    policy_row = (
        "(CAST(%s AS BIGINT), CAST(%s AS INTEGER), CAST(%s AS INTEGER), "
        f"CAST(%s AS INTEGER), {day}, CAST(%s AS INTEGER), CAST(%s AS INTEGER))"
    )
    policy_rows: list[str] = []
    body_rows: list[str] = []
    params: list[Any] = []
    for area_id, policy, _ in checks:
        window = policy.report_within
        policy_rows.append(policy_row)
        params += [
            area_id,
            policy.applied_threshold,
            window.months,
            (window.days or 0) if window.months is None else None,
            earliest_report(on, policy.application_within_months),
            int(policy.diary_sheets_count),
            int(policy.same_day_is_same_occasion),
        ]
    for area_id, _, agencies in checks:
        for position, agency in enumerate(agencies):
            body_rows.append("(CAST(%s AS BIGINT), CAST(%s AS BIGINT), CAST(%s AS BIGINT))")
            params += [area_id, agency.pk, 1 << position]
    params += [on, ComplaintKind.COMPLAINT.value]
    with_clause = f"""
        WITH p (area_id, threshold, report_months, report_days, earliest, diary_sheets,
                same_day) AS (VALUES {", ".join(policy_rows)}),
             b (area_id, agency_id, bit) AS (VALUES {", ".join(body_rows)})
    """
    from_where = f"""
        FROM p
        CROSS JOIN {incident} i
        JOIN b ON b.area_id = i.area_id AND b.agency_id = i.agency_id
        JOIN {victim} v ON v.id = i.victim_id
        WHERE i.area_id = p.area_id AND i.reported_on >= p.earliest AND i.reported_on <= %s
          AND CASE WHEN p.report_months IS NOT NULL THEN i.months_late <= p.report_months
                   ELSE i.days_late <= p.report_days END
          AND (p.diary_sheets = 1 OR i.kind = %s)
    """
    return with_clause, from_where, params


def repeat_victims_for_areas(areas: Iterable[Area], *, on: date) -> dict[int, list[RepeatVictim]]:
    """``repeat_victims`` of every area of ``areas``, by area id (every area given is a key; an
    area without a policy or relevant bodies has an empty list), with the same rows in the same
    order as ``repeat_victims(area, on=on)`` gives for each.

    A check of the whole service runs this rather than ``repeat_victims`` per area: that costs
    three queries per area (its policy, its bodies, the count), whose round trips and statement
    preparation took most of the time of a sweep of 318 small areas (bench/fixes/b1_b2.toml);
    here the policies and bodies are one query each, and one statement counts for each
    ``AREAS_PER_STATEMENT`` areas."""
    ids = [area.pk for area in areas]
    found: dict[int, list[RepeatVictim]] = {area_id: [] for area_id in ids}
    checks, alone = area_checks(ids)
    for area_id in alone:
        found[area_id] = repeat_victims(Area.objects.get(pk=area_id), on=on)
    for start in range(0, len(checks), AREAS_PER_STATEMENT):
        chunk = checks[start : start + AREAS_PER_STATEMENT]
        names_of = {area_id: [agency.name for agency in agencies] for area_id, _, agencies in chunk}
        sql, params = _many_areas_sql(chunk, on=on)
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        for area_id, person, count, latest, name, bits in rows:
            names = names_of[area_id]
            mask = int(bits)
            found[area_id].append(
                RepeatVictim(
                    person_key=int(person),
                    name=str(name),
                    agencies=tuple(n for k, n in enumerate(names) if mask >> k & 1),
                    count=int(count),
                    latest_reported_on=_as_date(latest),
                )
            )
    return found


def area_checks(ids: list[int]) -> tuple[list[AreaCheck], list[int]]:
    """What ``repeat_victims_for_areas`` checks of each area of ``ids``, read with one query for
    the policies and one for the bodies: (area id, live policy, relevant bodies) for the areas
    that can be counted together, and the ids of those with more bodies than the bit set holds,
    which are checked on their own (never seen in practice). Areas without a policy or without
    bodies are in neither: nothing of theirs can qualify."""
    rules = current_policy_rules(ids)
    bodies = relevant_bodies_of(ids)
    checks: list[AreaCheck] = []
    alone: list[int] = []
    for area_id in ids:
        record = rules.get(area_id)
        agencies = bodies.get(area_id, [])
        if record is None or not agencies:
            continue
        if len(agencies) > _MOST_BODIES:
            alone.append(area_id)
            continue
        checks.append((area_id, policy_from_dict(record), agencies))
    return checks, alone


def person_incidents(area: Area, person_key: int, *, on: date) -> QuerySet[Incident]:
    """The qualifying incidents of one person on ``on``, oldest behaviour first: what a case
    opened for them is made of."""
    policy = live_policy(area)
    if policy is None:
        return Incident.objects.none()
    return (
        qualifying_incidents(area, policy, on=on)
        .filter(victim__person_key=person_key)
        .select_related("agency", "victim")
        .order_by("behaviour_on", "reported_on", "pk")
    )


def person_records(area: Area, person_key: int) -> QuerySet[PartnerVictim]:
    """Every agency's record of one person of ``area``, newest first."""
    return PartnerVictim.objects.filter(area=area, person_key=person_key).order_by(
        "-created_at", "-pk"
    )
