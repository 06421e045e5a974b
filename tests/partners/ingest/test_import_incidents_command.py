"""``manage.py import_incidents FILE --area SLUG --agency CODE``: progress bars on stderr, every
rejected row printed with the command failing, the counts printed when done, and a clear error
(never a traceback) for an unknown area, agency or file."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from casereview.partners.models import Incident
from tests.partners.ingest.helpers import csv_file, csv_row

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_march")]


def _run(*args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("import_incidents", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def _file(tmp_path: Path, *rows: str) -> str:
    path = tmp_path / "incidents.csv"
    path.write_bytes(csv_file(*rows))
    return str(path)


def test_a_good_file_is_imported_with_progress_bars_and_counts(area, police, tmp_path):
    path = _file(tmp_path, csv_row("A"), csv_row("B"), csv_row("C"))

    out, err = _run(path, "--area", area.slug, "--agency", police.code)

    assert "3 rows imported for Hertfordshire Constabulary in East Hertfordshire" in out
    assert "3 new, 0 changed, 0 unchanged" in out
    assert "Checking" in err
    assert "Importing" in err
    assert "3/3" in err
    assert Incident.objects.filter(agency=police).count() == 3


def test_running_it_again_changes_nothing(area, police, tmp_path):
    path = _file(tmp_path, csv_row("A"), csv_row("B"))
    _run(path, "--area", area.slug, "--agency", police.code, "--no-progress")

    out, err = _run(path, "--area", area.slug, "--agency", police.code, "--no-progress")

    assert "0 new, 0 changed, 2 unchanged" in out
    assert err == ""


def test_a_file_with_bad_rows_prints_every_problem_and_fails(area, police, tmp_path):
    path = _file(
        tmp_path, csv_row("A"), csv_row("B", reported_date="2026-02-30"), csv_row("C", kind="x")
    )
    out = StringIO()

    with pytest.raises(CommandError, match="2 rows have problems: nothing was imported"):
        call_command(
            "import_incidents",
            path,
            "--area",
            area.slug,
            "--agency",
            police.code,
            "--no-progress",
            stdout=out,
        )

    assert out.getvalue().splitlines() == [
        "incidents.csv: nothing was imported. Fix these rows and run the command again:",
        "  row 3 (B), column reported_date: Enter the date it was reported as a real date, "
        "like 2026-03-02 or 02/03/2026",
        "  row 4 (C), column kind: The kind must be complaint or diary_sheet",
    ]
    assert not Incident.objects.exists()


def test_a_wrong_header_is_reported_against_row_one(area, police, tmp_path):
    path = tmp_path / "wrong.csv"
    path.write_bytes(b"ref,date\nA,2026-03-02\n")
    out = StringIO()

    with pytest.raises(CommandError, match="1 row has problems"):
        call_command(
            "import_incidents",
            str(path),
            "--area",
            area.slug,
            "--agency",
            police.code,
            "--no-progress",
            stdout=out,
        )

    assert "row 1: The header row (row 1) is not right" in out.getvalue()


def test_an_unknown_area_is_an_error(police, tmp_path):
    with pytest.raises(CommandError, match="no area with the slug 'nowhere'"):
        _run(_file(tmp_path, csv_row("A")), "--area", "nowhere", "--agency", police.code)


def test_an_unknown_agency_is_an_error(area, tmp_path):
    with pytest.raises(CommandError, match="no agency with the code 'nobody'"):
        _run(_file(tmp_path, csv_row("A")), "--area", area.slug, "--agency", "nobody")


def test_an_agency_of_another_area_is_an_error(area, other_area, tmp_path):
    with pytest.raises(CommandError, match="is not an agency of East Hertfordshire"):
        _run(
            _file(tmp_path, csv_row("A")),
            "--area",
            area.slug,
            "--agency",
            other_area.police_force.code,
        )


def test_a_missing_file_is_an_error(area, police, tmp_path):
    with pytest.raises(CommandError, match="cannot read the file"):
        _run(str(tmp_path / "absent.csv"), "--area", area.slug, "--agency", police.code)
