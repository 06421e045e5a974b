"""Django's SQLite backend, retrying a statement that finds the database locked by another
writer, where retrying is safe.

Settings make every transaction ``BEGIN IMMEDIATE``: the write lock is taken at the start, and
SQLite's busy timeout makes the ``BEGIN`` wait for another writer to finish. Under heavy write
load it can still fail with "database is locked" (the timeout ran out, or SQLite answered
"busy" without waiting, as it does while another connection recovers or checkpoints the WAL).
A request must not fail for that: the ``BEGIN`` is tried again a few times, after a short,
jittered, growing pause, and only then does the error go up.

Retrying is only safe where nothing has happened yet. A statement is retried only when the
connection had no transaction open before it: a ``BEGIN`` that failed started nothing, and a
lone write in autocommit mode (a rate-limit hit, a session saved outside any ``atomic``) that
failed wrote nothing. A statement inside a transaction is never retried: what the transaction
did before it may depend on what it read, and only the whole transaction can be run again.
``executemany`` is never retried either: in autocommit mode each row is its own transaction,
so the rows before a failure are already stored.

``OPTIONS["lock_attempts"]`` sets how many times a statement is tried in all (default 5);
each retry is logged as a warning on the ``casereview.db`` logger.
"""

from __future__ import annotations

import logging
import random
import sqlite3
import time
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.db.backends.sqlite3 import base

logger = logging.getLogger("casereview.db")

LOCK_ATTEMPTS = 5
# The pause before retry n (1, 2, ...) is drawn from [d/2, d], d = FIRST_PAUSE * 2**(n-1),
# capped at LONGEST_PAUSE: spread out, so that writers that lost together do not collide again.
FIRST_PAUSE = 0.05
LONGEST_PAUSE = 1.0


def is_locked(error: sqlite3.OperationalError) -> bool:
    """Whether ``error`` says another connection holds the lock (SQLITE_BUSY), as opposed to
    any other failure, which a retry would not cure."""
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None:
        return bool(code & 0xFF == sqlite3.SQLITE_BUSY)
    return "database is locked" in str(error)


def pause_before(retry: int) -> float:
    """Seconds to wait before retry number ``retry`` (1 for the first)."""
    longest = min(LONGEST_PAUSE, FIRST_PAUSE * 2 ** (retry - 1))
    return random.uniform(longest / 2, longest)


class LockRetryingCursor(base.SQLiteCursorWrapper):
    """Django's SQLite cursor, retrying ``execute`` on "database is locked" while the
    connection has no transaction open (see the module's docstring)."""

    lock_attempts: int = LOCK_ATTEMPTS

    def execute(self, query: str, params: Any = None) -> Any:
        if self.connection.in_transaction:
            return super().execute(query, params)
        attempt = 1
        while True:
            try:
                return super().execute(query, params)
            except sqlite3.OperationalError as error:
                if not is_locked(error) or attempt >= self.lock_attempts:
                    raise
                wait = pause_before(attempt)
                statement = _statement_kind(query)
                logger.warning(
                    "SQLite database is locked by another writer: retrying %s (attempt %d of "
                    "%d) in %d ms",
                    statement,
                    attempt + 1,
                    self.lock_attempts,
                    round(wait * 1000),
                    extra={
                        "db_statement": statement,
                        "db_attempt": attempt + 1,
                        "db_attempts": self.lock_attempts,
                        "db_wait_ms": round(wait * 1000),
                    },
                )
                time.sleep(wait)
                attempt += 1


def _statement_kind(query: str) -> str:
    """The statement's first word (BEGIN, INSERT...): enough to tell what waited, and never
    any of the data."""
    words = query.split(None, 2)
    if not words:
        return "statement"
    if words[0].upper() == "BEGIN" and len(words) > 1:
        return f"BEGIN {words[1].upper()}"
    return words[0].upper()


class DatabaseWrapper(base.DatabaseWrapper):
    lock_attempts: int = LOCK_ATTEMPTS

    def get_connection_params(self) -> dict[str, Any]:
        params: dict[str, Any] = super().get_connection_params()
        attempts = params.pop("lock_attempts", LOCK_ATTEMPTS)
        if not isinstance(attempts, int) or attempts < 1:
            raise ImproperlyConfigured(
                f"settings.DATABASES[{self.alias!r}]['OPTIONS']['lock_attempts'] must be a "
                f"whole number of at least 1, not {attempts!r}."
            )
        self.lock_attempts = attempts
        return params

    def create_cursor(self, name: str | None = None) -> LockRetryingCursor:
        cursor: LockRetryingCursor = self.connection.cursor(factory=LockRetryingCursor)
        cursor.lock_attempts = self.lock_attempts
        return cursor
