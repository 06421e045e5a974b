"""The figures of an area for a period, computed from the case history.

Every figure is counted exactly as its written definition in ``casereview.publishing.figures``
says, by the business date the history records for it (the day an application was received, a
decision made, a meeting held, an appeal received or heard), never by when someone typed it in,
so the same history always gives the same figures.

``compute_figures_for_areas`` answers for many areas at once with a fixed number of grouped
queries (GROUP BY area), whatever the number of areas or cases: the national page and the open
data ask for every area on the service. ``compute_figures`` is the same for one area.

Rules worth knowing:

- **Decision dates.** A case row keeps only its latest decision (``decided_on``) and its first
  (``first_decided_on``); a decision taken again after an upheld appeal overwrites the first's
  ``decided_on``. Every decision is a ``CaseEvent`` (``decide_threshold_met`` /
  ``decide_threshold_not_met``), so decisions are counted from the events. An event records its
  own decision date (``data["on"]``); for events written before it did, the date is
  the case's ``first_decided_on`` for the case's first decision event, the case's ``decided_on``
  for its latest one (while the case holds a decision), and otherwise, for a decision in the
  middle of three or more, the day the event was recorded (a decision date is never in the
  future, so that is the decision day or soon after).
- **Applicant.** Each application falls in exactly one cell of the ``applicant`` breakdown, by
  the first rule that fits: the victim when the victim applied (``applicant_is_victim``); a
  partner agency or a senior manager when the applicant's relationship says so; a partner
  agency or a senior manager when the relationship says nothing more (blank or "someone else")
  and the application came through that channel; otherwise someone applying for the victim
  with their consent (a friend, relative, carer, councillor, MP or professional, whatever the
  channel).
- **Working days** are counted in the area's nation's calendar (``casereview.rules``) from the
  day the receipt counts from (the next working day when received on a non-working day) to the
  day of the decision or outcome, as the due dates count them: a decision due in 14 working days
  and made on its due date took 14 working days.
- **Declined as a repeat** has no business date of its own in the history: it is counted by the
  day the decision to decline was recorded.
- **Victim impact statement**: the victim's voice as last recorded for the case (a statement
  typed or uploaded); the choice can change only until the meeting is held.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.db.models import (
    BooleanField,
    CharField,
    Count,
    DateField,
    Exists,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models import Case as Choose
from django.db.models.fields.json import KeyTextTransform
from django.db.models.functions import Cast, Coalesce, TruncDate
from django.utils import timezone

from casereview.appeals.models import Appeal, Ground, Outcome
from casereview.areas.models import Area
from casereview.cases.models import Case, CaseEvent, Channel, Deadline, DeadlineKind, Relationship
from casereview.cases.workflow import Status, Step
from casereview.publishing.figures import BREAKDOWNS, Figures, Internal, Statutory
from casereview.publishing.periods import Period
from casereview.reviews.models import Meeting, Recommendation, VictimVoice
from casereview.rules import WorkingCalendar, calendar_for

DECISION_STEPS = (Step.DECIDE_THRESHOLD_MET, Step.DECIDE_THRESHOLD_NOT_MET)
# Relationships that do not say who the applicant is: the channel says it instead.
_UNSAID = ("", Relationship.OTHER)


@dataclass
class _Tally:
    """The figures of one area while they are being counted."""

    statutory: dict[str, int] = field(default_factory=dict)
    internal: dict[str, Any] = field(default_factory=dict)
    breakdowns: dict[str, dict[str, int]] = field(
        default_factory=lambda: {
            name: dict.fromkeys(codes, 0) for name, codes in BREAKDOWNS.items()
        }
    )
    days_to_decision: list[int] = field(default_factory=list)
    days_to_outcome: list[int] = field(default_factory=list)

    def add(self, part: dict[str, Any], key: str, n: int) -> None:
        part[key] = part.get(key, 0) + n

    def figures(self, period: Period) -> Figures:
        internal = dict(self.internal)
        internal["median_working_days_to_decision"] = _median(self.days_to_decision)
        internal["median_working_days_to_outcome"] = _median(self.days_to_outcome)
        return Figures(
            period=period,
            statutory=Statutory(**self.statutory),
            breakdowns=self.breakdowns,
            internal=Internal(**internal),
        )


def _median(values: list[int]) -> float | None:
    return float(statistics.median(values)) if values else None


def _working_days(calendar: WorkingCalendar, start: dt.date, end: dt.date) -> int:
    """Working days from the day ``start`` counts from to ``end`` (see the module docstring);
    none for a step taken before the first working day counted (an application received and
    decided on the same bank holiday)."""
    return max(0, calendar.working_days_between(calendar.counted_from(start), end))


def _midnight(day: dt.date) -> dt.datetime:
    """The moment ``day`` starts in the service's time zone."""
    return dt.datetime.combine(day, dt.time(), tzinfo=timezone.get_current_timezone())


