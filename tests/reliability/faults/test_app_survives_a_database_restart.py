"""On PostgreSQL, the running app survives a restart of its database server: the first request
after the restart is answered normally, and a request while the server is down gets the
service's own error page at once rather than hanging.

The app is served by a real gunicorn process with persistent database connections
(``DB_CONN_MAX_AGE=60``), so the connection it holds when the server restarts is dead and must
be noticed and replaced before it is used (``conn_health_checks``, on in settings). The server is
one of the test's own (``postgres_server``): restarting the suite's server would cut every other
test process's connection. Run with the suite on PostgreSQL (``DATABASE_URL=postgres://...``),
as CI does.
"""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg
import pytest

from tests.reliability.faults.postgres_server import PostgresServer, free_port, private_postgres
from tests.reliability.faults.workers import ROOT, environment, manage, on_postgres

pytestmark = pytest.mark.skipif(
    not on_postgres(), reason="PostgreSQL only: run the suite with DATABASE_URL=postgres://..."
)

# Any answer, even an error page, comes well within this; a hang does not.
REQUEST_TIMEOUT = 20
AREA = "Restartshire"
# The area's page: read from the database on every request.
PAGE = "/areas/restartshire/"
ERROR_PAGE = "Sorry, there is a problem with the service"


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=REQUEST_TIMEOUT) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


@contextmanager
def app_server(env: dict[str, str], log: Path) -> Iterator[str]:
    """The app under gunicorn (one worker, so every request shares its one connection)."""
    port = free_port()
    command = [sys.executable, "-m", "gunicorn", "casereview.wsgi:application"]
    command += ["--bind", f"127.0.0.1:{port}", "--workers", "1", "--timeout", "30"]
    with log.open("wb") as out:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=out)
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(300):
            assert process.poll() is None, log.read_text()
            try:
                get(f"{base}/health/")
                break
            except OSError:
                time.sleep(0.1)
        yield base
    finally:
        process.kill()
        process.wait(timeout=10)


def app_connections(server: PostgresServer) -> int:
    """The other sessions open on the app's database: the app's persistent connection."""
    with psycopg.connect(server.url, autocommit=True) as watcher:
        row = watcher.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = 'casereview' "
            "AND backend_type = 'client backend' AND pid <> pg_backend_pid()"
        ).fetchone()
    assert row is not None
    return int(row[0])


def test_the_app_answers_normally_after_its_database_server_restarts(tmp_path: Path) -> None:
    with private_postgres() as server:
        env = environment(server.url, DB_CONN_MAX_AGE="60")
        manage(env, "migrate", "--verbosity", "0")
        make_area = (
            f"from tests.factories import make_area; make_area({AREA!r}, slug='restartshire')"
        )
        manage(env, "shell", "--command", make_area)
        with app_server(env, tmp_path / "gunicorn.log") as base:
            before = get(f"{base}{PAGE}")
            held = app_connections(server)

            server.restart()
            after = get(f"{base}{PAGE}")
            again = get(f"{base}{PAGE}")

    assert before[0] == 200
    assert AREA in before[1]
    # The app kept its connection between requests: the restart cut one it meant to reuse.
    assert held == 1
    assert after[0] == 200
    assert AREA in after[1]
    assert again[0] == 200


def test_while_the_database_server_is_down_requests_get_the_error_page_not_a_hang(
    tmp_path: Path,
) -> None:
    with private_postgres() as server:
        env = environment(server.url, DB_CONN_MAX_AGE="60")
        manage(env, "migrate", "--verbosity", "0")
        with app_server(env, tmp_path / "gunicorn.log") as base:
            before = get(f"{base}/areas/")

            server.stop()
            try:
                during = get(f"{base}/areas/")
            finally:
                server.start()
            after = get(f"{base}/areas/")

    assert before[0] == 200
    assert during[0] in (500, 503)
    assert ERROR_PAGE in during[1]
    assert after[0] == 200
