"""The few cheap reads behind the health check (``casereview.core.health``): each one aggregate
query, no personal data, nothing scoped to a person (the answers are counts and ages)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import connections
from django.db.models import Count, Exists, Max, Min, OuterRef, Q
from django.utils import timezone
from django_tasks_db.models import DBTaskResult, get_date_max

from casereview.cases.models import Deadline, DeadlineNotice, NoticeKind
from casereview.cases.workflow import FINAL_STATUSES


def ping(alias: str = "default") -> None:
    """One round trip to the database; raises whatever the driver raises when it is not there."""
    with connections[alias].cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


@dataclass(frozen=True)
class QueueState:
    # Tasks a worker could run now and has not started.
    backlog: int
    # When the longest-waiting of them became runnable (None when there are none).
    oldest_ready_since: dt.datetime | None


def task_queue_state() -> QueueState:
    never = get_date_max()
    found = DBTaskResult.objects.ready().aggregate(
        backlog=Count("pk"),
        # A task enqueued to run at once has run_after at the far-off "never" marker: it has been
        # ready since it was enqueued. A deferred one became ready at its run_after.
        immediate=Min("enqueued_at", filter=Q(run_after=never)),
        deferred=Min("run_after", filter=~Q(run_after=never)),
    )
    moments = [moment for moment in (found["immediate"], found["deferred"]) if moment is not None]
    return QueueState(backlog=found["backlog"], oldest_ready_since=min(moments, default=None))


@dataclass(frozen=True)
class SweepState:
    # Overdue deadlines of open cases whose overdue alert has not gone (not claimed by a sweep,
    # or claimed and never sent).
    overdue_unsent: int
    # The earliest due date among them.
    oldest_due_on: dt.date | None
    # When a sweep last queued a notice (a lower bound of when it last ran).
    last_notice_queued_at: dt.datetime | None


def sweep_state(today: dt.date) -> SweepState:
    settled_alert = DeadlineNotice.objects.filter(
        deadline=OuterRef("pk"), kind=NoticeKind.OVERDUE, due_on=OuterRef("due_on")
    ).filter(Q(sent_at__isnull=False) | ~Q(cancelled_reason=""))
    found = (
        Deadline.objects.filter(met_on__isnull=True, informational=False, due_on__lt=today)
        .exclude(case__status__in=FINAL_STATUSES)
        .filter(~Exists(settled_alert))
        .aggregate(overdue_unsent=Count("pk"), oldest_due_on=Min("due_on"))
    )
    last = DeadlineNotice.objects.aggregate(last=Max("queued_at"))["last"]
    return SweepState(
        overdue_unsent=found["overdue_unsent"],
        oldest_due_on=found["oldest_due_on"],
        last_notice_queued_at=last,
    )


def start_of_day_after(day: dt.date) -> dt.datetime:
    """The moment a deadline due on ``day`` became overdue: midnight, local time, after it."""
    return timezone.make_aware(dt.datetime.combine(day + dt.timedelta(days=1), dt.time(0)))
