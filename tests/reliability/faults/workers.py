"""Real processes for the fault tests: a throwaway database the subprocesses share, Django
commands run against it, and task workers that are always stopped, even when a test fails."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parents[3]
# Every command a test runs is bounded: none of them should take more than a few seconds.
COMMAND_TIMEOUT = 90


def on_postgres() -> bool:
    return os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://"))


@contextmanager
def scratch_database(tmp_path: Path) -> Iterator[str]:
    """The address of an empty database for subprocesses: a SQLite file under ``tmp_path``, or,
    when the suite runs on PostgreSQL, a new database on the same server, dropped afterwards."""
    if not on_postgres():
        yield f"sqlite:///{tmp_path / 'faults.sqlite3'}"
        return
    server = os.environ["DATABASE_URL"]
    name = f"casereview_faults_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield server.rsplit("/", 1)[0] + f"/{name}"
    finally:
        with psycopg.connect(server, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def environment(database_url: str, **extra: str) -> dict[str, str]:
    """The environment of a subprocess: the test settings against ``database_url``."""
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="tests.settings",
        DATABASE_URL=database_url,
        LOG_FORMAT="text",
        LOG_LEVEL="WARNING",
        PYTHONUNBUFFERED="1",
    )
    env.update(extra)
    return env


def run(env: dict[str, str], *args: str) -> str:
    """Run ``python *args`` in the project; its standard output. Fails loudly with its errors."""
    done = subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=COMMAND_TIMEOUT,
        check=False,
    )
    assert done.returncode == 0, f"{' '.join(args)} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def manage(env: dict[str, str], *args: str) -> str:
    return run(env, "manage.py", *args)


@contextmanager
def workers(
    env: dict[str, str], log_dir: Path, count: int, *, batch: bool
) -> Iterator[list[subprocess.Popen[bytes]]]:
    """``count`` real ``db_worker`` processes; killed (by their own ids) on the way out."""
    started: list[subprocess.Popen[bytes]] = []
    try:
        for _ in range(count):
            log = (log_dir / f"worker-{uuid.uuid4().hex[:8]}.log").open("wb")
            command = [sys.executable, "manage.py", "db_worker", "--no-reload"]
            command += ["--no-startup-delay", "--interval", "0.05", "--verbosity", "0"]
            if batch:
                command.append("--batch")
            started.append(
                subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
            )
            log.close()
        yield started
    finally:
        for process in started:
            if process.poll() is None:
                process.kill()
            process.wait(timeout=10)
