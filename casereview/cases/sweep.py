"""The deadline sweep: reminders before a step is due and alerts once it is overdue.

``sweep(today)`` looks at every open deadline of every open case (a duty of the service not yet
met; the victim's informational windows are never reminded about) and, for each one that is due
within the reminder window or already overdue, claims a ``DeadlineNotice`` and enqueues the
e-mail (``casereview.cases.tasks.send_deadline_notice``) in the same transaction.

Safe to run twice and in parallel. The notice row is inserted first, inside its own savepoint:
the unique constraint on (deadline, kind, due date) lets exactly one sweep write it, and a sweep
that loses the race gets an ``IntegrityError``, rolls back its savepoint (so it enqueues nothing)
and counts the notice as already sent. That holds on PostgreSQL (the losing insert waits for the
winner's commit, then fails) and on SQLite (one writer at a time; the loser sees the row).

The reminder window is ``SWEEP_REMINDER_WORKING_DAYS`` working days of the area's nation
(default 1: the working day before the due date, so a step due on the Tuesday after Christmas is
reminded about on Christmas Eve). A sweep that did not run on that day catches up on the next
run. A reminder never sent before the due date passed is not sent at all: the overdue alert says
more.

An e-mail that could not be sent (the mail server was down, no worker ran) is enqueued again by
a later sweep ``SWEEP_RETRY_AFTER_MINUTES`` after it was last queued, at most
``SWEEP_MAX_TIMES_QUEUED`` times in all. The task itself never sends a notice twice.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from casereview.accounts.scoping import coordinators_of
from casereview.areas.models import Nation
from casereview.cases.models import Case, Deadline, DeadlineKind, DeadlineNotice, NoticeKind
from casereview.cases.workflow import FINAL_STATUSES
from casereview.rules import WorkingCalendar, calendar_for

DEFAULT_REMINDER_WORKING_DAYS = 1
DEFAULT_RETRY_AFTER_MINUTES = 60
DEFAULT_MAX_TIMES_QUEUED = 5


def reminder_working_days() -> int:
    """How many working days before the due date the reminder goes (``0``: on the day)."""
    value = getattr(settings, "SWEEP_REMINDER_WORKING_DAYS", DEFAULT_REMINDER_WORKING_DAYS)
    return max(int(value), 0)


def retry_after() -> timedelta:
    minutes = getattr(settings, "SWEEP_RETRY_AFTER_MINUTES", DEFAULT_RETRY_AFTER_MINUTES)
    return timedelta(minutes=max(int(minutes), 1))


def max_times_queued() -> int:
    return max(int(getattr(settings, "SWEEP_MAX_TIMES_QUEUED", DEFAULT_MAX_TIMES_QUEUED)), 1)


@dataclass
class SweepResult:
    """What one sweep did."""

    reminders: int = 0
    overdue_alerts: int = 0
    # Notices that already existed (sent, waiting for the worker, or claimed by a parallel sweep).
    already_sent: int = 0
    # Unsent notices enqueued again.
    requeued: int = 0
    notice_ids: list[int] = field(default_factory=list)

    @property
    def queued(self) -> int:
        return self.reminders + self.overdue_alerts

    def summary(self) -> str:
        """One line for the command's output: "3 reminders, 1 overdue alert queued; ..."."""
        text = (
            f"{_count(self.reminders, 'reminder')}, "
            f"{_count(self.overdue_alerts, 'overdue alert')} queued; "
            f"{self.already_sent} already sent"
        )
        if self.requeued:
            text += f"; {_count(self.requeued, 'unsent notice')} queued again"
        return text + "."


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def notice_due(deadline: Deadline, today: date, calendar: WorkingCalendar) -> str | None:
    """Which notice ``deadline`` calls for on ``today``: an overdue alert once the due date has
    passed, a reminder within the reminder window before it, otherwise none."""
    if deadline.met_on is not None or deadline.informational:
        return None
    if today > deadline.due_on:
        return NoticeKind.OVERDUE
    if calendar.working_days_between(today, deadline.due_on) <= reminder_working_days():
        return NoticeKind.REMINDER
    return None


