"""The second-report duty: explain the Case Review to any victim who makes a second ASB report
within six months of an earlier one (statutory guidance on the ASB Case Review, 2025).

A *person* is every ``PartnerVictim`` sharing one ``person_key`` (agencies' records of the same
victim joined by confirmed matches). A person's report is a *second report* when another of the
person's incidents, about a different occasion (another ``group_key``: one incident told to two
agencies is one report), was reported in the six months up to it, boundaries included. Reports
on the same day are ordered by arrival (pk), so the later-recorded one is the second.

A prompt is raised for the latest second report that involves the incidents just saved (as the
second report or as the earlier one: an earlier report can arrive after the later one), unless

- that second report already has its prompt (``SecondReportPrompt.second_incident`` is unique),
- a prompt for the same person was raised in the last six months (one explanation is enough;
  this also keeps repeated imports and re-matching from raising more), or
- the victim already has an open application in the area (a case not in a final status whose
  victim has the same name and postcode as one of the person's records): they know the review.

Called inside the ingest transaction with the incidents it created or changed, and by matching
after two victims' records are confirmed as one person. It runs a fixed number of queries per
call, whatever the number of incidents, and reads the history only of the people not excluded
above: a repeat victim already prompted costs nothing more however many reports they make.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any, NamedTuple, Protocol

from django.db import connection
from django.utils import timezone

from casereview.audit.log import record_batch
from casereview.cases.models import Case
from casereview.cases.workflow import FINAL_STATUSES
from casereview.partners.matching.sets import SQLITE_LISTED
from casereview.partners.models import Incident, PartnerVictim, SecondReportPrompt
from casereview.rules.dates import add_months

# The statutory guidance's "within six months".
WINDOW_MONTHS = 6


class ReportFacts(Protocol):
    """What is read of an incident just saved: a model instance, or the ingest service's row."""

    @property
    def pk(self) -> Any: ...

    @property
    def victim_id(self) -> int | None: ...


class Report(NamedTuple):
    """One report of a person's history: only what the duty compares."""

    pk: int
    victim_id: int
    reported_on: date
    group_key: int


class _VictimRecord(NamedTuple):
    pk: int
    area_id: int
    person_key: int
    name_key: str
    postcode_key: str


def window_start(reported_on: date) -> date:
    """The first day of the six months up to ``reported_on`` (inclusive at both ends)."""
    return add_months(reported_on, -WINDOW_MONTHS)


def earlier_in(history: Sequence[Report], index: int) -> Report | None:
    """The latest report of ``history`` (one person's, in report order: reported_on, then pk)
    before ``history[index]`` within the six months up to it, about another occasion; None
    when it is a first report. Walks back from it: the first report of another occasion met
    is the latest, and once one falls outside the window every earlier one does too."""
    second = history[index]
    start = window_start(second.reported_on)
    for position in range(index - 1, -1, -1):
        other = history[position]
        if other.reported_on < start:
            return None
        if other.group_key != second.group_key:
            return other
    return None


def latest_second_report(
    history: Sequence[Report], touched: set[int], prompted: set[int]
) -> tuple[Report, Report] | None:
    """(earlier, second) of the latest second report of ``history`` (in report order) not yet
    prompted that involves a ``touched`` incident, as the second report or as the earlier one;
    None when there is none."""
    for index in range(len(history) - 1, 0, -1):
        second = history[index]
        if second.pk in prompted:
            continue
        earlier = earlier_in(history, index)
        if earlier is not None and (second.pk in touched or earlier.pk in touched):
            return earlier, second
    return None


