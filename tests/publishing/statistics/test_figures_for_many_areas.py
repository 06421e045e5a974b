"""Figures for many areas at once equal the figures of each area alone, never count another
area's cases, and take the same number of queries however many areas and cases there are."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from casereview.accounts.models import Role, User
from casereview.areas.models import AgencyKind, Area
from casereview.publishing.periods import Period
from casereview.publishing.statistics.compute import compute_figures, compute_figures_for_areas
from tests.factories import add_agency, make_agency, make_area, make_policy, make_user
from tests.publishing.statistics.helpers import on, someone
from tests.reviews.helpers import held

pytestmark = pytest.mark.django_db

YEAR = Period.financial_year(2026)


def _busy_area(name: str, reviews: int) -> Area:
    place = make_area(name)
    add_agency(place, make_agency(f"{name} Housing", AgencyKind.HOUSING))
    make_policy(place)
    by = make_user(f"coordinator@{place.slug}.test", Role.COORDINATOR, place)
    with on(dt.date(2026, 5, 4)):
        for _ in range(reviews):
            held(place, by, victim=someone())
    return place


def test_many_areas_at_once_equal_each_area_alone(
    area: Area, other_area: Area, coordinator: User
) -> None:
    with on(dt.date(2026, 5, 4)):
        held(area, coordinator, victim=someone())
    busy = _busy_area("Busyborough", 2)

    together = compute_figures_for_areas([area.pk, other_area.pk, busy.pk], YEAR)

    assert set(together) == {area.pk, other_area.pk, busy.pk}
    for place in (area, other_area, busy):
        assert together[place.pk] == compute_figures(place, YEAR)
    assert together[area.pk].statutory.reviews_carried_out == 1
    assert together[busy.pk].statutory.reviews_carried_out == 2
    assert together[other_area.pk].statutory.applications == 0


def test_none_means_every_area_on_the_service(area: Area, other_area: Area) -> None:
    off = make_area("Offborough", on_service=False)

    every = compute_figures_for_areas(None, YEAR)

    assert {area.pk, other_area.pk} <= set(every)
    assert off.pk not in every


def test_the_number_of_queries_does_not_grow(area: Area, coordinator: User) -> None:
    with on(dt.date(2026, 5, 4)):
        held(area, coordinator, victim=someone())
    with CaptureQueriesContext(connection) as few:
        compute_figures_for_areas([area.pk], YEAR)

    others = [_busy_area(f"Place {n}", 2) for n in range(3)]
    with CaptureQueriesContext(connection) as many:
        compute_figures_for_areas([area.pk, *(place.pk for place in others)], YEAR)

    assert len(many) == len(few)
    assert len(few) <= 12
