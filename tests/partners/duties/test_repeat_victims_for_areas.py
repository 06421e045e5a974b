"""The check of many areas at once (``repeat_victims_for_areas``, what a check of the whole
service runs) gives every area exactly what its own page's ``repeat_victims(area)`` gives, each
under its own policy, and does so in a fixed number of queries however many areas there are."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from bench.b2_repeat_victims import Builder
from casereview.areas.models import Area, AreaAgency, AreaPolicy
from casereview.cases.models import Case
from casereview.partners.duties import repeat_victims as repeat_victims_module
from casereview.partners.duties.repeat_victims import repeat_victims, repeat_victims_for_areas
from casereview.rules import REFERENCE_PROCEDURE, policy_to_dict

ON = date(2026, 3, 16)

POLICIES: tuple[dict[str, Any], ...] = (
    {},  # the reference procedure: 30 days to report, diary sheets do not count
    {"report_within": {"months": 1}, "diary_sheets_count": True},
    {"threshold": 2, "application_within_months": 3},
    {"same_day_is_same_occasion": False, "report_within": {"days": 10}},
)


@pytest.fixture
def areas(db: None) -> list[Area]:
    builder = Builder(seed=23, on=ON)
    return [builder.area(600, rules, open_case_one_in=12) for rules in POLICIES]


def test_every_area_gets_the_same_rows_in_the_same_order_as_its_own_check(
    areas: list[Area],
) -> None:
    found = repeat_victims_for_areas(areas, on=ON)

    assert list(found) == [area.pk for area in areas]
    for area in areas:
        assert found[area.pk] == repeat_victims(area, on=ON)
    assert all(found[area.pk] for area in areas)  # every policy lists somebody
    assert any(len(row.agencies) > 1 for rows in found.values() for row in rows)


def test_the_latest_policy_version_is_the_one_applied(areas: list[Area]) -> None:
    first = areas[0]
    stricter = policy_to_dict(REFERENCE_PROCEDURE) | {"report_within": {"days": 1}}
    AreaPolicy.objects.create(
        area=first, version=2, rules=stricter, effective_from=ON - timedelta(days=1)
    )

    found = repeat_victims_for_areas(areas, on=ON)

    assert found[first.pk] == repeat_victims(first, on=ON)
    assert found[areas[1].pk] == repeat_victims(areas[1], on=ON)


def test_an_area_without_a_policy_or_relevant_bodies_lists_nobody(areas: list[Area]) -> None:
    without_policy, without_bodies = areas[0], areas[1]
    Case.objects.filter(area=without_policy).delete()  # its cases hold on to its policy
    AreaPolicy.objects.filter(area=without_policy).delete()
    AreaAgency.objects.filter(area=without_bodies).update(relevant_body=False)

    found = repeat_victims_for_areas(areas, on=ON)

    assert found[without_policy.pk] == [] == repeat_victims(without_policy, on=ON)
    assert found[without_bodies.pk] == [] == repeat_victims(without_bodies, on=ON)
    assert found[areas[2].pk] == repeat_victims(areas[2], on=ON)


def test_the_check_of_many_areas_takes_two_queries_and_a_statement_per_group_of_areas(
    areas: list[Area], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert len(areas) <= repeat_victims_module.AREAS_PER_STATEMENT
    with CaptureQueriesContext(connection) as queries:
        together = repeat_victims_for_areas(areas, on=ON)
    monkeypatch.setattr(repeat_victims_module, "AREAS_PER_STATEMENT", 1)
    with CaptureQueriesContext(connection) as one_by_one:
        apart = repeat_victims_for_areas(areas, on=ON)

    assert len(queries) == 3  # policies, relevant bodies, one counting statement
    assert len(one_by_one) == 2 + len(areas)
    assert apart == together


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's query planner")
def test_without_statistics_sqlite_finds_a_persons_open_cases_by_their_key(
    areas: list[Area],
) -> None:
    # The test database is never analysed, as a new deployment's is not: the planner must not
    # read every victim record of the area for each person it lists.
    checks, _ = repeat_victims_module.area_checks([area.pk for area in areas])
    sql, params = repeat_victims_module._many_areas_sql(checks, on=ON)
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
        plan = [str(row[-1]) for row in cursor.fetchall()]

    victim_searches = [step for step in plan if step.startswith("SEARCH pv ")]
    assert victim_searches, plan
    assert all("(person_key=?)" in step for step in victim_searches), victim_searches