def _latest_due_to_look_at(today: date) -> date:
    """A due date after which no deadline needs a notice today, in any nation: the first day
    that is more than the reminder window away (a cheap filter; ``notice_due`` decides)."""
    n = reminder_working_days() + 1
    return max(calendar_for(nation).add_working_days(today, n).due for nation in Nation.values)


def _candidates(today: date) -> Iterable[Deadline]:
    return (
        Deadline.objects.filter(
            met_on__isnull=True, informational=False, due_on__lt=_latest_due_to_look_at(today)
        )
        .exclude(case__status__in=FINAL_STATUSES)
        .select_related("case__area", "case__spoc", "information_request__agency", "action__owner")
        .order_by("due_on", "pk")
    )


def staff_recipients(case: Case) -> list[str]:
    """The case's SPOC; when it has none, every coordinator of its area; when the area has none,
    its published contact address, so a notice never goes nowhere."""
    if case.spoc is not None and case.spoc.is_active:
        return [case.spoc.email]
    found = sorted({person.email for person in coordinators_of(case.area_id)})
    if not found and case.area.contact_email:
        found = [case.area.contact_email]
    return found


def agency_recipient(deadline: Deadline, kind: str) -> str:
    """The agency's address: the relevant body reminded that its information is due, or the
    owner of an action of the plan, reminded and then alerted when it is overdue."""
    if deadline.kind == DeadlineKind.ACTION and deadline.action is not None:
        return deadline.action.owner.email
    if kind != NoticeKind.REMINDER or deadline.kind != DeadlineKind.INFORMATION:
        return ""
    request = deadline.information_request
    return request.agency.email if request is not None else ""


def claim_notice(deadline: Deadline, kind: str) -> DeadlineNotice | None:
    """Insert the notice and enqueue its e-mail, atomically; None if it already exists."""
    # Imported here: the task module imports the models and this module's helpers.
    from casereview.cases.tasks import send_deadline_notice

    try:
        with transaction.atomic():
            notice = DeadlineNotice.objects.create(
                deadline=deadline,
                kind=kind,
                due_on=deadline.due_on,
                recipients=staff_recipients(deadline.case),
                agency_email=agency_recipient(deadline, kind),
            )
            send_deadline_notice.enqueue(notice.pk)
    except IntegrityError:
        return None
    return notice


def _requeue_unsent(now: datetime) -> int:
    """Enqueue again the notices whose e-mail has still not gone some time after queueing."""
    from casereview.cases.tasks import send_deadline_notice

    stale = DeadlineNotice.objects.filter(
        sent_at__isnull=True,
        cancelled_reason="",
        queued_at__lt=now - retry_after(),
        times_queued__lt=max_times_queued(),
    ).values_list("pk", "queued_at")
    requeued = 0
    for pk, queued_at in list(stale):
        with transaction.atomic():
            # Conditional on the time it was last queued, so of two sweeps only one wins.
            won = DeadlineNotice.objects.filter(
                pk=pk, queued_at=queued_at, sent_at__isnull=True
            ).update(queued_at=now, times_queued=F("times_queued") + 1)
            if won:
                send_deadline_notice.enqueue(pk)
                requeued += 1
    return requeued


def sweep(today: date, *, now: datetime | None = None) -> SweepResult:
    """Claim and enqueue every reminder and overdue alert due on ``today`` (module docstring)."""
    now = now or timezone.now()
    result = SweepResult()
    deadlines = list(_candidates(today))
    existing = set(
        DeadlineNotice.objects.filter(deadline__in=deadlines).values_list(
            "deadline_id", "kind", "due_on"
        )
    )
    for deadline in deadlines:
        kind = notice_due(deadline, today, calendar_for(deadline.case.area.nation))
        if kind is None:
            continue
        if (deadline.pk, kind, deadline.due_on) in existing:
            result.already_sent += 1
            continue
        notice = claim_notice(deadline, kind)
        if notice is None:
            result.already_sent += 1
        elif kind == NoticeKind.REMINDER:
            result.reminders += 1
            result.notice_ids.append(notice.pk)
        else:
            result.overdue_alerts += 1
            result.notice_ids.append(notice.pk)
    result.requeued = _requeue_unsent(now)
    return result
