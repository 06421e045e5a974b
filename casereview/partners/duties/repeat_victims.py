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
SQLite and PostgreSQL alike: no Python loop over incidents. ``bench/repeat_victims.py`` measures
it over a million incidents.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.db.models import (
    Case,
    CharField,
    Count,
    Exists,
    Expression,
    F,
    IntegerField,
    Max,
    Min,
    OuterRef,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import Cast, Concat

from casereview.areas.models import Agency, Area
from casereview.areas.selectors import current_policy_record, relevant_bodies
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


def occasion(policy: LocalPolicy) -> Expression:
    """The occasion an incident is about, as text: "g<group>" for a confirmed cross-agency group,
    else "d<behaviour date>" when same-day reports are one occasion, else "i<pk>"."""
    unlinked: Expression
    if policy.same_day_is_same_occasion:
        unlinked = Concat(Value("d"), Cast("behaviour_on", CharField()), output_field=CharField())
    else:
        unlinked = Concat(Value("i"), Cast("pk", CharField()), output_field=CharField())
    return Case(
        When(
            linked=True,
            then=Concat(Value("g"), Cast("group_key", CharField()), output_field=CharField()),
        ),
        default=unlinked,
        output_field=CharField(),
    )


def people_with_open_cases(area: Area) -> QuerySet[PartnerVictim, Any]:
    """The ``person_key`` of every person of ``area`` with a record whose name and postcode are
    those of the victim of a case of the area not in a final status. Driven from the open cases
    (few) through the name index, not from every victim record."""
    open_cases = CaseRecord.objects.filter(area=area).exclude(status__in=FINAL_STATUSES)
    return (
        PartnerVictim.objects.filter(area=area, name_key__in=open_cases.values("victim_name_key"))
        .exclude(postcode_key="")
        .filter(
            Exists(
                open_cases.filter(
                    victim_name_key=OuterRef("name_key"),
                    victim_postcode_key=OuterRef("postcode_key"),
                )
            )
        )
        .values("person_key")
    )


def _agency_flag(agency: Agency) -> Max:
    return Max(
        Case(
            When(agency_id=agency.pk, then=Value(1)),
            default=Value(0),
            output_field=IntegerField(),
        )
    )


def counts_by_person(
    area: Area, policy: LocalPolicy, *, on: date, agencies: list[Agency]
) -> QuerySet[Incident, dict[str, Any]]:
    """One row per listed person: ``person``, ``count`` (occasions), ``latest`` (report date),
    ``name`` and an ``agency_<pk>`` flag (1 or 0) per agency in ``agencies``. One query."""
    flags = {f"agency_{agency.pk}": _agency_flag(agency) for agency in agencies}
    return (
        qualifying_incidents(area, policy, on=on, agencies=agencies)
        .exclude(victim__person_key__in=people_with_open_cases(area))
        .values(person=F("victim__person_key"))
        .annotate(
            count=Count(occasion(policy), distinct=True),
            latest=Max("reported_on"),
            name=Min("victim__name"),
        )
        .filter(count__gte=policy.applied_threshold)
        .annotate(**flags)
        .order_by("-count", "-latest", "person")
    )


def _row(values: Mapping[str, Any], agencies: list[Agency]) -> RepeatVictim:
    return RepeatVictim(
        person_key=int(values["person"]),
        name=str(values["name"]),
        agencies=tuple(a.name for a in agencies if values[f"agency_{a.pk}"]),
        count=int(values["count"]),
        latest_reported_on=values["latest"],
    )


def repeat_victims(area: Area, *, on: date) -> list[RepeatVictim]:
    """The people of ``area`` whose qualifying incidents meet its threshold on ``on`` and who
    have no open application, most occasions first (module docstring)."""
    policy = live_policy(area)
    if policy is None:
        return []
    agencies = relevant_bodies(area)
    return [
        _row(values, agencies)
        for values in counts_by_person(area, policy, on=on, agencies=agencies)
    ]


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
