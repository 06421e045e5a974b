"""A bad reference data file stops the load with an error naming the file and the line, and
nothing is half loaded."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from casereview.areas.loading import REFERENCE_DATA_DIR
from casereview.areas.models import Area

pytestmark = pytest.mark.django_db


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    for name in ("areas.csv", "county_councils.csv", "police_forces.csv"):
        shutil.copy(REFERENCE_DATA_DIR / name, tmp_path / name)
    return tmp_path


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_missing_file_is_named(data_dir):
    (data_dir / "police_forces.csv").unlink()
    with pytest.raises(CommandError, match=r"police_forces\.csv: file not found"):
        call_command("load_directory", "--data-dir", str(data_dir))


def test_an_unknown_police_force_is_reported_with_its_line(data_dir):
    lines = (data_dir / "areas.csv").read_text(encoding="utf-8").splitlines()
    number = next(i for i, line in enumerate(lines, 1) if line.startswith("E07000242,"))
    replace_in(
        data_dir / "areas.csv",
        "HRT,E10000015,hertfordshire,east hertfordshire district",
        "HRT,E10000015,herts-police,east hertfordshire district",
    )
    with pytest.raises(CommandError) as raised:
        call_command("load_directory", "--data-dir", str(data_dir))
    message = str(raised.value)
    assert f"areas.csv line {number}" in message
    assert "police_force_id 'herts-police' is not one of" in message


def test_a_missing_column_is_named(data_dir):
    replace_in(data_dir / "county_councils.csv", "official_name", "council_name")
    with pytest.raises(CommandError, match=r"county_councils\.csv line 1: missing column"):
        call_command("load_directory", "--data-dir", str(data_dir))


def test_a_bad_population_is_reported_and_nothing_changes(data_dir):
    replace_in(data_dir / "areas.csv", ",93836\n", ",lots\n")
    names_before = list(Area.objects.values_list("name", flat=True))
    with pytest.raises(CommandError, match=r"areas\.csv line 2: population 'lots'"):
        call_command("load_directory", "--data-dir", str(data_dir))
    assert list(Area.objects.values_list("name", flat=True)) == names_before


def test_an_unknown_nation_is_reported(data_dir):
    replace_in(data_dir / "areas.csv", ",england,North East,", ",scotland,North East,")
    with pytest.raises(CommandError, match="nation 'scotland' is not one of england, wales"):
        call_command("load_directory", "--data-dir", str(data_dir))


def test_a_slug_that_cannot_be_a_web_address_is_reported(data_dir):
    replace_in(data_dir / "areas.csv", ",st-helens,", ",st.-helens,")
    with pytest.raises(
        CommandError, match=r"slug 'st\.-helens' may hold only a-z, 0-9 and hyphens"
    ):
        call_command("load_directory", "--data-dir", str(data_dir))
