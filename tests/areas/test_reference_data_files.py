"""The reference data kept in the project is whole, consistent, and what the build script makes
from the shared source files."""

from __future__ import annotations

import csv
import importlib.util
import re
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest

from casereview.areas.loading import REFERENCE_DATA_DIR, read_reference_data

SHARED_SOURCE = REFERENCE_DATA_DIR.parent.parent / "shared" / "data"


def rows(name: str) -> list[dict[str, str]]:
    with (REFERENCE_DATA_DIR / name).open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def build_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "build_reference_data", REFERENCE_DATA_DIR / "build_reference_data.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_data_files_read_without_error_and_hold_every_area():
    data = read_reference_data()
    assert len(data.areas) == 318
    assert len(data.county_councils) == 21
    assert len(data.police_forces) == 44


def test_gss_codes_are_well_formed_and_unique():
    codes = [row["gss_code"] for row in rows("areas.csv")]
    assert len(set(codes)) == 318
    assert all(re.fullmatch(r"[EW]0[6-9]\d{6}", code) for code in codes)
    assert all(code.startswith("W06") for code in codes if code.startswith("W"))


def test_every_force_named_by_an_area_is_in_the_list_of_forces():
    forces = {row["police_force_id"] for row in rows("police_forces.csv")}
    assert {row["police_force_id"] for row in rows("areas.csv")} <= forces
    assert Counter(row["territorial"] for row in rows("police_forces.csv")) == {
        "true": 43,
        "false": 1,
    }


def test_no_alternative_name_is_garbled():
    for row in rows("areas.csv"):
        assert not re.search("[\u00c2\u00c3\u00ef][\u0080-\u00bf]", row["alt_names"]), row["name"]
    anglesey = next(r for r in rows("areas.csv") if r["gss_code"] == "W06000001")
    assert "Sir Ynys M\u00f4n" in anglesey["alt_names"].split("|")


def test_the_readme_records_the_sha256_of_each_input():
    readme = (REFERENCE_DATA_DIR / "README.md").read_text(encoding="utf-8")
    assert "CC-BY-4.0" in readme
    assert "Open Government Licence" in readme
    for name in (
        "uk_local_authorities_current.csv",
        "ew_local_authority_police_force.csv",
        "police_forces_ew.csv",
    ):
        assert re.search(rf"[0-9a-f]{{64}}  {re.escape(name)}", readme), name


@pytest.mark.skipif(not SHARED_SOURCE.is_dir(), reason="the shared source files are not here")
def test_the_data_files_are_exactly_what_the_build_script_makes_from_the_shared_sources():
    script = build_script()
    built = script.build(SHARED_SOURCE)
    for filename, expected in built.items():
        text = script.render(expected, script.COLUMNS[filename])
        assert (REFERENCE_DATA_DIR / filename).read_text(encoding="utf-8") == text, filename


@pytest.mark.skipif(not SHARED_SOURCE.is_dir(), reason="the shared source files are not here")
def test_the_readme_sha256_match_the_shared_sources():
    script = build_script()
    readme = (REFERENCE_DATA_DIR / "README.md").read_text(encoding="utf-8")
    for path in sorted(Path(SHARED_SOURCE).glob("*.csv")):
        assert f"{script.sha256(path)}  {path.name}" in readme
