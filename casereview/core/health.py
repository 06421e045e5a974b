"""``GET /health/``: is this app server able to serve, and is the background work keeping up?

    {"status": "ok" | "degraded" | "failing",
     "checks": {
       "database": {"ok": true, "ms": 0.4},
       "task_queue": {"ok": true, "backlog": 0, "oldest_ready_age_s": null},
       "sweep": {"ok": true, "last_run_at": "...", "last_notice_queued_at": "...",
                 "overdue_notices_unsent": 0, "oldest_overdue_unsent_age_s": null}}}

- **failing** (HTTP 503): the database does not answer. Nothing works, so a load balancer should
  take this server out of rotation. The other checks need the database and are not run
  (``ok: null``).
- **degraded** (HTTP 200): the pages work, but a task worker or the deadline sweep is not keeping
  up: more than ``HEALTH_TASK_BACKLOG_MAX`` tasks waiting, one waiting longer than
  ``HEALTH_TASK_MAX_AGE_SECONDS``, or an overdue alert still unsent (or the sweep not run)
  ``HEALTH_SWEEP_MAX_AGE_MINUTES`` after it fell due. Taking app servers out of rotation would not
  help, so the status code stays 200; monitoring alerts on the ``status`` field.
- **ok** (HTTP 200): everything answers and keeps up.

No sign-in (a load balancer calls it), no personal data (counts and ages only), a handful of
aggregate queries. Thresholds are settings (see ``thresholds``).
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import connections
from django.http import HttpRequest, JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from casereview.core import health_selectors

logger = logging.getLogger(__name__)

OK, DEGRADED, FAILING = "ok", "degraded", "failing"
# Set by the sweep command after each run (``record_sweep_run``); read here.
SWEEP_LAST_RUN_KEY = "casereview:sweep:last-run-at"


@dataclass(frozen=True)
class Thresholds:
    task_backlog_max: int
    task_max_age_s: int
    sweep_max_age_s: int


def thresholds() -> Thresholds:
    return Thresholds(
        # Letters and notices are queued a few at a time; hundreds waiting means no worker runs.
        task_backlog_max=int(getattr(settings, "HEALTH_TASK_BACKLOG_MAX", 500)),
        # A worker picks a task up within seconds; a quarter of an hour means it is not running.
        task_max_age_s=int(getattr(settings, "HEALTH_TASK_MAX_AGE_SECONDS", 15 * 60)),
        # The sweep runs once a day: an alert may wait up to a day (and an hour's slack) for it.
        sweep_max_age_s=60 * int(getattr(settings, "HEALTH_SWEEP_MAX_AGE_MINUTES", 25 * 60)),
    )


def record_sweep_run(at: dt.datetime | None = None) -> None:
    """Called by ``manage.py sweep`` after each run: the health check reports it, and a sweep
    that has stopped running shows as degraded. Kept in the shared (database) cache."""
    cache.set(SWEEP_LAST_RUN_KEY, (at or timezone.now()).isoformat(), timeout=None)


def _age_s(since: dt.datetime | None, now: dt.datetime) -> int | None:
    return None if since is None else max(int((now - since).total_seconds()), 0)


def check_database(alias: str = "default") -> dict[str, Any]:
    started = time.perf_counter()
    try:
        health_selectors.ping(alias)
    except Exception as exc:
        # Whatever the driver raises (refused, timed out, no such file): the database is out of
        # reach. Only the kind of error is reported: its message may name hosts or users.
        logger.warning("Health check: the database did not answer (%s).", type(exc).__name__)
        connections[alias].close_if_unusable_or_obsolete()
        return {"ok": False, "error": type(exc).__name__}
    return {"ok": True, "ms": round((time.perf_counter() - started) * 1000, 1)}


def check_task_queue(now: dt.datetime, limits: Thresholds) -> dict[str, Any]:
    state = health_selectors.task_queue_state()
    age = _age_s(state.oldest_ready_since, now)
    ok = state.backlog <= limits.task_backlog_max and (age is None or age <= limits.task_max_age_s)
    return {"ok": ok, "backlog": state.backlog, "oldest_ready_age_s": age}


def check_sweep(now: dt.datetime, limits: Thresholds) -> dict[str, Any]:
    state = health_selectors.sweep_state(timezone.localdate(now))
    oldest = (
        None
        if state.oldest_due_on is None
        else _age_s(health_selectors.start_of_day_after(state.oldest_due_on), now)
    )
    recorded = cache.get(SWEEP_LAST_RUN_KEY)
    last_run = dt.datetime.fromisoformat(recorded) if isinstance(recorded, str) else None
    last_run_age = _age_s(last_run, now)
    ok = (oldest is None or oldest <= limits.sweep_max_age_s) and (
        last_run_age is None or last_run_age <= limits.sweep_max_age_s
    )
    return {
        "ok": ok,
        "last_run_at": last_run.isoformat() if last_run else None,
        "last_notice_queued_at": (
            state.last_notice_queued_at.isoformat() if state.last_notice_queued_at else None
        ),
        "overdue_notices_unsent": state.overdue_unsent,
        "oldest_overdue_unsent_age_s": oldest,
    }


def _guarded(name: str, check: Any, *args: Any) -> dict[str, Any]:
    """A check that cannot run (a missing table after a bad deploy) reports itself as not ok
    instead of turning the health check into a 500."""
    try:
        result: dict[str, Any] = check(*args)
    except Exception as exc:
        logger.warning("Health check %s could not run (%s).", name, type(exc).__name__)
        return {"ok": False, "error": type(exc).__name__}
    return result


def report(alias: str = "default") -> dict[str, Any]:
    """The health report (module docstring); ``status`` says which of the three it is."""
    now = timezone.now()
    limits = thresholds()
    database = check_database(alias)
    if not database["ok"]:
        unknown = {"ok": None, "error": "not checked: the database did not answer"}
        return {
            "status": FAILING,
            "checks": {"database": database, "task_queue": unknown, "sweep": unknown},
        }
    checks = {
        "database": database,
        "task_queue": _guarded("task_queue", check_task_queue, now, limits),
        "sweep": _guarded("sweep", check_sweep, now, limits),
    }
    status = OK if all(check["ok"] for check in checks.values()) else DEGRADED
    return {"status": status, "checks": checks}


@never_cache
@require_safe
def health(request: HttpRequest) -> JsonResponse:
    body = report()
    return JsonResponse(body, status=503 if body["status"] == FAILING else 200)