def _pairs_with_open_cases(
    area_ids: set[int], victims: Iterable[_VictimRecord]
) -> set[tuple[int, str, str]]:
    """(area, name key, postcode key) of ``victims`` matching a victim of an open case."""
    wanted = {(v.area_id, v.name_key, v.postcode_key) for v in victims if v.postcode_key}
    if not wanted:
        return set()
    areas = sorted(area_ids)
    finals = sorted(FINAL_STATUSES)
    rows = _select(
        _OPEN_CASES_SQL,
        {name for _, name, _ in wanted},
        trailing=[*areas, *finals],
        areas=", ".join(["%s"] * len(areas)),
        finals=", ".join(["%s"] * len(finals)),
    )
    return {row for row in rows if row in wanted}


def raise_second_report_prompts(incidents: Sequence[ReportFacts]) -> None:
    """Raise the prompts that ``incidents`` call for (module docstring). Idempotent.

    The cheap exclusions come first (a prompt for the person in the last six months, an open
    application); then the history of each person still concerned, only the columns compared,
    is walked once from its latest report.
    """
    victim_ids = {i.victim_id for i in incidents if i.victim_id is not None}
    if not victim_ids:
        return
    touched = {i.pk for i in incidents if i.victim_id is not None}
    today = timezone.localdate()
    # Every record of the people concerned (across agencies), in one query: a person key is
    # the pk of one of the person's records, so the keys of the touched records name them
    # (and their area). Each record says whether a prompt was raised for it in the last six
    # months: a person with one is not prompted again.
    records: list[_VictimRecord] = []
    recently_prompted: set[tuple[int, int]] = set()
    for *row, prompted_lately in _select(
        _VICTIMS_SQL,
        victim_ids,
        [connection.ops.adapt_datefield_value(add_months(today, -WINDOW_MONTHS))],
    ):
        record = _VictimRecord(*row)
        records.append(record)
        if prompted_lately:
            recently_prompted.add((record.area_id, record.person_key))
    person_of = {v.pk: (v.area_id, v.person_key) for v in records}

    records = [v for v in records if person_of[v.pk] not in recently_prompted]
    open_pairs = _pairs_with_open_cases({v.area_id for v in records}, records)
    known = {
        person_of[v.pk] for v in records if (v.area_id, v.name_key, v.postcode_key) in open_pairs
    }
    still = sorted(v.pk for v in records if person_of[v.pk] not in known)
    if not still:
        return

    # Their reports in report order, each saying whether its prompt was already raised.
    history: dict[tuple[int, int], list[Report]] = defaultdict(list)
    prompted: set[int] = set()
    for pk, victim_id, reported_on, group_key, has_prompt in _select(_HISTORY_SQL, still):
        report = Report(pk, victim_id, reported_on, group_key)
        history[person_of[victim_id]].append(report)
        if has_prompt:
            prompted.add(report.pk)

    new_prompts: list[tuple[int, int, int, int]] = []  # (area, victim, earlier, second)
    for person in sorted(history):
        chosen = latest_second_report(history[person], touched, prompted)
        if chosen is not None:
            earlier, second = chosen
            new_prompts.append((person[0], second.victim_id, earlier.pk, second.pk))
    if not new_prompts:
        return
    _insert_prompts(new_prompts, today)
    for area_id, count in Counter(area_id for area_id, *_ in new_prompts).items():
        record_batch(
            None,
            area_id,
            f"partners.secondreportprompt raised: {count}",
            "partners.secondreportprompt",
        )


# The reads of the duty, written out: each runs on a chunk of a thousand incidents, and
# building them through the ORM (an ``Exists`` annotation, ``values_list`` with its converters)
# cost Python time several times the queries' own. ``{ids:column}`` is the condition that the
# column holds one of the values given.
_VICTIMS_SQL = """
    SELECT v.id, v.area_id, v.person_key, v.name_key, v.postcode_key,
        EXISTS (SELECT 1 FROM {prompts} p WHERE p.victim_id = v.id AND p.raised_on >= %s)
    FROM {victims} v
    WHERE v.person_key IN (SELECT k.person_key FROM {victims} k WHERE {ids:k.id})
"""
_HISTORY_SQL = """
    SELECT i.id, i.victim_id, i.reported_on, i.group_key,
        EXISTS (SELECT 1 FROM {prompts} p WHERE p.second_incident_id = i.id)
    FROM {incidents} i
    WHERE {ids:i.victim_id}
    ORDER BY i.reported_on, i.id
"""
# The open cases of the areas whose victim has one of the name keys (``{areas}`` and
# ``{finals}``: a placeholder per area and per final status).
_OPEN_CASES_SQL = """
    SELECT c.area_id, c.victim_name_key, c.victim_postcode_key
    FROM {cases} c
    WHERE {ids:c.victim_name_key} AND c.area_id IN ({areas}) AND c.status NOT IN ({finals})
"""


