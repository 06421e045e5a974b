"""SQLite answering "database is locked" under write load is retried, not shown to a user.

Another connection holds the write lock (``BEGIN IMMEDIATE``) on a file database while a request
runs with a busy timeout far shorter than the lock is held. The request's transaction cannot
start; the backend waits and tries again, and once the other writer lets go the request goes
through. Only statements that have not done anything are retried, a bounded number of times.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.db import OperationalError, connection, transaction
from django.test import Client

from casereview.areas.models import Area
from casereview.public.models import ApplicationDraft, PublicRateHit
from tests.public.apply.helpers import start_url
from tests.reliability.concurrency.helpers import TIMEOUT, SharedDatabase, shared_database

pytestmark = [
    pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's own locking"),
    pytest.mark.django_db(transaction=True),
]

# Far shorter than any wait below: without retries, every statement that meets the lock fails.
SHORT_BUSY_TIMEOUT = 0.01


@contextmanager
def write_lock_held(path: Path) -> Iterator[sqlite3.Connection]:
    """Another writer on the database file, holding its write lock until the block ends (or
    until the test rolls it back earlier)."""
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    try:
        yield other
    finally:
        if other.in_transaction:
            other.execute("ROLLBACK")
        other.close()


class Retries(logging.Handler):
    """Counts the backend's retry warnings, and says when the first one has been logged."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0
        self.first = threading.Event()

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1
        self.first.set()


@pytest.fixture
def retries() -> Iterator[Retries]:
    handler = Retries()
    logger = logging.getLogger("casereview.db")
    logger.addHandler(handler)
    try:
        yield handler
    finally:
        logger.removeHandler(handler)


@pytest.fixture
def shared(area: Area, tmp_path: Path) -> Iterator[SharedDatabase]:
    with shared_database(tmp_path) as database:
        yield database


def test_a_request_waits_for_another_writer_instead_of_failing(
    area: Area, shared: SharedDatabase, retries: Retries
) -> None:
    assert shared.sqlite_path is not None
    answer: dict[str, object] = {}

    def start_an_application() -> None:
        with shared.use(timeout=SHORT_BUSY_TIMEOUT):
            try:
                client = Client(raise_request_exception=False)
                answer["status"] = client.post(start_url(area)).status_code
            except BaseException as error:
                answer["error"] = error

    with write_lock_held(shared.sqlite_path) as other_writer:
        request = threading.Thread(target=start_an_application, daemon=True)
        request.start()
        # The lock is let go only once the request has met it and been told to wait (or has
        # already failed, when nothing retries).
        while not retries.first.wait(0.01) and request.is_alive():
            pass
        other_writer.execute("ROLLBACK")
        request.join(TIMEOUT)
    assert not request.is_alive()

    assert answer == {"status": 302}
    assert retries.count >= 1
    with shared.use():
        assert ApplicationDraft.objects.filter(area=area).count() == 1


def test_a_lone_write_outside_a_transaction_is_retried(
    shared: SharedDatabase, retries: Retries
) -> None:
    assert shared.sqlite_path is not None
    with shared.use(timeout=SHORT_BUSY_TIMEOUT):
        with write_lock_held(shared.sqlite_path) as other_writer:
            releaser = threading.Thread(
                target=lambda: retries.first.wait(TIMEOUT) and other_writer.execute("ROLLBACK"),
                daemon=True,
            )
            releaser.start()
            assert connection.get_autocommit()
            PublicRateHit.objects.create(bucket="submit", client="someone")
            releaser.join(TIMEOUT)
        assert PublicRateHit.objects.count() == 1
    assert retries.count >= 1


def test_a_writer_that_never_lets_go_fails_after_a_bounded_number_of_attempts(
    area: Area, shared: SharedDatabase, retries: Retries
) -> None:
    assert shared.sqlite_path is not None
    with (
        shared.use(timeout=SHORT_BUSY_TIMEOUT, lock_attempts=3),
        write_lock_held(shared.sqlite_path),
        pytest.raises(OperationalError, match="database is locked"),
        transaction.atomic(),
    ):
        ApplicationDraft.objects.create(area=area, language="en")
    assert retries.count == 2


def test_a_statement_inside_a_transaction_is_never_retried(
    area: Area, shared: SharedDatabase, retries: Retries
) -> None:
    """A deferred transaction that has read something and then meets the lock must fail as a
    whole: running its write again could act on what it read before another writer changed
    it."""
    assert shared.sqlite_path is not None
    with shared.use(timeout=SHORT_BUSY_TIMEOUT, transaction_mode="DEFERRED"):
        with write_lock_held(shared.sqlite_path), transaction.atomic():
            assert ApplicationDraft.objects.count() == 0
            # The read above began the transaction: the write now meets the lock.
            with pytest.raises(OperationalError, match="database is locked"):
                ApplicationDraft.objects.create(area=area, language="en")
            transaction.set_rollback(True)
        assert ApplicationDraft.objects.count() == 0
    assert retries.count == 0
