"""``manage.py recover_tasks``: a task left "running" by a stopped worker is queued again when
running it twice is safe, marked lost when it is not, and left alone while it may still be
running; a bad option is a clear error."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from casereview.core.tasks_recovery import WORKER_LOST
from casereview.letters.tasks import send_letter
from casereview.reviews.tasks import send_minutes

pytestmark = pytest.mark.django_db


def running_since(task_result_id: str, minutes: int) -> None:
    """As a worker does on claiming a task, ``minutes`` ago."""
    DBTaskResult.objects.filter(id=task_result_id).update(
        status=TaskResultStatus.RUNNING,
        started_at=timezone.now() - timedelta(minutes=minutes),
        worker_ids=["killed-worker"],
    )


def recover(*args: str) -> str:
    out = StringIO()
    call_command("recover_tasks", *args, stdout=out)
    return out.getvalue().strip()


def test_an_abandoned_letter_is_queued_again() -> None:
    task_id = send_letter.enqueue(1).id
    running_since(task_id, minutes=20)

    assert recover() == "Recovery: abandoned tasks: 1 requeued, 0 marked lost."
    row = DBTaskResult.objects.get(id=task_id)
    assert row.status == TaskResultStatus.READY
    assert row.started_at is None
    assert DBTaskResult.objects.ready().filter(id=task_id).exists()


def test_an_abandoned_task_unsafe_to_run_twice_is_marked_lost_not_run_again() -> None:
    task_id = send_minutes.enqueue(1).id
    running_since(task_id, minutes=20)

    assert recover() == "Recovery: abandoned tasks: 0 requeued, 1 marked lost."
    row = DBTaskResult.objects.get(id=task_id)
    assert row.status == TaskResultStatus.FAILED
    assert row.exception_class_path == WORKER_LOST
    assert "not safe to run twice" in row.traceback


def test_a_task_running_for_less_than_the_stale_time_is_left_alone() -> None:
    task_id = send_letter.enqueue(1).id
    running_since(task_id, minutes=5)

    assert recover() == "Recovery: abandoned tasks: 0 requeued, 0 marked lost."
    assert recover("--stale-after", "10") == "Recovery: abandoned tasks: 0 requeued, 0 marked lost."
    assert DBTaskResult.objects.get(id=task_id).status == TaskResultStatus.RUNNING
    assert recover("--stale-after", "4") == "Recovery: abandoned tasks: 1 requeued, 0 marked lost."


def test_recovering_twice_requeues_once() -> None:
    task_id = send_letter.enqueue(1).id
    running_since(task_id, minutes=20)

    first, second = recover(), recover()

    assert first == "Recovery: abandoned tasks: 1 requeued, 0 marked lost."
    assert second == "Recovery: abandoned tasks: 0 requeued, 0 marked lost."


@pytest.mark.parametrize("value", ["soon", "-1", "nan", ""])
def test_a_stale_time_that_is_not_a_number_of_minutes_is_a_clear_error(value: str) -> None:
    with pytest.raises(CommandError, match=r"^--stale-after: .* is not a number of minutes"):
        recover("--stale-after", value)
