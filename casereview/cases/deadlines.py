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
  met when the call (or the victim's choice of voice) is recorded.
- ``outcome`` and ``minutes``: working days from the latest review meeting (5 each) to send the
  outcome to the victim, and the minutes and action plan to the panel.
- ``victim_comment``: working days from sharing the draft action plan (10) for the victim to
  comment. Informational: the victim's window; the plan cannot be made final before it ends
  unless they have commented.
- ``review_request`` again for a reviewed case: calendar days from the outcome letter (28) for
  the victim to appeal against how the review was carried out. Informational.
- ``action``, one per action of a plan: the date the panel agreed; met when the action is done.
  A cancelled action has none.
- ``appeal_hearing``, one per appeal: working days from receipt (15); met when it is heard.
- ``appeal_outcome``, one per heard appeal: working days from the hearing (5); met when the
  outcome letter is sent.
- ``redecision``: after an appeal against a "not met" decision is upheld, the threshold is
  decided again within the decision timescale (14 working days) from the hearing.

The ``decision`` deadline is met by the first decision (``Case.first_decided_on``): a decision
taken again after an appeal meets ``redecision`` instead.

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
from casereview.rules import (
    DueDate,
    LocalPolicy,
    WorkingCalendar,
    calendar_for,
    long_date,
    policy_from_dict,
)


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
class MeetingDates:
    """What planning needs to know of the latest review meeting."""

    held_on: date | None
    outcome_sent_on: date | None
    minutes_sent_on: date | None
    plan_shared_on: date | None


@dataclass(frozen=True)
class ActionDates:
    action_id: int
    agreed_on: date
    due_on: date
    done_on: date | None
    cancelled: bool = False


@dataclass(frozen=True)
class AppealDates:
    appeal_id: int
    received_on: date
    heard_on: date | None
    outcome_sent_on: date | None
    # Upheld against a "not met" decision: the threshold is decided again.
    redecide: bool = False


# (kind, information request, action, appeal): what makes one deadline row of a case.
DeadlineKey = tuple[str, int | None, int | None, int | None]


@dataclass(frozen=True)
class PlannedDeadline:
    kind: str
    request_id: int | None
    due: DueDate
    met_on: date | None
    informational: bool = False
    action_id: int | None = None
    appeal_id: int | None = None
    # Lines explaining a due date that was agreed rather than counted.
    lines: tuple[str, ...] = ()

    @property
    def key(self) -> DeadlineKey:
        return (self.kind, self.request_id, self.action_id, self.appeal_id)

    def explanation(self) -> dict[str, Any]:
        return {
            "rule": self.due.rule,
            "start": self.due.start.isoformat(),
            "counted_from": self.due.counted_from.isoformat(),
            "lines": list(self.lines) or self.due.explain(),
        }


AGREED_AT_THE_MEETING = "the date agreed at the review meeting"


def agreed_date(agreed_on: date, due_on: date) -> DueDate:
    """A due date the panel set, as a ``DueDate`` (nothing was counted)."""
    return DueDate(start=agreed_on, counted_from=agreed_on, due=due_on, rule=AGREED_AT_THE_MEETING)


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
    meeting: MeetingDates | None = None,
    actions: Iterable[ActionDates] = (),
    appeals: Iterable[AppealDates] = (),
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
            case.first_decided_on or case.decided_on,
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
    planned.extend(_review_deadlines(case, times, calendar, meeting, actions))
    planned.extend(_appeal_deadlines(case, times, calendar, appeals))
    if case.is_final:
        planned = [item for item in planned if item.met_on is not None or item.informational]
    return planned


def _review_deadlines(
    case: Case,
    times: Any,
    calendar: WorkingCalendar,
    meeting: MeetingDates | None,
    actions: Iterable[ActionDates],
) -> list[PlannedDeadline]:
    planned: list[PlannedDeadline] = []
    if meeting is not None and meeting.held_on is not None:
        held = meeting.held_on
        planned.append(
            PlannedDeadline(
                DeadlineKind.OUTCOME,
                None,
                calendar.add_working_days(held, times.outcome_working_days),
                meeting.outcome_sent_on,
            )
        )
        planned.append(
            PlannedDeadline(
                DeadlineKind.MINUTES,
                None,
                calendar.add_working_days(held, times.minutes_working_days),
                meeting.minutes_sent_on,
            )
        )
    if meeting is not None and meeting.plan_shared_on is not None:
        planned.append(
            PlannedDeadline(
                DeadlineKind.VICTIM_COMMENT,
                None,
                calendar.add_working_days(
                    meeting.plan_shared_on, times.victim_comment_working_days
                ),
                None,
                informational=True,
            )
        )
    if meeting is not None and meeting.outcome_sent_on is not None and case.threshold_met:
        planned.append(
            PlannedDeadline(
                DeadlineKind.REVIEW_REQUEST,
                None,
                calendar.add_calendar_days(meeting.outcome_sent_on, times.review_request_days),
                None,
                informational=True,
            )
        )
    for action in actions:
        if action.cancelled:
            continue
        planned.append(
            PlannedDeadline(
                DeadlineKind.ACTION,
                None,
                agreed_date(action.agreed_on, action.due_on),
                action.done_on,
                action_id=action.action_id,
                lines=(
                    f"Due {long_date(action.due_on)}: {AGREED_AT_THE_MEETING} "
                    f"on {long_date(action.agreed_on)}.",
                ),
            )
        )
    return planned


def _appeal_deadlines(
    case: Case, times: Any, calendar: WorkingCalendar, appeals: Iterable[AppealDates]
) -> list[PlannedDeadline]:
    planned: list[PlannedDeadline] = []
    redecide_after: date | None = None
    for appeal in appeals:
        planned.append(
            PlannedDeadline(
                DeadlineKind.APPEAL_HEARING,
                None,
                calendar.add_working_days(appeal.received_on, times.appeal_hearing_working_days),
                appeal.heard_on,
                appeal_id=appeal.appeal_id,
            )
        )
        if appeal.heard_on is None:
            continue
        planned.append(
            PlannedDeadline(
                DeadlineKind.APPEAL_OUTCOME,
                None,
                calendar.add_working_days(appeal.heard_on, times.appeal_outcome_working_days),
                appeal.outcome_sent_on,
                appeal_id=appeal.appeal_id,
            )
        )
        if appeal.redecide and (redecide_after is None or appeal.heard_on > redecide_after):
            redecide_after = appeal.heard_on
    if redecide_after is not None:
        planned.append(
            PlannedDeadline(
                DeadlineKind.REDECISION,
                None,
                calendar.add_working_days(redecide_after, times.decision_working_days),
                case.decided_on,
            )
        )
    return planned


def _request_dates(case: Case) -> list[RequestDates]:
    rows = case.information_requests.annotate(first_response=Min("responses__received_on"))
    return [
        RequestDates(row.pk, row.requested_on, row.first_response) for row in rows.order_by("pk")
    ]


def _meeting_dates(case: Case) -> tuple[MeetingDates | None, list[ActionDates]]:
    meetings = list(case.meetings.prefetch_related("actions").order_by("number"))
    if not meetings:
        return None, []
    latest = meetings[-1]
    dates = MeetingDates(
        latest.held_on, latest.outcome_sent_on, latest.minutes_sent_on, latest.plan_shared_on
    )
    actions = [
        ActionDates(
            action.pk,
            meeting.held_on or action.due_on,
            action.due_on,
            action.completed_on if action.status == "done" else None,
            cancelled=action.status == "cancelled",
        )
        for meeting in meetings
        for action in meeting.actions.all()
    ]
    return dates, actions


def _appeal_dates(case: Case) -> list[AppealDates]:
    return [
        AppealDates(
            appeal.pk,
            appeal.received_on,
            appeal.heard_on,
            appeal.outcome_sent_on,
            redecide=appeal.ground == "threshold_decision" and appeal.outcome == "upheld",
        )
        for appeal in case.appeals.order_by("received_on", "pk")
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
    meeting, actions = _meeting_dates(case)
    plan = plan_deadlines(
        case,
        policy,
        calendar_for(case.area.nation),
        _request_dates(case),
        meeting,
        actions,
        _appeal_dates(case),
    )
    existing: dict[DeadlineKey, Deadline] = {
        (row.kind, row.information_request_id, row.action_id, row.appeal_id): row
        for row in case.deadlines.all()
    }
    created = updated = 0
    for item in plan:
        row = existing.pop(item.key, None)
        if row is None:
            Deadline.objects.create(
                case=case,
                kind=item.kind,
                information_request_id=item.request_id,
                action_id=item.action_id,
                appeal_id=item.appeal_id,
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
