"""With its database out of reach, the service says so: ``/health/`` answers 503 ``failing``
(and does not crash), so a load balancer takes the server out of rotation.

Each case starts the real application in a separate process, configured with a database that
is not there: an SQLite file in a folder that does not exist, and a PostgreSQL server address
where nothing listens. No connection is faked.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

ASK_FOR_HEALTH = """
import json, django
django.setup()
from django.test import Client
response = Client().get("/health/")
print(json.dumps({"status_code": response.status_code, "body": response.json()}))
"""


def a_closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def health_with(database_url: str) -> dict:
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "DATABASE_URL": database_url,
        "PGCONNECT_TIMEOUT": "5",
    }
    completed = subprocess.run(
        [sys.executable, "-c", ASK_FOR_HEALTH],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    result: dict = json.loads(completed.stdout.strip().splitlines()[-1])
    return result


@pytest.mark.parametrize(
    "database_url",
    [
        pytest.param("sqlite:////nonexistent-folder/casereview.sqlite3", id="sqlite-missing"),
        pytest.param(
            f"postgres://casereview:casereview@127.0.0.1:{a_closed_port()}/casereview",
            id="postgresql-refused",
        ),
    ],
)
def test_an_unreachable_database_makes_the_health_check_fail_with_503(database_url):
    result = health_with(database_url)

    assert result["status_code"] == 503
    body = result["body"]
    assert body["status"] == "failing"
    assert body["checks"]["database"] == {"ok": False, "error": "OperationalError"}
    assert body["checks"]["task_queue"]["ok"] is None
    assert body["checks"]["sweep"]["ok"] is None
