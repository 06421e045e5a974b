"""Stored deadlines of a case, recomputed from the case after every step.

``plan_deadlines`` is a pure function: from the case's dates, its information requests, the
timescales of the policy version the case was received under and the working calendar of the
area's nation, it says which deadlines the case has, when each is due and whether (and when) it
was met. ``recompute_deadlines`` brings the stored ``Deadline`` rows into line with that plan,
touching only rows that differ, so running it twice changes nothing.

The deadlines (reference timescales in brackets, each taken from the policy version):

- ``acknowledge``: working days from receipt (3); met when the case is acknowledged.
- ``decision``: working days from receipt (14); met when the threshold is decided.
- ``information``, one per request: working days from the request (5); met by the first
  response recorded for it.
- ``review_request``: calendar days from a "not met" decision (28) for the victim to ask for a
  review. Informational: a right of the victim, not a duty of the service, so never overdue
  against the service and never met (a request for review is the next issue's appeal).
- ``victim_contact``: working days from a "met" decision (7) for the SPOC to phone the victim;
  met when the call is recorded.

When a case ends (not suitable, declined, withdrawn, closed), deadlines of duties that were never
met no longer apply and are removed; met deadlines stay as the record of how the case was
handled, and the victim's own windows stay because ending the case does not end them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import models
from django.db.models import Min
from django.utils.translation import gettext_lazy as _

from casereview.cases.models import Case, Deadline, DeadlineKind
from casereview.rules import DueDate, LocalPolicy, WorkingCalendar, calendar_for, policy_from_dict


class DeadlineStatus(models.TextChoices):
    MET = "met", _("Met")
    DUE = "due", _("Due")
    OVERDUE = "overdue", _("Overdue")


@dataclass(frozen=True)
class RequestDates:
    """What planning needs to know of one information request."""

    request_id: int
    requested_on: date
    first_response_on: date | None


@dataclass(frozen=True)
class PlannedDeadline:
    kind: str
    request_id: int | None
    due: DueDate
    met_on: date | None
    informational: bool = False

    @property
    def key(self) -> tuple[str, int | None]:
        return (self.kind, self.request_id)

    def explanation(self) -> dict[str, Any]:
        return {
            "rule": self.due.rule,
            "start": self.due.start.isoformat(),
            "counted_from": self.due.counted_from.isoformat(),
            "lines": self.due.explain(),
        }


@dataclass(frozen=True)
class RecomputeResult:
    created: int = 0
    updated: int = 0
    deleted: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated or self.deleted)


def plan_deadlines(
    case: Case,
    policy: LocalPolicy,
    calendar: WorkingCalendar,
    requests: Iterable[RequestDates] = (),
) -> list[PlannedDeadline]:
    """The deadlines ``case`` has now (module docstring); reads only the values given."""
    times = policy.timescales
    planned = [
        PlannedDeadline(
            DeadlineKind.ACKNOWLEDGE,
            None,
            calendar.add_working_days(case.received_on, times.acknowledge_working_days),
            case.acknowledged_on,
        ),
        PlannedDeadline(
            DeadlineKind.DECISION,
            None,
            calendar.add_working_days(case.received_on, times.decision_working_days),
            case.decided_on,
        ),
    ]
    planned.extend(
        PlannedDeadline(
            DeadlineKind.INFORMATION,
            request.request_id,
            calendar.add_working_days(request.requested_on, times.information_working_days),
            request.first_response_on,
        )
        for request in requests
    )
    if case.decided_on is not None and case.threshold_met is False:
        planned.append(
            PlannedDeadline(
                DeadlineKind.REVIEW_REQUEST,
                None,
                calendar.add_calendar_days(case.decided_on, times.review_request_days),
                None,
                informational=True,
            )
        )
    if case.decided_on is not None and case.threshold_met is True:
        planned.append(
            PlannedDeadline(
                DeadlineKind.VICTIM_CONTACT,
                None,
                calendar.add_working_days(case.decided_on, times.victim_contact_working_days),
                case.victim_contacted_on,
            )
        )
    if case.is_final:
        planned = [item for item in planned if item.met_on is not None or item.informational]
    return planned


def _request_dates(case: Case) -> list[RequestDates]:
    rows = case.information_requests.annotate(first_response=Min("responses__received_on"))
    return [
        RequestDates(row.pk, row.requested_on, row.first_response) for row in rows.order_by("pk")
    ]


def _differs(row: Deadline, plan: PlannedDeadline) -> list[str]:
    wanted = {
        "start_on": plan.due.start,
        "due_on": plan.due.due,
        "met_on": plan.met_on,
        "informational": plan.informational,
        "explanation": plan.explanation(),
    }
    changed = []
    for name, value in wanted.items():
        if getattr(row, name) != value:
            setattr(row, name, value)
            changed.append(name)
    return changed


def recompute_deadlines(case: Case) -> RecomputeResult:
    """Bring ``case``'s stored deadlines into line with ``plan_deadlines``. Idempotent."""
    policy = policy_from_dict(case.policy.rules)
    plan = plan_deadlines(case, policy, calendar_for(case.area.nation), _request_dates(case))
    existing = {(row.kind, row.information_request_id): row for row in case.deadlines.all()}
    created = updated = 0
    for item in plan:
        row = existing.pop(item.key, None)
        if row is None:
            Deadline.objects.create(
                case=case,
                kind=item.kind,
                information_request_id=item.request_id,
                start_on=item.due.start,
                due_on=item.due.due,
                met_on=item.met_on,
                informational=item.informational,
                explanation=item.explanation(),
            )
            created += 1
            continue
        changed = _differs(row, item)
        if changed:
            row.save(update_fields=changed)
            updated += 1
    deleted = 0
    if existing:
        deleted, _counts = Deadline.objects.filter(
            pk__in=[r.pk for r in existing.values()]
        ).delete()
    return RecomputeResult(created, updated, deleted)


def deadline_status(deadline: Deadline, today: date) -> DeadlineStatus:
    """Met, due (today or later) or overdue, as of ``today``."""
    if deadline.met_on is not None:
        return DeadlineStatus.MET
    if today > deadline.due_on:
        return DeadlineStatus.OVERDUE
    return DeadlineStatus.DUE


def open_deadlines(deadlines: Sequence[Deadline]) -> list[Deadline]:
    """The deadlines of duties still to be met (not the victim's informational windows)."""
    return [d for d in deadlines if d.met_on is None and not d.informational]
