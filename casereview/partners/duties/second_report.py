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

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any, NamedTuple, Protocol

from django.db import connection
from django.db.models import Exists, OuterRef
from django.utils import timezone

from casereview.audit.log import record_batch
from casereview.cases.models import Case
from casereview.cases.workflow import FINAL_STATUSES
from casereview.partners.matching.sets import AnyOf
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
    rows = (
        Case.objects.filter(
            AnyOf("victim_name_key", {name for _, name, _ in wanted}),
            area_id__in=sorted(area_ids),
        )
        .exclude(status__in=FINAL_STATUSES)
        .order_by()
        .values_list("area_id", "victim_name_key", "victim_postcode_key")
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
    keys = PartnerVictim.objects.filter(AnyOf("pk", victim_ids)).order_by().values("person_key")
    recent = SecondReportPrompt.objects.filter(
        victim_id=OuterRef("pk"), raised_on__gte=add_months(today, -WINDOW_MONTHS)
    )
    records: list[_VictimRecord] = []
    recently_prompted: set[tuple[int, int]] = set()
    for *row, prompted_lately in (
        PartnerVictim.objects.filter(person_key__in=keys)
        .order_by()
        .values_list("pk", "area_id", "person_key", "name_key", "postcode_key")
        .annotate(prompted_lately=Exists(recent))
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
    for *row, has_prompt in (
        Incident.objects.filter(AnyOf("victim_id", still))
        .order_by("reported_on", "pk")
        .values_list("pk", "victim_id", "reported_on", "group_key")
        .annotate(
            has_prompt=Exists(SecondReportPrompt.objects.filter(second_incident_id=OuterRef("pk")))
        )
    ):
        report = Report(*row)
        history[person_of[report.victim_id]].append(report)
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


def _insert_prompts(prompts: Sequence[tuple[int, int, int, int]], today: date) -> None:
    """Insert the prompts (area, victim, earlier incident, second incident), raised today and
    not yet explained, in one ``executemany``. A concurrent import may have raised the same
    second report's prompt a moment ago: the unique second incident keeps it single (the
    conflict is skipped, as ``bulk_create(ignore_conflicts=True)`` did)."""
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
    sql = (
        f"INSERT INTO {quote(SecondReportPrompt._meta.db_table)} "  # nosec B608 - our names
        f"({', '.join(quote(c) for c in columns)}) "
        f"VALUES ({', '.join(['%s'] * len(columns))}) "
        f"ON CONFLICT ({quote('second_incident_id')}) DO NOTHING"
    )
    raised = connection.ops.adapt_datefield_value(today)
    with connection.cursor() as cursor:
        cursor.executemany(sql, [(*prompt, raised, None, "", None, "") for prompt in prompts])
