"""The load test (scripts/loadtest.py), run short: ten people at once for ten seconds against a
real gunicorn over a fresh database, public applications and staff work mixed, end with zero
errors and every application whose reference a visitor was shown stored in the database.

The full run (50 people, 60 seconds) is `make loadtest`; its figures are in docs/operations.md.
Bounded: the script stops every process it started however it ends, and this test gives it a
hard time limit on top.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# Setting up a fresh service (migrations, the national directory, the demo area) takes most of it.
TIME_LIMIT_S = 600


@pytest.mark.skipif(
    "postgres" in os.environ.get("DATABASE_URL", ""),
    reason="the load test builds its own SQLite service; its PostgreSQL run is by hand",
)
def test_ten_people_for_ten_seconds_get_no_errors_and_every_application_is_stored(tmp_path):
    result_file = tmp_path / "result.json"

    completed = subprocess.run(
        [
            sys.executable,
            "scripts/loadtest.py",
            "--users=10",
            "--duration=10",
            "--staff-share=0.3",
            "--workers=2",
            f"--result={result_file}",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=TIME_LIMIT_S,
        check=False,
    )

    assert completed.returncode == 0, completed.stdout[-4000:] + completed.stderr[-4000:]
    result = json.loads(result_file.read_text())
    assert result["errors"] == 0, result["error_examples"]
    assert result["applications_submitted"] > 0
    assert result["applications_stored"] == result["applications_submitted"]
    assert result["applications_missing"] == []
    assert "staff: dashboard" in result["by_kind"]