def _in(period: Period, prefix: str) -> Q:
    return Q(**{f"{prefix}__gte": period.start, f"{prefix}__lte": period.end})


def _applicant_cell() -> Choose:
    """The ``applicant`` breakdown's cell of a case, by the rule in the module docstring."""
    return Choose(
        When(applicant_is_victim=True, then=Value("victim")),
        When(applicant_relationship=Relationship.PARTNER_AGENCY, then=Value("partner_agency")),
        When(applicant_relationship=Relationship.SENIOR_MANAGER, then=Value("senior_manager")),
        When(
            Q(applicant_relationship__in=_UNSAID, channel=Channel.PARTNER_AGENCY),
            then=Value("partner_agency"),
        ),
        When(
            Q(applicant_relationship__in=_UNSAID, channel=Channel.SENIOR_MANAGER),
            then=Value("senior_manager"),
        ),
        default=Value("someone_for_them"),
        output_field=CharField(),
    )


def _decision_events(area_ids: list[int]) -> QuerySet[CaseEvent]:
    """Every threshold decision event of the areas' cases, annotated with its decision date
    (``day``) by the rule in the module docstring."""
    decisions = CaseEvent.objects.filter(step__in=DECISION_STEPS)
    same_case = decisions.filter(case=OuterRef("case"))
    first = same_case.order_by("at", "pk").values("pk")[:1]
    latest = same_case.order_by("-at", "-pk").values("pk")[:1]
    return decisions.filter(case__area_id__in=area_ids).annotate(
        day=Coalesce(
            # Events record their own decision date since it was added to the event's data;
            # older events fall back on the case row and the day recorded.
            Cast(KeyTextTransform("on", "data"), DateField()),
            Choose(
                When(
                    Q(pk=Subquery(latest)) & Q(case__decided_on__isnull=False),
                    then=F("case__decided_on"),
                ),
                When(
                    Q(pk=Subquery(first)) & Q(case__first_decided_on__isnull=False),
                    then=F("case__first_decided_on"),
                ),
                default=TruncDate("at", tzinfo=timezone.get_current_timezone()),
                output_field=DateField(),
            ),
        )
    )


def _areas(area_ids: Iterable[int] | None) -> dict[int, str]:
    """Area id -> nation for the areas asked for (every area on the service for None)."""
    if area_ids is None:
        rows = Area.objects.filter(on_service=True).values_list("pk", "nation")
        return dict(rows)
    wanted = list(dict.fromkeys(area_ids))
    nations: dict[int, str] = dict(Area.objects.filter(pk__in=wanted).values_list("pk", "nation"))
    # An id with no area still gets its (empty) figures: every area asked for gets an answer.
    return {pk: nations.get(pk, "england") for pk in wanted}


