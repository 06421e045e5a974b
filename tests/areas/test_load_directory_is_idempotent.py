"""Loading the directory again changes nothing, and never undoes what administrators set."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.forms.models import model_to_dict

from casereview.areas.loading import REFERENCE_DATA_DIR
from casereview.areas.models import Agency, Area, AreaAgency, AreaPolicy
from tests.areas.conftest import EAST_HERTS

pytestmark = pytest.mark.django_db


def snapshot() -> dict[str, list[dict[str, Any]]]:
    """Every row of the directory's tables, as plain values."""
    return {
        model.__name__: [
            {**model_to_dict(row), "pk": row.pk} for row in model.objects.order_by("pk")
        ]
        for model in (Agency, Area, AreaAgency, AreaPolicy)
    }


def load(*args: str) -> str:
    out = io.StringIO()
    call_command("load_directory", *args, stdout=out)
    return out.getvalue()


def copy_of_data(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    target.mkdir()
    for name in ("areas.csv", "county_councils.csv", "police_forces.csv"):
        shutil.copy(REFERENCE_DATA_DIR / name, target / name)
    return target


def rewrite_area(data_dir: Path, gss_code: str, **changes: str) -> None:
    path = data_dir / "areas.csv"
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        fieldnames = list(reader.fieldnames or [])
        rows = list(reader)
    for row in rows:
        if row["gss_code"] == gss_code:
            row.update(changes)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=fieldnames)
        writer.writeheader()
        writer.writerows(rows)


def test_loading_a_second_time_changes_no_row_and_reports_everything_unchanged():
    before = snapshot()
    text = load()
    assert snapshot() == before
    assert "Agencies: 0 created, 0 updated, 383 unchanged" in text
    assert "Areas: 0 created, 0 updated, 318 unchanged" in text
    assert "Relevant bodies: 0 created, 0 updated, 800 unchanged" in text
    assert "already up to date" in text


def test_loading_keeps_what_an_administrator_set_on_an_area_and_its_agencies(east_herts):
    police = east_herts.police_force
    police.phone = "101"
    police.website = "https://www.herts.police.uk/"
    police.save()
    before = snapshot()
    load()
    assert snapshot() == before
    area = Area.objects.get(gss_code=EAST_HERTS)
    assert area.on_service is True
    assert area.contact_email == "community.safety@eastherts.gov.uk"
    assert area.policies.count() == 1
    assert area.police_force.website == "https://www.herts.police.uk/"


def test_a_changed_data_file_updates_only_the_directory_fields(east_herts, tmp_path):
    data_dir = copy_of_data(tmp_path)
    rewrite_area(data_dir, EAST_HERTS, name="East Herts", population="160000")
    text = load("--data-dir", str(data_dir))
    assert "Areas: 0 created, 1 updated, 317 unchanged" in text
    area = Area.objects.get(gss_code=EAST_HERTS)
    assert (area.name, area.population) == ("East Herts", 160000)
    assert area.on_service is True
    assert area.contact_phone == "01279 655261"


def test_when_an_area_moves_to_another_force_the_old_force_is_no_longer_a_relevant_body(
    tmp_path,
):
    data_dir = copy_of_data(tmp_path)
    rewrite_area(data_dir, EAST_HERTS, police_force_id="bedfordshire")
    text = load("--data-dir", str(data_dir))
    assert "Relevant bodies: 1 created, 0 updated, 799 unchanged, 1 removed" in text
    area = Area.objects.get(gss_code=EAST_HERTS)
    assert area.police_force.code == "bedfordshire"
    assert "hertfordshire" not in set(area.agencies.values_list("code", flat=True))
    assert "bedfordshire" in set(area.agencies.values_list("code", flat=True))


def test_relevant_bodies_an_administrator_added_survive_a_load(east_herts):
    icb = Agency.objects.create(
        code="nhs-hertfordshire-and-west-essex-icb",
        name="NHS Hertfordshire and West Essex ICB",
        kind="health",
    )
    AreaAgency.objects.create(area=east_herts, agency=icb)
    load()
    assert east_herts.agencies.filter(pk=icb.pk).exists()


def test_a_dry_run_reports_the_changes_and_saves_none(tmp_path):
    data_dir = copy_of_data(tmp_path)
    rewrite_area(data_dir, EAST_HERTS, name="East Herts")
    before = snapshot()
    text = load("--data-dir", str(data_dir), "--dry-run")
    assert "Dry run, nothing saved. Areas: 0 created, 1 updated, 317 unchanged" in text
    assert snapshot() == before
