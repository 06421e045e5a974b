"""With LOG_FORMAT=json every log line is one JSON object carrying the id of the request it came
from, which the response returns in X-Request-ID, so a user's report of a failed page leads to
its log lines. Each request also writes one access line, with nobody's data in it."""

from __future__ import annotations

import io
import json
import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.test import Client

from casereview.core.logs import JsonFormatter, RequestContextFilter

ROOT = Path(__file__).resolve().parents[2]

ASK_FOR_HEALTH = """
import django
django.setup()
from django.test import Client
response = Client().get("/health/?name=Sam+Victim")
print(response["X-Request-ID"])
"""


def test_each_log_line_is_a_json_object_with_the_request_id_the_response_gives():
    # The application as deployed (LOG_FORMAT=json, the settings' own handler on standard
    # error), asked for its health with its database missing, so that it logs a warning too.
    completed = subprocess.run(
        [sys.executable, "-c", ASK_FOR_HEALTH],
        cwd=ROOT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.settings",
            "LOG_FORMAT": "json",
            "DATABASE_URL": "sqlite:////nonexistent-folder/casereview.sqlite3",
        },
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    request_id = completed.stdout.strip().splitlines()[-1]
    lines = [json.loads(line) for line in completed.stderr.splitlines() if line.strip()]

    assert lines, "nothing was logged"
    for line in lines:
        assert {"time", "level", "logger", "message", "request_id"} <= set(line)
        assert line["request_id"] == request_id
    warning = next(line for line in lines if line["logger"] == "casereview.core.health")
    assert warning["level"] == "WARNING"
    access = next(line for line in lines if line["logger"] == "casereview.access")
    assert access["message"] == "GET /health/ 503"
    assert (access["method"], access["route"], access["status"]) == ("GET", "/health/", 503)
    assert access["duration_ms"] >= 0
    assert access["user_id"] is None
    assert access["time"].endswith("+00:00")
    # The query string could hold anything a person typed; it is never logged.
    assert "Sam" not in completed.stderr


@pytest.fixture
def access_lines() -> Iterator[io.StringIO]:
    """The access logger's lines, through a handler set up as the settings set up theirs."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RequestContextFilter())
    handler.setFormatter(JsonFormatter())
    logger = logging.getLogger("casereview.access")
    logger.addHandler(handler)
    try:
        yield stream
    finally:
        logger.removeHandler(handler)


def logged(stream: io.StringIO) -> list[dict]:
    return [json.loads(line) for line in stream.getvalue().splitlines()]


@pytest.mark.django_db
def test_a_plausible_request_id_from_the_proxy_is_kept(access_lines):
    response = Client().get("/health/", HTTP_X_REQUEST_ID="f47ac10b-58cc-4372-a567-0e02b2c3d479")

    assert response["X-Request-ID"] == "f47ac10b-58cc-4372-a567-0e02b2c3d479"
    (line,) = logged(access_lines)
    assert line["request_id"] == "f47ac10b-58cc-4372-a567-0e02b2c3d479"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "given",
    [
        "short",
        "x" * 65,
        'abc123456"} {"level": "forged',
        "has spaces in it",
        "line\\nbreak-forged-entry",
    ],
)
def test_an_implausible_request_id_is_replaced_by_a_new_one(access_lines, given):
    response = Client().get("/health/", HTTP_X_REQUEST_ID=given)

    assert response["X-Request-ID"] != given
    assert len(response["X-Request-ID"]) == 32
    (line,) = logged(access_lines)
    assert line["request_id"] == response["X-Request-ID"]


@pytest.mark.django_db
def test_each_request_gets_its_own_id(access_lines):
    first = Client().get("/health/")["X-Request-ID"]
    second = Client().get("/health/")["X-Request-ID"]

    assert first != second
    assert [line["request_id"] for line in logged(access_lines)] == [first, second]


def test_the_access_line_names_the_signed_in_user_by_id_and_the_route_not_the_path(
    staff_client, coordinator, access_lines
):
    response = staff_client(coordinator).get("/staff/cases/EHE-2026-9999/")

    assert response.status_code == 404
    (line,) = [entry for entry in logged(access_lines) if entry["status"] == 404]
    assert line["user_id"] == coordinator.pk
    assert line["route"] == "/staff/cases/<str:reference>/"
    assert "coordinator@eastherts.test" not in access_lines.getvalue()
