"""manage.py working_days --from DATE --add N [--nation] [--explain]."""

import io

from django.core.management import call_command


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    code: object = 0
    try:
        call_command("working_days", *args, stdout=out, stderr=err)
    except SystemExit as exit_:
        code = exit_.code
    return code, out.getvalue(), err.getvalue()


def test_working_days_prints_the_due_date():
    code, out, _ = run("--from", "2026-01-12", "--add", "3")
    assert code == 0
    assert out == "2026-01-15\n"


def test_working_days_explains_the_days_skipped_when_asked():
    code, out, _ = run("--from", "2025-12-20", "--add", "3", "--nation", "wales", "--explain")
    assert code == 0
    assert out.splitlines() == [
        "2025-12-29",
        "Received on Saturday 20 December 2025, a non-working day: counted from Monday 22 December 2025.",
        "Skipped Saturday 20 December 2025: weekend.",
        "Skipped Sunday 21 December 2025: weekend.",
        "Skipped Thursday 25 December 2025: Christmas Day (bank holiday).",
        "Skipped Friday 26 December 2025: Boxing Day (bank holiday).",
        "Skipped Saturday 27 December 2025: weekend.",
        "Skipped Sunday 28 December 2025: weekend.",
        "Due Monday 29 December 2025: 3 working days from Monday 22 December 2025.",
    ]


def test_bad_options_exit_2_with_an_error_line_for_each():
    code, out, err = run("--from", "2026-02-30", "--add", "x", "--nation", "scotland")
    assert code == 2
    assert out == ""
    assert err.splitlines() == [
        "error: --from: '2026-02-30' is not a real calendar date",
        "error: --add: must be a whole number of days, 0 or more",
        "error: --nation: must be one of england, wales, england-wales",
    ]


def test_missing_options_exit_2():
    code, _, err = run()
    assert code == 2
    assert err.splitlines() == ["error: --from: is required", "error: --add: is required"]
