"""Two sweeps running at the same moment claim each notice once between them.

This needs real concurrent transactions, so it runs on PostgreSQL only: SQLite serialises
writers, and the test database's in-memory SQLite cannot be shared between threads. The
constraint and the losing side of the race are tested on every database in
``test_sweep_notice_is_claimed_once.py``.
"""

from __future__ import annotations

import datetime as dt
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
import time_machine
from django.db import connection, connections

from casereview.accounts.models import User
from casereview.areas.models import Area
from casereview.cases.models import DeadlineNotice
from casereview.cases.sweep import SweepResult, sweep
from tests.cases.helpers import at, receive, victim
from tests.tasks import waiting_tasks

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs concurrent transactions: run the suite on PostgreSQL (make test-postgres)",
    ),
]

CASES = 6
SWEEPS = 4


def test_parallel_sweeps_queue_each_notice_exactly_once(area: Area, coordinator: User) -> None:
    with time_machine.travel(at(2026, 12, 21), tick=False):
        for n in range(CASES):
            receive(
                area,
                coordinator,
                victim=victim(
                    f"Victim {n}", postcode=f"SG1{n} 1AA", email=f"v{n}@example.test", phone=""
                ),
            )
    start = threading.Barrier(SWEEPS)

    def one_sweep() -> SweepResult:
        try:
            start.wait()
            return sweep(dt.date(2026, 12, 23))
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=SWEEPS) as pool:
        results = list(pool.map(lambda _: one_sweep(), range(SWEEPS)))

    assert sum(result.reminders for result in results) == CASES
    assert sum(result.already_sent for result in results) == CASES * (SWEEPS - 1)
    assert DeadlineNotice.objects.count() == CASES
    assert len(waiting_tasks()) == CASES
