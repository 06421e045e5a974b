"""Running work at the same moment on several real database connections, in threads and in a
real server, on SQLite and on PostgreSQL.

The suite's SQLite test database lives in memory, where connections share one cache and lock
whole tables without waiting: nothing like a deployment. ``shared_database`` gives a test the
database a deployment has: on SQLite, a copy of the test database (with everything the test's
fixtures made) in a file, in WAL mode, which threads (``shared.use()``) and a server
(``shared.url``) open as separate connections; on PostgreSQL, the test database itself, whose
rows a transactional test commits.
"""

from __future__ import annotations

import copy
import os
import re
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import quote

import requests
from django.db import connection, connections

from casereview.core.sqlite.base import DatabaseWrapper as SQLiteWrapper

ROOT = Path(__file__).resolve().parents[3]
# Every wait in these tests ends: a thread, a server or a request that hangs fails the test.
TIMEOUT = 120.0
# The header the test server trusts for the client's address (``CLIENT_ADDRESS_HEADER``), so
# that each simulated person has their own address, as they would from their own homes.
CLIENT_HEADER = "X-Test-Client"

T = TypeVar("T")


@dataclass
class SharedDatabase:
    """The test's database as separate connections see it (see the module's docstring)."""

    url: str
    sqlite_path: Path | None = None

    @contextmanager
    def use(self, **options: Any) -> Iterator[None]:
        """In this thread, the ORM works on the shared database through a connection of its
        own (SQLite ``OPTIONS`` overridden by ``options``), closed at the end."""
        if self.sqlite_path is None:
            try:
                yield
            finally:
                if threading.current_thread() is not threading.main_thread():
                    connections.close_all()
            return
        settings = copy.deepcopy(connections["default"].settings_dict)
        settings["NAME"] = str(self.sqlite_path)
        settings["OPTIONS"] = {**settings["OPTIONS"], **options}
        own = SQLiteWrapper(settings, alias="default")
        before = connections["default"]
        connections["default"] = own
        try:
            yield
        finally:
            own.close()
            connections["default"] = before


@contextmanager
def shared_database(tmp_path: Path) -> Iterator[SharedDatabase]:
    """The test database, shared with other connections (the test must be transactional)."""
    settings = connection.settings_dict
    if connection.vendor == "postgresql":
        url = "postgres://{user}:{password}@{host}:{port}/{name}".format(
            user=quote(settings["USER"]),
            password=quote(settings["PASSWORD"]),
            host=settings["HOST"] or "127.0.0.1",
            port=settings["PORT"] or 5432,
            name=settings["NAME"],
        )
        yield SharedDatabase(url=url)
        return
    path = tmp_path / "shared.sqlite3"
    connection.ensure_connection()
    target = sqlite3.connect(path)
    try:
        connection.connection.backup(target)
        target.execute("PRAGMA journal_mode=WAL")
    finally:
        target.close()
    yield SharedDatabase(url=f"sqlite:///{path}", sqlite_path=path)


def together(work: Sequence[Callable[[], T]], shared: SharedDatabase) -> list[T | BaseException]:
    """Run each of ``work`` in a thread of its own, on its own connection, all released at the
    same moment by a barrier; each one's result, or the exception it raised."""
    barrier = threading.Barrier(len(work), timeout=TIMEOUT)
    results: list[T | BaseException] = [RuntimeError("did not finish")] * len(work)

    def run(n: int) -> None:
        with shared.use():
            try:
                barrier.wait()
                results[n] = work[n]()
            except BaseException as error:  # reported to the test, which asserts on it
                results[n] = error

    threads = [threading.Thread(target=run, args=(n,), daemon=True) for n in range(len(work))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(TIMEOUT)
    assert not any(thread.is_alive() for thread in threads), "a thread did not finish in time"
    return results


@dataclass
class Server:
    url: str
    log: Path

    def log_text(self) -> str:
        return self.log.read_text(errors="replace")


@contextmanager
def gunicorn(
    shared: SharedDatabase, tmp_path: Path, *, workers: int = 4, threads: int = 4
) -> Iterator[Server]:
    """The application served by gunicorn on a loopback port, with several worker processes
    over the shared database, stopped (and killed if it must be) when the block ends."""
    log = tmp_path / "gunicorn.log"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "DATABASE_URL": shared.url,
        "CLIENT_ADDRESS_HEADER": CLIENT_HEADER,
        "LOG_FORMAT": "text",
        "PYTHONPATH": str(ROOT),
    }
    command: Sequence[str] = [
        sys.executable, "-m", "gunicorn", "casereview.wsgi",
        "--bind", "127.0.0.1:0",
        "--workers", str(workers), "--threads", str(threads),
        # Loaded once, before the workers are forked: they are all ready when it listens.
        "--preload", "--timeout", "90", "--graceful-timeout", "5",
    ]  # fmt: skip
    with log.open("wb") as output:
        process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        port = None
        while port is None:
            found = re.search(r"Listening at: http://127\.0\.0\.1:(\d+)", log.read_text())
            if found:
                port = int(found.group(1))
            elif process.poll() is not None or time.monotonic() > deadline:
                raise AssertionError("gunicorn did not start:\n" + log.read_text())
            else:
                time.sleep(0.05)
        yield Server(url=f"http://127.0.0.1:{port}", log=log)
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            # Our own process group (the master and its workers), started above.
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=20)


_CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class Browser:
    """One person's browser: its own cookies, its own address, forms posted with their CSRF
    token, redirects not followed (tests look at where each answer leads)."""

    def __init__(self, server: Server, address: str) -> None:
        self.server = server
        self.session = requests.Session()
        self.session.headers[CLIENT_HEADER] = address
        # A connection per request: the server stops at once at the end, with none kept open.
        self.session.headers["Connection"] = "close"
        self.token = ""

    def get(self, path: str) -> requests.Response:
        response = self.session.get(self.server.url + path, allow_redirects=False, timeout=60)
        found = _CSRF.search(response.text)
        if found:
            self.token = found.group(1)
        return response

    def post(self, path: str, data: dict[str, str]) -> requests.Response:
        if not self.token:
            self.get(path)
        return self.session.post(
            self.server.url + path,
            {**data, "csrfmiddlewaretoken": self.token},
            allow_redirects=False,
            timeout=60,
        )

    def copy(self, address: str) -> Browser:
        """Another tab of the same browser (the same cookies), e.g. for a double click."""
        other = Browser(self.server, address)
        other.session.cookies.update(self.session.cookies)
        other.token = self.token
        return other
