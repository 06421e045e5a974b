"""Running background tasks in tests with the real worker.

The suite uses the same database task backend as a deployment: a step's side effects are
enqueued as rows and nothing runs until a worker picks them up. ``run_tasks()`` runs Django
Tasks' own ``db_worker`` until the queue is empty, as ``make run`` does in the background.
"""

from __future__ import annotations

from unittest import mock

from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

# The worker closes "old" database connections between tasks, as a long-running process should.
# Inside a test the one connection holds the test's transaction (which PostgreSQL would then lose),
# so that housekeeping, and only that, is switched off while the worker runs here.
_CLOSE_OLD_CONNECTIONS = "django_tasks_db.management.commands.db_worker.close_old_connections"


def run_tasks() -> int:
    """Run every task waiting in the queue (and any they enqueue); return how many ran."""
    ran = 0
    with mock.patch(_CLOSE_OLD_CONNECTIONS):
        while DBTaskResult.objects.ready().exists():
            before = DBTaskResult.objects.finished().count()
            call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)
            ran += DBTaskResult.objects.finished().count() - before
    return ran


def waiting_tasks() -> list[str]:
    """The dotted paths of the tasks still waiting to run, oldest first."""
    return list(
        DBTaskResult.objects.ready().order_by("enqueued_at").values_list("task_path", flat=True)
    )
