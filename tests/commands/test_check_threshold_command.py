"""manage.py check_threshold FILE: the threshold-check contract on the command line."""

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.api.factories import area_with_policy

MANAGE = Path(__file__).resolve().parents[2] / "manage.py"

REQUEST = {
    "application_date": "2026-03-01",
    "complaints": [
        {
            "id": "c1",
            "behaviour_date": "2026-01-05",
            "reported_date": "2026-01-06",
            "agency": "police",
        },
        {
            "id": "c2",
            "behaviour_date": "2026-01-12",
            "reported_date": "2026-02-12",
            "agency": "council",
        },
        {
            "id": "c3",
            "behaviour_date": "2026-01-19",
            "reported_date": "2026-01-20",
            "agency": "housing",
        },
    ],
}


def write(tmp_path, data):
    path = tmp_path / "request.json"
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return str(path)


def run(*args, stdin=None):
    """call_command, returning (exit code, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    code: object = 0
    try:
        if stdin is not None:
            original, sys.stdin = sys.stdin, io.StringIO(stdin)
        call_command("check_threshold", *args, stdout=out, stderr=err)
    except SystemExit as exit_:
        code = exit_.code
    finally:
        if stdin is not None:
            sys.stdin = original
    return code, out.getvalue(), err.getvalue()


def test_a_good_request_prints_the_result_json_and_exits_0(tmp_path):
    code, out, err = run(write(tmp_path, REQUEST))
    assert code == 0
    assert err == ""
    result = json.loads(out)
    assert result["threshold_met"] is True
    assert result["qualifying_count"] == 3


def test_a_dash_reads_the_request_from_standard_input():
    code, out, _ = run("-", stdin=json.dumps(REQUEST))
    assert code == 0
    assert json.loads(out)["threshold"] == 3


def test_bad_input_exits_2_with_an_error_line_per_problem(tmp_path):
    data = json.loads(json.dumps(REQUEST))
    data["complaints"][1]["reported_date"] = "2026-01-11"
    data["complaints"][2]["kind"] = "rumour"
    code, out, err = run(write(tmp_path, data))
    assert code == 2
    assert out == ""
    assert err.splitlines() == [
        "error: complaints[1].reported_date (complaint c2): is before the behaviour_date (2026-01-12)",
        'error: complaints[2].kind (complaint c3): must be "complaint" or "diary_sheet"',
    ]


def test_invalid_json_exits_2_with_a_message(tmp_path):
    code, _, err = run(write(tmp_path, "{not json"))
    assert code == 2
    assert "not valid JSON" in err
    assert err.startswith("error: ")


def test_a_missing_file_exits_2_with_a_message(tmp_path):
    code, _, err = run(str(tmp_path / "absent.json"))
    assert code == 2
    assert err.strip() == f"error: {tmp_path / 'absent.json'}: no such file"


def test_a_directory_exits_2_with_a_message(tmp_path):
    code, _, err = run(str(tmp_path))
    assert code == 2
    assert "is a directory" in err


@pytest.mark.django_db
def test_an_area_is_checked_under_its_current_policy(tmp_path):
    area_with_policy()
    code, out, _ = run(write(tmp_path, {**REQUEST, "area": "E07000242"}))
    assert code == 0
    result = json.loads(out)
    assert result["qualifying_count"] == 2
    assert result["complaints"][1]["reasons"] == ["reported_late"]


@pytest.mark.django_db
def test_an_unknown_area_exits_2_naming_the_area(tmp_path):
    code, _, err = run(write(tmp_path, {**REQUEST, "area": "W06000015"}))
    assert code == 2
    assert (
        err.strip() == "error: area: no area with GSS code W06000015 has a policy on this service"
    )


def test_manage_py_really_exits_2_on_bad_input(tmp_path):
    data = json.loads(json.dumps(REQUEST))
    data["application_date"] = "2026-02-30"
    completed = subprocess.run(
        [sys.executable, str(MANAGE), "check_threshold", "-"],
        input=json.dumps(data),
        capture_output=True,
        text=True,
        env={
            "DJANGO_SETTINGS_MODULE": "tests.settings",
            "PATH": "/usr/bin:/bin",
            "VAR_DIR": str(tmp_path),
        },
        check=False,
        timeout=60,
    )
    assert completed.returncode == 2
    assert completed.stdout == ""
    assert (
        completed.stderr.strip()
        == "error: application_date: '2026-02-30' is not a real calendar date"
    )


def test_manage_py_exits_0_and_prints_json_on_good_input(tmp_path):
    completed = subprocess.run(
        [sys.executable, str(MANAGE), "check_threshold", write(tmp_path, REQUEST)],
        capture_output=True,
        text=True,
        env={
            "DJANGO_SETTINGS_MODULE": "tests.settings",
            "PATH": "/usr/bin:/bin",
            "VAR_DIR": str(tmp_path),
        },
        check=False,
        timeout=60,
    )
    assert completed.returncode == 0, completed.stderr
    assert json.loads(completed.stdout)["threshold_met"] is True
