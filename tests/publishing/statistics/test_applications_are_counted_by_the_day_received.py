"""Applications are counted in the period of the day the council received them, whatever
happened to them afterwards."""

from __future__ import annotations

import datetime as dt

import pytest

from casereview.accounts.models import User
from casereview.areas.models import Area
from casereview.cases.services import case_withdraw
from tests.cases.helpers import receive
from tests.publishing.statistics.helpers import figures, on, someone

pytestmark = pytest.mark.django_db


def test_31_march_and_1_april_fall_in_different_financial_years(
    area: Area, coordinator: User
) -> None:
    with on(dt.date(2026, 4, 2)):
        receive(area, coordinator, received_on=dt.date(2026, 3, 31), victim=someone())
        receive(area, coordinator, received_on=dt.date(2026, 4, 1), victim=someone())
        receive(area, coordinator, received_on=dt.date(2026, 4, 1), victim=someone())

    assert figures(area, "2025-26").statutory.applications == 1
    assert figures(area, "2026-27").statutory.applications == 2


def test_quarters_split_at_the_end_of_june_and_calendar_years_at_new_year(
    area: Area, coordinator: User
) -> None:
    with on(dt.date(2027, 1, 4)):
        for day in (dt.date(2026, 6, 30), dt.date(2026, 7, 1), dt.date(2026, 12, 31)):
            receive(area, coordinator, received_on=day, victim=someone())
        receive(area, coordinator, received_on=dt.date(2027, 1, 1), victim=someone())

    assert figures(area, "2026-27-q1").statutory.applications == 1
    assert figures(area, "2026-27-q2").statutory.applications == 1
    assert figures(area, "2026-27-q3").statutory.applications == 1
    assert figures(area, "2026-27-q4").statutory.applications == 1
    assert figures(area, "2026").statutory.applications == 3
    assert figures(area, "2027").statutory.applications == 1


def test_not_suitable_and_withdrawn_applications_still_count(area: Area, coordinator: User) -> None:
    with on(dt.date(2026, 5, 5)):
        receive(
            area,
            coordinator,
            victim=someone(),
            not_suitable_reason="court_decision",
            signposting="Citizens Advice can explain how to appeal a court's decision.",
        )
        case = receive(area, coordinator, victim=someone())
        case_withdraw(case, by=coordinator, reason="The neighbour has moved away.")

    found = figures(area, "2026-27")
    assert found.statutory.applications == 2
    assert found.internal.not_suitable == 1
    assert found.internal.withdrawn == 1


def test_a_period_with_nothing_in_it_has_zeros(area: Area) -> None:
    found = figures(area, "2024-25")

    assert found.statutory.applications == 0
    assert found.statutory.threshold_not_met == 0
    assert found.internal.median_working_days_to_decision is None
    assert found.breakdowns["channel"]["online"] == 0
