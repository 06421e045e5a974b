"""``/health/`` says whether the server can serve and whether the background work keeps up.

Healthy: 200 and ``ok``. A task queue nobody works through, or an overdue alert the sweep never
sent: still 200 (the pages work) but ``degraded``, with the check that failed saying why. No
database: 503 and ``failing`` (see test_health_check_without_a_database.py).
"""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from casereview.cases.tasks import send_deadline_notice
from casereview.core.health import record_sweep_run
from tests.cases.helpers import at, receive
from tests.tasks import run_tasks

pytestmark = pytest.mark.django_db


def health() -> tuple[int, dict]:
    response = Client().get("/health/")
    assert response["Content-Type"] == "application/json"
    return response.status_code, response.json()


def test_a_healthy_service_answers_ok_without_signing_in(in_march):
    status, body = health()

    assert status == 200
    assert body["status"] == "ok"
    assert body["checks"]["database"]["ok"] is True
    assert body["checks"]["database"]["ms"] >= 0
    assert body["checks"]["task_queue"] == {"ok": True, "backlog": 0, "oldest_ready_age_s": None}
    assert body["checks"]["sweep"]["overdue_notices_unsent"] == 0


def test_the_answer_is_never_cached(in_march):
    response = Client().get("/health/")

    assert "no-store" in response["Cache-Control"]


def test_tasks_left_waiting_for_an_hour_make_the_service_degraded(in_march):
    with time_machine.travel(timezone.now() - dt.timedelta(hours=1), tick=False):
        send_deadline_notice.enqueue(1)
    send_deadline_notice.enqueue(2)

    status, body = health()

    assert status == 200
    assert body["status"] == "degraded"
    assert body["checks"]["task_queue"] == {"ok": False, "backlog": 2, "oldest_ready_age_s": 3600}


def test_a_backlog_over_the_limit_makes_the_service_degraded(in_march, settings):
    settings.HEALTH_TASK_BACKLOG_MAX = 2
    for notice_id in (1, 2, 3):
        send_deadline_notice.enqueue(notice_id)

    status, body = health()

    assert (status, body["status"]) == (200, "degraded")
    assert body["checks"]["task_queue"]["backlog"] == 3
    assert body["checks"]["task_queue"]["oldest_ready_age_s"] == 0


def test_an_overdue_alert_never_sent_makes_the_service_degraded_until_it_goes(
    area, coordinator, smtp_server
):
    with time_machine.travel(at(2026, 3, 16), tick=False):
        # Acknowledgement due in three working days: Thursday 19 March.
        receive(area, coordinator)
    with time_machine.travel(at(2026, 3, 21, hour=12), tick=False):
        # Overdue since midnight on Friday 20th: 36 hours, more than the 25 allowed.
        status, body = health()
        assert (status, body["status"]) == (200, "degraded")
        assert body["checks"]["sweep"]["ok"] is False
        assert body["checks"]["sweep"]["overdue_notices_unsent"] >= 1
        assert body["checks"]["sweep"]["oldest_overdue_unsent_age_s"] == 36 * 3600

        call_command("sweep")
        run_tasks()

        status, body = health()
        assert body["checks"]["sweep"]["overdue_notices_unsent"] == 0
        assert body["checks"]["sweep"]["last_notice_queued_at"] is not None
        assert (status, body["status"]) == (200, "ok")


def test_an_overdue_alert_within_the_sweeps_day_is_not_a_problem_yet(area, coordinator):
    with time_machine.travel(at(2026, 3, 16), tick=False):
        receive(area, coordinator)
    with time_machine.travel(at(2026, 3, 20, hour=6), tick=False):
        status, body = health()

    assert body["checks"]["sweep"]["overdue_notices_unsent"] >= 1
    assert body["checks"]["sweep"]["oldest_overdue_unsent_age_s"] == 6 * 3600
    assert (status, body["status"]) == (200, "ok")


def test_a_sweep_that_stopped_running_makes_the_service_degraded(in_march):
    record_sweep_run(timezone.now() - dt.timedelta(days=2))

    status, body = health()

    assert (status, body["status"]) == (200, "degraded")
    assert body["checks"]["sweep"]["ok"] is False
    assert body["checks"]["sweep"]["last_run_at"] == (
        (timezone.now() - dt.timedelta(days=2)).isoformat()
    )


def test_a_sweep_run_recently_is_reported(in_march):
    record_sweep_run()

    status, body = health()

    assert body["checks"]["sweep"]["last_run_at"] == timezone.now().isoformat()
    assert (status, body["status"]) == (200, "ok")