class _OneOf:
    """Formats ``{ids:column}`` as ``column`` holding one of ``values`` (ints or strings, as
    stored), as ``AnyOf`` does: one array on PostgreSQL, the values themselves (or one JSON
    array past ``SQLITE_LISTED``) on SQLite."""

    def __init__(self, values: Iterable[int | str]) -> None:
        self.values = sorted(set(values))
        self.params: list[Any] = []

    def __format__(self, column: str) -> str:
        if connection.vendor == "postgresql":
            self.params = [self.values]
            return f"{column} = ANY(%s)"
        if len(self.values) <= SQLITE_LISTED:
            self.params = list(self.values)
            return f"{column} IN ({', '.join(['%s'] * len(self.values))})"
        self.params = [json.dumps(self.values)]
        return f"{column} IN (SELECT value FROM json_each(%s))"


def _select(
    sql: str,
    values: Iterable[int | str],
    leading: Sequence[Any] = (),
    trailing: Sequence[Any] = (),
    **placeholders: str,
) -> list[tuple[Any, ...]]:
    """The rows of one of the reads above for ``values``, between the other parameters."""
    quote = connection.ops.quote_name
    condition = _OneOf(values)
    text = sql.format(
        ids=condition,
        prompts=quote(SecondReportPrompt._meta.db_table),
        victims=quote(PartnerVictim._meta.db_table),
        incidents=quote(Incident._meta.db_table),
        cases=quote(Case._meta.db_table),
        **placeholders,
    )
    with connection.cursor() as cursor:
        cursor.execute(text, [*leading, *condition.params, *trailing])
        return cursor.fetchall()


# Rows per INSERT statement: five parameters a row, well inside SQLite's limit (32,766).
_PROMPTS_PER_INSERT = 1000


def _insert_prompts(prompts: Sequence[tuple[int, int, int, int]], today: date) -> None:
    """Insert the prompts (area, victim, earlier incident, second incident), raised today and
    not yet explained, as one multi-row INSERT (per thousand): SQLite runs that as one
    statement, where ``executemany`` steps a statement per row. A concurrent import may have
    raised the same second report's prompt a moment ago: the unique second incident keeps it
    single (the conflict is skipped, as ``bulk_create(ignore_conflicts=True)`` did)."""
    quote = connection.ops.quote_name
    columns = (
        "area_id",
        "victim_id",
        "earlier_incident_id",
        "second_incident_id",
        "raised_on",
        "explained_on",
        "explained_how",
        "explained_by_id",
        "note",
    )
    # Not explained yet: the last four columns are the same for every row.
    row = "(%s, %s, %s, %s, %s, NULL, '', NULL, '')"
    raised = connection.ops.adapt_datefield_value(today)
    with connection.cursor() as cursor:
        for start in range(0, len(prompts), _PROMPTS_PER_INSERT):
            part = prompts[start : start + _PROMPTS_PER_INSERT]
            cursor.execute(
                f"INSERT INTO {quote(SecondReportPrompt._meta.db_table)} "  # nosec B608
                f"({', '.join(quote(c) for c in columns)}) "
                f"VALUES {', '.join([row] * len(part))} "
                f"ON CONFLICT ({quote('second_incident_id')}) DO NOTHING",
                [value for prompt in part for value in (*prompt, raised)],
            )
