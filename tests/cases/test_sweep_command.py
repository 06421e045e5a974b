"""``manage.py sweep``: says what it queued, is safe to run twice, and answers a bad date with
a clear error instead of a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from io import StringIO
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.core.management import CommandError, call_command

from casereview.accounts.models import User
from casereview.areas.models import Area
from tests.cases.helpers import receive

ROOT = Path(__file__).resolve().parents[2]


def _sweep(*args: str) -> str:
    out = StringIO()
    call_command("sweep", *args, stdout=out)
    return out.getvalue().strip()


def test_the_command_says_what_it_queued_and_the_second_run_finds_it_already_sent(
    before_christmas: None, area: Area, coordinator: User
) -> None:
    receive(area, coordinator)

    first = _sweep("--date", "2026-12-23")
    second = _sweep("--date", "2026-12-23")
    overdue = _sweep("--date", "2026-12-29")

    assert first == "Sweep for 2026-12-23: 1 reminder, 0 overdue alerts queued; 0 already sent."
    assert second == "Sweep for 2026-12-23: 0 reminders, 0 overdue alerts queued; 1 already sent."
    assert overdue == "Sweep for 2026-12-29: 0 reminders, 1 overdue alert queued; 0 already sent."


def test_without_a_date_the_command_sweeps_today(
    before_christmas: None, area: Area, coordinator: User
) -> None:
    receive(area, coordinator)

    assert _sweep().startswith("Sweep for 2026-12-21: 0 reminders")


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("24/12/2026", "'24/12/2026' is not a date in the form YYYY-MM-DD"),
        ("2026-02-30", "'2026-02-30' is not a real calendar date"),
        ("tomorrow", "'tomorrow' is not a date in the form YYYY-MM-DD"),
    ],
)
def test_a_bad_date_is_refused_with_a_clear_error(db: None, value: str, message: str) -> None:
    with pytest.raises(CommandError) as refused:
        _sweep("--date", value)

    assert message in str(refused.value)
    assert "for example 2026-12-24" in str(refused.value)


def test_a_date_beyond_the_known_bank_holidays_is_refused_with_a_clear_error(db: None) -> None:
    with pytest.raises(CommandError, match="Cannot sweep for 1066-10-14: bank holidays are known"):
        _sweep("--date", "1066-10-14")


@pytest.mark.parametrize("value", ["0", "soon", "nan", "inf"])
def test_a_bad_interval_is_refused(db: None, value: str) -> None:
    with pytest.raises(CommandError, match="is not a number of seconds"):
        _sweep("--every", value)


def test_a_date_and_an_interval_together_are_refused(db: None) -> None:
    with pytest.raises(CommandError, match="cannot be used together"):
        _sweep("--date", "2026-12-24", "--every", "60")


def test_from_the_shell_a_bad_date_prints_the_error_and_no_traceback() -> None:
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.settings"}
    run = subprocess.run(
        [sys.executable, "manage.py", "sweep", "--date", "2026-13-01"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert run.returncode == 1
    assert "CommandError: --date: '2026-13-01' is not a real calendar date" in run.stderr
    assert "Traceback" not in run.stderr


def test_with_an_interval_the_command_sweeps_until_stopped(
    before_christmas: None, area: Area, coordinator: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    from casereview.cases.management.commands import sweep as command

    receive(area, coordinator)
    naps: list[float] = []

    def sleep(seconds: float) -> None:
        naps.append(seconds)
        if len(naps) == 2:
            raise KeyboardInterrupt

    monkeypatch.setattr(command, "time", SimpleNamespace(sleep=sleep))

    lines = _sweep("--every", "300").splitlines()

    assert naps == [300.0, 300.0]
    assert lines == [
        "Sweep for 2026-12-21: 0 reminders, 0 overdue alerts queued; 0 already sent.",
        "Sweep for 2026-12-21: 0 reminders, 0 overdue alerts queued; 0 already sent.",
        "Sweep loop stopped.",
    ]
