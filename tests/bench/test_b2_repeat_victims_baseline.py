"""Benchmark 2's baseline computes what the app computes: the DuckDB query over copies of the
rows lists the same people, with the same occasion counts and latest reports, as
``repeat_victims()`` run area by area, under each area's own policy. No timings here."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from django.db.models import F

from bench.b2_repeat_victims import (
    Builder,
    check_every_area,
    count_qualifying_rows,
    duckdb_answer,
    duckdb_qualifying_rows,
    load_duckdb,
)
from casereview.cases.models import Case
from casereview.partners.models import Incident, PartnerVictim

ON = date(2026, 3, 16)

POLICIES: tuple[dict[str, Any], ...] = (
    {},  # the reference procedure: 30 days to report, diary sheets do not count
    {"report_within": {"months": 1}, "diary_sheets_count": True},
    {"threshold": 2, "application_within_months": 3},
    {"same_day_is_same_occasion": False, "report_within": {"days": 10}},
)


@pytest.fixture
def areas(db: None) -> list[int]:
    builder = Builder(seed=11, on=ON)
    return [builder.area(1_500, rules, open_case_one_in=12).pk for rules in POLICIES]


def both_answers(tmp_path: Path) -> tuple[set[tuple[int, int, int, date]], ...]:
    database, loaded = load_duckdb(ON, tmp_path)
    assert loaded["incident"] == Incident.objects.count()
    return check_every_area(ON), duckdb_answer(database, ON)


def test_the_duckdb_query_lists_the_same_people_with_the_same_counts(
    areas: list[int], tmp_path: Path
) -> None:
    ours, theirs = both_answers(tmp_path)

    assert ours == theirs
    assert {area for area, *_ in ours} == set(areas)  # every policy lists somebody


def test_the_fixture_has_what_the_check_must_get_right(areas: list[int]) -> None:
    assert Incident.objects.filter(linked=True).exists()  # cross-agency duplicates
    assert Incident.objects.filter(kind="diary_sheet").exists()
    # People known to two agencies: a second record joined to the first one's person.
    assert PartnerVictim.objects.exclude(person_key=F("pk")).exists()
    assert Case.objects.filter(status="received").exists()
    assert Case.objects.filter(status="closed").exists()


def test_people_with_open_cases_are_left_out_by_both_and_listed_once_closed(
    areas: list[int], tmp_path: Path
) -> None:
    before, _ = both_answers(tmp_path)
    Case.objects.filter(status="received").update(status="closed")

    ours, theirs = both_answers(tmp_path)

    assert ours == theirs
    assert ours > before  # the open cases hid some people who meet the threshold


def test_the_reading_part_alone_counts_the_rows_duckdb_qualifies(
    areas: list[int], tmp_path: Path
) -> None:
    database, _ = load_duckdb(ON, tmp_path)

    counted = count_qualifying_rows(ON)

    assert counted == duckdb_qualifying_rows(database, ON)
    # Fewer than all: the windows, the late reports and the diary sheets leave some out.
    assert 0 < counted < Incident.objects.count()
