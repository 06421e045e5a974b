"""Deadlines count working days of the area's nation, skipping weekends and bank holidays,
and each explains how it was computed."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine

from casereview.cases.models import DeadlineKind
from tests.cases.helpers import at, receive

pytestmark = pytest.mark.django_db


def deadline(case, kind):
    return case.deadlines.get(kind=kind)


@pytest.mark.usefixtures("before_christmas")
def test_acknowledgement_received_before_christmas_is_due_on_christmas_eve(area, coordinator):
    case = receive(area, coordinator)

    assert deadline(case, DeadlineKind.ACKNOWLEDGE).due_on == dt.date(2026, 12, 24)


@pytest.mark.usefixtures("before_christmas")
def test_the_decision_skips_christmas_boxing_day_and_new_year(area, coordinator):
    case = receive(area, coordinator)

    decision = deadline(case, DeadlineKind.DECISION)

    assert decision.due_on == dt.date(2027, 1, 13)
    lines = decision.explanation["lines"]
    assert "Skipped Friday 25 December 2026: Christmas Day (bank holiday)." in lines
    assert "Skipped Monday 28 December 2026: Boxing Day (observed) (bank holiday)." in lines
    assert "Skipped Friday 1 January 2027: New Year's Day (bank holiday)." in lines
    assert (
        lines[-1] == "Due Wednesday 13 January 2027: 14 working days from Monday 21 December 2026."
    )
    assert decision.explanation["rule"] == "14 working days"


def test_received_on_good_friday_counts_from_the_tuesday_after_easter(area, coordinator):
    with time_machine.travel(at(2026, 4, 3), tick=False):
        case = receive(area, coordinator, received_on=dt.date(2026, 4, 3))

    acknowledge = deadline(case, DeadlineKind.ACKNOWLEDGE)
    assert acknowledge.start_on == dt.date(2026, 4, 3)
    assert acknowledge.explanation["counted_from"] == "2026-04-07"
    assert acknowledge.due_on == dt.date(2026, 4, 10)
    assert acknowledge.explanation["lines"][0] == (
        "Received on Friday 3 April 2026, a non-working day: counted from Tuesday 7 April 2026."
    )


def test_received_the_day_before_good_friday_skips_the_easter_weekend(area, coordinator):
    with time_machine.travel(at(2026, 4, 2), tick=False):
        case = receive(area, coordinator)

    assert deadline(case, DeadlineKind.ACKNOWLEDGE).due_on == dt.date(2026, 4, 9)


def test_timescales_come_from_the_cases_policy_version(area, coordinator):
    from dataclasses import replace

    from casereview.rules import REFERENCE_PROCEDURE, Timescales
    from tests.factories import make_policy

    make_policy(
        area,
        replace(REFERENCE_PROCEDURE, timescales=Timescales(acknowledge_working_days=1)),
        version=2,
    )
    with time_machine.travel(at(2026, 12, 21), tick=False):
        case = receive(area, coordinator)

    assert deadline(case, DeadlineKind.ACKNOWLEDGE).due_on == dt.date(2026, 12, 22)
