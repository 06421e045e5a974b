"""First decisions within timescale, and the median working days to decision and to outcome,
counted in the area's working calendar (bank holidays are not working days)."""

from __future__ import annotations

import datetime as dt

import pytest

from casereview.accounts.models import User
from casereview.areas.models import Area
from casereview.cases.services import case_decide_threshold
from casereview.reviews.services import review_record_meeting, review_send_outcome
from tests.cases.helpers import gathering
from tests.publishing.statistics.helpers import figures, on, someone
from tests.reviews.helpers import held, record, scheduled

pytestmark = pytest.mark.django_db

RECEIVED = dt.date(2026, 12, 21)  # a Monday; Christmas, the 28th and New Year's Day lie ahead


def test_decisions_over_christmas_in_working_days(area: Area, coordinator: User) -> None:
    with on(RECEIVED):
        cases = [gathering(area, coordinator, victim=someone()) for _ in range(3)]
    # 1 working day; 8 (the 25th, 28th and 1st are bank holidays); 19, after the due date
    # (14 working days: Wednesday 13 January 2027).
    for case, day in zip(
        cases, (dt.date(2026, 12, 22), dt.date(2027, 1, 5), dt.date(2027, 1, 20)), strict=True
    ):
        with on(day):
            case_decide_threshold(
                case, by=coordinator, on=day, route="threshold", met=False, reasons="None."
            )

    found = figures(area, "2026-27").internal
    assert found.first_decisions == 3
    assert found.first_decisions_in_time == 2
    assert found.median_working_days_to_decision == 8.0


def test_the_median_of_an_even_number_is_halfway(area: Area, coordinator: User) -> None:
    with on(RECEIVED):
        cases = [gathering(area, coordinator, victim=someone()) for _ in range(2)]
    for case, day in zip(cases, (dt.date(2026, 12, 22), dt.date(2027, 1, 5)), strict=True):
        with on(day):
            case_decide_threshold(
                case, by=coordinator, on=day, route="threshold", met=False, reasons="None."
            )

    assert figures(area, "2026-27").internal.median_working_days_to_decision == 4.5


def test_a_decision_on_the_day_of_receipt_took_no_working_days(
    area: Area, coordinator: User
) -> None:
    with on(dt.date(2026, 6, 1)):
        held(area, coordinator, victim=someone())

    found = figures(area, "2026-27").internal
    assert found.median_working_days_to_decision == 0.0
    assert found.first_decisions_in_time == 1


def test_outcomes_sent_and_the_working_days_from_receipt(area: Area, coordinator: User) -> None:
    with on(RECEIVED):
        case = scheduled(area, coordinator, victim=someone())
        case = review_record_meeting(case, by=coordinator, record=record(case, RECEIVED))
    with on(dt.date(2027, 1, 4)):
        review_send_outcome(case, by=coordinator)

    # Sent in the new calendar year, 7 working days after receipt (22, 23, 24, 29, 30 and 31
    # December and 4 January).
    found = figures(area, "2027").internal
    assert found.outcomes_sent == 1
    assert found.median_working_days_to_outcome == 7.0
    assert figures(area, "2026").internal.outcomes_sent == 0
    assert figures(area, "2026").internal.median_working_days_to_outcome is None


def test_a_decision_on_the_bank_holiday_of_receipt_took_no_working_days(
    area: Area, coordinator: User
) -> None:
    # Monday 4 May 2026 is the early May bank holiday: the receipt counts from Tuesday.
    with on(dt.date(2026, 5, 4)) as day:
        case = gathering(area, coordinator, victim=someone())
        case_decide_threshold(
            case, by=coordinator, on=day, route="threshold", met=False, reasons="None."
        )

    assert figures(area, "2026-27").internal.median_working_days_to_decision == 0.0
