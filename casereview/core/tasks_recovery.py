"""Recovering background tasks a killed worker left "running".

``db_worker`` (django-tasks-db) marks a task RUNNING when it claims it and SUCCESSFUL or FAILED
when it ends. A worker killed in between (SIGKILL, the machine lost, out of memory) never gets
to the end: the row stays RUNNING for ever and no other worker takes it, since workers only
take READY rows. django-tasks-db keeps no heartbeat, so a dead worker cannot be told from a
slow one by asking it; what is known is how long a task of ours can take.

``recover_abandoned_tasks(stale_after)`` therefore looks at tasks that have been RUNNING for
longer than ``stale_after`` (default ``TASKS_STALE_AFTER_MINUTES``, 15 minutes: far longer than
any of our tasks runs; an e-mail's SMTP exchange gives up after ``EMAIL_TIMEOUT``) and:

- puts back in the queue (READY) those that are safe to run twice (``RERUNNABLE_TASKS``): each
  of them claims its own work under a row lock and records it in the same transaction, so
  running one again while the first run is, after all, still alive sends and writes nothing
  twice;
- marks FAILED the others, with ``WorkerLost`` as the error, so they are visible as lost rather
  than forever "running", and whatever re-queues them (the sweep, a person) can.

Each row is changed with a conditional UPDATE on its status and start time, so two recoveries
at once (two workers starting) requeue a task once. It is run by ``manage.py recover_tasks``
before each worker starts and by the sweep.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger(__name__)

DEFAULT_STALE_AFTER_MINUTES = 15

# Tasks that claim their work under a row lock and record it in the same transaction, so that
# a second run finds the work done and does nothing (see each one's docstring).
RERUNNABLE_TASKS: frozenset[str] = frozenset(
    {
        "casereview.letters.tasks.write_letters",
        "casereview.letters.tasks.send_letter",
        "casereview.cases.tasks.send_deadline_notice",
        "casereview.public.track.tasks.send_progress_email",
        "casereview.reviews.tasks.send_invitations",
    }
)


class WorkerLost(Exception):
    """The worker running a task stopped before the task ended (the error recorded on it)."""


WORKER_LOST = f"{WorkerLost.__module__}.{WorkerLost.__qualname__}"


def stale_after() -> timedelta:
    """How long a task may run before it is taken for abandoned (``TASKS_STALE_AFTER_MINUTES``)."""
    minutes = getattr(settings, "TASKS_STALE_AFTER_MINUTES", DEFAULT_STALE_AFTER_MINUTES)
    return timedelta(minutes=max(float(minutes), 0))


@dataclass
class Recovery:
    """What one recovery did: the ids of the tasks requeued and of those marked lost."""

    requeued: list[str] = field(default_factory=list)
    lost: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return f"abandoned tasks: {len(self.requeued)} requeued, {len(self.lost)} marked lost"


def recover_abandoned_tasks(older_than: timedelta | None = None) -> Recovery:
    """Requeue or mark lost every task RUNNING since before ``older_than`` ago (module
    docstring)."""
    cutoff = timezone.now() - (stale_after() if older_than is None else older_than)
    recovery = Recovery()
    abandoned = DBTaskResult.objects.running().filter(started_at__lte=cutoff)
    for row in abandoned.values("id", "task_path", "started_at", "worker_ids"):
        same_run = DBTaskResult.objects.filter(
            id=row["id"], status=TaskResultStatus.RUNNING, started_at=row["started_at"]
        )
        task_id = str(row["id"])
        if row["task_path"] in RERUNNABLE_TASKS:
            if same_run.update(status=TaskResultStatus.READY, started_at=None):
                recovery.requeued.append(task_id)
                logger.warning(
                    "Task %s (%s) was abandoned by worker %s; queued again",
                    task_id,
                    row["task_path"],
                    (row["worker_ids"] or ["?"])[-1],
                )
            continue
        updated = same_run.update(
            status=TaskResultStatus.FAILED,
            finished_at=timezone.now(),
            exception_class_path=WORKER_LOST,
            traceback=(
                f"{WORKER_LOST}: the worker running this task stopped before it ended; "
                "the task is not safe to run twice, so it was not queued again."
            ),
            return_value=None,
        )
        if updated:
            recovery.lost.append(task_id)
            logger.error(
                "Task %s (%s) was abandoned by worker %s; marked failed",
                task_id,
                row["task_path"],
                (row["worker_ids"] or ["?"])[-1],
            )
    return recovery
