"""Benchmark 5's statistics: the figures it times for every area at once are the figures the app
computes for each area alone, its checks hold them to direct counts, and the manifest's year
names the period the statistics pages publish."""

from __future__ import annotations

import datetime as dt

import pytest

from bench import b5_letters
from casereview.accounts.models import Role, User
from casereview.areas.models import Area
from casereview.publishing.periods import Period
from casereview.publishing.statistics.compute import compute_figures
from tests.cases.helpers import receive
from tests.factories import make_area, make_policy, make_user
from tests.publishing.statistics.helpers import on, someone
from tests.reviews.helpers import held

pytestmark = pytest.mark.django_db

YEAR = Period.financial_year(2026)


@pytest.fixture
def history(area: Area, coordinator: User, other_area: Area) -> list[Area]:
    """A review held in ``area``, an application in ``other_area``, an area since taken off the
    service with an application of its own, and one application the year before."""
    theirs = make_user("coordinator@otherborough.test", Role.COORDINATOR, other_area)
    off = make_area("Offborough")
    make_policy(off)
    with on(dt.date(2026, 5, 4)):
        held(area, coordinator, victim=someone())
        receive(other_area, theirs, victim=someone())
        receive(off, None, victim=someone())
    with on(dt.date(2026, 3, 2)):
        receive(area, coordinator, victim=someone())
    Area.objects.filter(pk=off.pk).update(on_service=False)
    return [area, other_area]


def test_every_area_at_once_gives_each_area_its_own_figures(history: list[Area]) -> None:
    together = b5_letters.statistics_of_all_areas(YEAR)

    assert together == b5_letters.statistics_area_by_area(YEAR)
    assert together == {place.pk: compute_figures(place, YEAR).to_dict() for place in history}


def test_the_totals_are_held_to_direct_counts(history: list[Area]) -> None:
    figures = b5_letters.statistics_of_all_areas(YEAR)

    details = b5_letters.check_statistics(figures, YEAR)

    assert details["areas"] == 2
    assert details["cases_counted"] == 2  # not the year before's, nor the area off the service
    assert details["statutory_totals"]["reviews_carried_out"] == 1


def test_figures_that_miss_a_case_are_refused(history: list[Area]) -> None:
    figures = b5_letters.statistics_of_all_areas(YEAR)
    first = next(iter(figures.values()))
    first["statutory"]["applications"] -= 1

    with pytest.raises(b5_letters.BenchmarkError, match="applications counted 1"):
        b5_letters.check_statistics(figures, YEAR)


def test_a_year_with_no_applications_gives_no_figure(history: list[Area]) -> None:
    empty = Period.financial_year(2030)

    with pytest.raises(b5_letters.BenchmarkError, match="no applications"):
        b5_letters.check_statistics(b5_letters.statistics_of_all_areas(empty), empty)


def test_the_manifest_year_is_the_financial_or_calendar_year_it_spans() -> None:
    def year(first: str, last: str) -> Period:
        return b5_letters.statistics_period({"statistics_year": [first, last]})

    assert year("2025-04-01", "2026-03-31") == Period.financial_year(2025)
    assert year("2025-01-01", "2025-12-31") == Period.calendar_year(2025)
    with pytest.raises(b5_letters.BenchmarkError):
        year("2025-04-02", "2026-03-31")