def compute_figures_for_areas(area_ids: Iterable[int] | None, period: Period) -> dict[int, Figures]:
    """The figures of each area in ``area_ids`` (None: every area on the service) for
    ``period``, by area id. Every area asked for is in the answer, with zeros when nothing
    happened there. The number of queries does not depend on the number of areas or cases."""
    nations = _areas(area_ids)
    ids = list(nations)
    # Every area asked for gets figures, even with nothing counted.
    tallies = {pk: _Tally() for pk in ids}

    _count_applications(ids, period, tallies)
    _count_decisions(ids, period, tallies)
    _count_first_decisions(ids, period, tallies, nations)
    _count_endings(ids, period, tallies)
    _count_meetings(ids, period, tallies)
    _count_outcomes(ids, period, tallies, nations)
    _count_appeals(ids, period, tallies)
    return {pk: tallies[pk].figures(period) for pk in ids}


def compute_figures(area: Area, period: Period) -> Figures:
    """The figures of one area for ``period``."""
    return compute_figures_for_areas([area.pk], period)[area.pk]


def _count_applications(ids: list[int], period: Period, tallies: Mapping[int, _Tally]) -> None:
    rows = (
        Case.objects.filter(_in(period, "received_on"), area_id__in=ids)
        .annotate(applicant=_applicant_cell())
        .values("area_id", "channel", "applicant", "victim_kind")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for row in rows:
        tally = tallies[row["area_id"]]
        tally.add(tally.statutory, "applications", row["n"])
        for name in BREAKDOWNS:
            cells = tally.breakdowns[name]
            cells[row[name]] = cells.get(row[name], 0) + row["n"]


def _count_decisions(ids: list[int], period: Period, tallies: Mapping[int, _Tally]) -> None:
    # A decision is dated on or after the day received and never after the day it was
    # recorded: these bounds let the database skip the rest of the history.
    since = _midnight(period.start)
    rows = (
        _decision_events(ids)
        .filter(at__gte=since, case__received_on__lte=period.end)
        .filter(_in(period, "day"))
        .values("case__area_id", "step")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for row in rows:
        tally = tallies[row["case__area_id"]]
        tally.add(tally.internal, "decisions", row["n"])
        if row["step"] == Step.DECIDE_THRESHOLD_MET:
            tally.add(tally.internal, "threshold_met", row["n"])
        else:
            tally.add(tally.statutory, "threshold_not_met", row["n"])


def _count_first_decisions(
    ids: list[int], period: Period, tallies: Mapping[int, _Tally], nations: Mapping[int, str]
) -> None:
    """First decisions, those in time, and the working days each took (one row per case: the
    median needs every value)."""
    in_time = Deadline.objects.filter(
        case=OuterRef("pk"),
        kind=DeadlineKind.DECISION,
        information_request__isnull=True,
        action__isnull=True,
        appeal__isnull=True,
        due_on__gte=OuterRef("first_decided_on"),
    )
    rows = (
        Case.objects.filter(_in(period, "first_decided_on"), area_id__in=ids)
        .annotate(in_time=Exists(in_time, output_field=BooleanField()))
        .values_list("area_id", "received_on", "first_decided_on", "in_time")
        .order_by()
    )
    for area_id, received_on, decided_on, on_time in rows:
        assert decided_on is not None  # filtered on above
        tally = tallies[area_id]
        tally.add(tally.internal, "first_decisions", 1)
        tally.add(tally.internal, "first_decisions_in_time", 1 if on_time else 0)
        calendar = calendar_for(nations[area_id])
        tally.days_to_decision.append(_working_days(calendar, received_on, decided_on))


def _count_endings(ids: list[int], period: Period, tallies: Mapping[int, _Tally]) -> None:
    """Not suitable (screened out at receipt, so by the day received), withdrawn (by the day
    it ended) and declined as a repeat (by the day that was recorded)."""
    ended = (
        Case.objects.filter(area_id__in=ids)
        .filter(
            (Q(status=Status.NOT_SUITABLE) & _in(period, "received_on"))
            | (Q(status=Status.WITHDRAWN) & _in(period, "ended_on"))
        )
        .values("area_id", "status")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for row in ended:
        tally = tallies[row["area_id"]]
        key = "not_suitable" if row["status"] == Status.NOT_SUITABLE else "withdrawn"
        tally.add(tally.internal, key, row["n"])
    # "Recorded on a day of the period" as a range of moments: the local midnight the period
    # starts at up to the one after its last day. The same events as truncating each moment to
    # its local day, without computing that day for every event of the history (on SQLite a
    # Python function per row: seconds at national scale).
    declined = (
        CaseEvent.objects.filter(step=Step.DECLINE_REPEAT, case__area_id__in=ids)
        .filter(at__gte=_midnight(period.start), at__lt=_midnight(period.end + dt.timedelta(1)))
        .values("case__area_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for row in declined:
        tally = tallies[row["case__area_id"]]
        tally.add(tally.internal, "declined_as_repeat", row["n"])


def _count_meetings(ids: list[int], period: Period, tallies: Mapping[int, _Tally]) -> None:
    """Reviews carried out (meetings held; a reconvened review is a meeting of its own) and what
    happened at them."""
    statement = VictimVoice.objects.filter(case=OuterRef("case")).filter(
        ~Q(statement="") | ~Q(statement_file_name="")
    )
    rows = (
        Meeting.objects.filter(_in(period, "held_on"), case__area_id__in=ids)
        .annotate(
            recommended=Exists(Recommendation.objects.filter(meeting=OuterRef("pk"))),
            stated=Exists(statement),
        )
        .values("case__area_id")
        .annotate(
            held=Count("pk"),
            with_recommendations=Count("pk", filter=Q(recommended=True)),
            invited=Count("pk", filter=Q(victim_invited=True)),
            attended=Count("pk", filter=Q(victim_attended=True)),
            statement=Count("pk", filter=Q(stated=True)),
            independent=Count("pk", filter=Q(chair_independent=True)),
        )
        .order_by()
    )
    for row in rows:
        tally = tallies[row["case__area_id"]]
        tally.add(tally.statutory, "reviews_carried_out", row["held"])
        tally.add(tally.statutory, "reviews_with_recommendations", row["with_recommendations"])
        tally.add(tally.internal, "meetings_victim_invited", row["invited"])
        tally.add(tally.internal, "meetings_victim_attended", row["attended"])
        tally.add(tally.internal, "meetings_victim_statement", row["statement"])
        tally.add(tally.internal, "meetings_independent_chair", row["independent"])


def _count_outcomes(
    ids: list[int], period: Period, tallies: Mapping[int, _Tally], nations: Mapping[int, str]
) -> None:
    rows = (
        Meeting.objects.filter(_in(period, "outcome_sent_on"), case__area_id__in=ids)
        .values_list("case__area_id", "case__received_on", "outcome_sent_on")
        .order_by()
    )
    for area_id, received_on, sent_on in rows:
        assert sent_on is not None  # filtered on above
        tally = tallies[area_id]
        tally.add(tally.internal, "outcomes_sent", 1)
        calendar = calendar_for(nations[area_id])
        tally.days_to_outcome.append(_working_days(calendar, received_on, sent_on))


def _count_appeals(ids: list[int], period: Period, tallies: Mapping[int, _Tally]) -> None:
    received = (
        Appeal.objects.filter(_in(period, "received_on"), case__area_id__in=ids)
        .values("case__area_id", "ground")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for row in received:
        tally = tallies[row["case__area_id"]]
        key = (
            "appeals_received_threshold_decision"
            if row["ground"] == Ground.THRESHOLD_DECISION
            else "appeals_received_review_conduct"
        )
        tally.add(tally.internal, key, row["n"])
    decided = (
        Appeal.objects.filter(_in(period, "heard_on"), case__area_id__in=ids)
        .exclude(outcome="")
        .values("case__area_id", "outcome")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for row in decided:
        tally = tallies[row["case__area_id"]]
        key = "appeals_upheld" if row["outcome"] == Outcome.UPHELD else "appeals_not_upheld"
        tally.add(tally.internal, key, row["n"])
