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
call, whatever the number of incidents.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from datetime import date

from django.db.models import Q
from django.utils import timezone

from casereview.audit.log import record_batch
from casereview.cases.models import Case
from casereview.cases.workflow import FINAL_STATUSES
from casereview.partners.models import Incident, PartnerVictim, SecondReportPrompt
from casereview.rules.dates import add_months

# The statutory guidance's "within six months".
WINDOW_MONTHS = 6


def window_start(reported_on: date) -> date:
    """The first day of the six months up to ``reported_on`` (inclusive at both ends)."""
    return add_months(reported_on, -WINDOW_MONTHS)


def _order(incident: Incident) -> tuple[date, int]:
    return (incident.reported_on, incident.pk)


def earlier_report(incident: Incident, history: Sequence[Incident]) -> Incident | None:
    """The latest of ``history`` (one person's incidents) reported before ``incident`` within
    the six months up to it, about another occasion; None when ``incident`` is a first report."""
    start = window_start(incident.reported_on)
    found: Incident | None = None
    for other in history:
        if (
            _order(other) < _order(incident)
            and other.reported_on >= start
            and other.group_key != incident.group_key
            and (found is None or _order(other) > _order(found))
        ):
            found = other
    return found


def _pairs_with_open_cases(
    area_ids: set[int], victims: Iterable[PartnerVictim]
) -> set[tuple[int, str, str]]:
    """(area, name key, postcode key) of ``victims`` matching a victim of an open case."""
    wanted = {(v.area_id, v.name_key, v.postcode_key) for v in victims if v.postcode_key}
    if not wanted:
        return set()
    rows = (
        Case.objects.filter(
            area_id__in=sorted(area_ids),
            victim_name_key__in=sorted({name for _, name, _ in wanted}),
        )
        .exclude(status__in=FINAL_STATUSES)
        .values_list("area_id", "victim_name_key", "victim_postcode_key")
    )
    return {row for row in rows if row in wanted}


def raise_second_report_prompts(incidents: Sequence[Incident]) -> None:
    """Raise the prompts that ``incidents`` call for (module docstring). Idempotent."""
    victim_ids = {i.victim_id for i in incidents if i.victim_id is not None}
    if not victim_ids:
        return
    touched = {i.pk for i in incidents if i.victim_id is not None}
    # The people concerned, then every record of each of them (across agencies).
    people = set(
        PartnerVictim.objects.filter(pk__in=sorted(victim_ids)).values_list("area_id", "person_key")
    )
    keys_by_area: dict[int, set[int]] = defaultdict(set)
    for area_id, person_key in people:
        keys_by_area[area_id].add(person_key)
    person_match = Q(pk__in=[])
    for area_id, keys in keys_by_area.items():
        person_match |= Q(area_id=area_id, person_key__in=sorted(keys))
    records = list(PartnerVictim.objects.filter(person_match))
    person_of = {v.pk: (v.area_id, v.person_key) for v in records}
    records_of: dict[tuple[int, int], list[PartnerVictim]] = defaultdict(list)
    for record in records:
        records_of[person_of[record.pk]].append(record)

    history: dict[tuple[int, int], list[Incident]] = defaultdict(list)
    for incident in Incident.objects.filter(victim_id__in=sorted(person_of)).order_by(
        "reported_on", "pk"
    ):
        assert incident.victim_id is not None
        history[person_of[incident.victim_id]].append(incident)

    today = timezone.localdate()
    all_ids = [i.pk for found in history.values() for i in found]
    prompted = set(
        SecondReportPrompt.objects.filter(second_incident_id__in=all_ids).values_list(
            "second_incident_id", flat=True
        )
    )
    recently_prompted = {
        person_of[victim_id]
        for victim_id in SecondReportPrompt.objects.filter(
            victim_id__in=sorted(person_of), raised_on__gte=add_months(today, -WINDOW_MONTHS)
        ).values_list("victim_id", flat=True)
    }
    open_pairs = _pairs_with_open_cases({area for area, _ in people}, records)

    new_prompts = []
    for person in sorted(people):
        if person in recently_prompted:
            continue
        if any((v.area_id, v.name_key, v.postcode_key) in open_pairs for v in records_of[person]):
            continue
        found = history[person]
        chosen: tuple[Incident, Incident] | None = None
        for second in found:  # in report order: the last match is the latest second report
            if second.pk in prompted:
                continue
            earlier = earlier_report(second, found)
            if earlier is not None and (second.pk in touched or earlier.pk in touched):
                chosen = (earlier, second)
        if chosen is None:
            continue
        earlier, second = chosen
        assert second.victim_id is not None
        new_prompts.append(
            SecondReportPrompt(
                area_id=person[0],
                victim_id=second.victim_id,
                earlier_incident=earlier,
                second_incident=second,
                raised_on=today,
            )
        )
    # A concurrent import may have raised the same second report's prompt a moment ago: the
    # unique second incident keeps it single.
    SecondReportPrompt.objects.bulk_create(new_prompts, ignore_conflicts=True)
    for area_id, count in Counter(prompt.area_id for prompt in new_prompts).items():
        record_batch(
            None,
            area_id,
            f"partners.secondreportprompt raised: {count}",
            "partners.secondreportprompt",
        )
