"""Threshold decisions are counted by the day they were made; a decision made again after an
upheld appeal is counted again, in the period it was made in."""

from __future__ import annotations

import datetime as dt

import pytest

from casereview.accounts.models import User
from casereview.appeals.models import Outcome
from casereview.appeals.services import appeal_send_outcome
from casereview.areas.models import Area
from casereview.cases.models import Case
from casereview.cases.services import case_decide_threshold
from tests.appeals.helpers import hear, lodge
from tests.cases.helpers import gathering
from tests.publishing.statistics.helpers import figures, on, someone
from tests.reviews.helpers import met_case

pytestmark = pytest.mark.django_db


def _not_met(case: Case, by: User, day: dt.date) -> Case:
    return case_decide_threshold(
        case, by=by, on=day, route="threshold", met=False, reasons="No complaints confirmed."
    )


def test_a_redecision_after_an_upheld_appeal_counts_again_in_its_own_year(
    area: Area, coordinator: User
) -> None:
    with on(dt.date(2026, 3, 30)):
        case = gathering(area, coordinator, victim=someone())
    with on(dt.date(2026, 3, 31)) as day:
        case = _not_met(case, coordinator, day)
    with on(dt.date(2026, 4, 8)) as day:
        hear(lodge(case, coordinator), coordinator, Outcome.UPHELD)
        case.refresh_from_db()
    with on(dt.date(2026, 4, 9)) as day:
        _not_met(case, coordinator, day)

    before, after = figures(area, "2025-26"), figures(area, "2026-27")
    assert before.statutory.threshold_not_met == 1
    assert after.statutory.threshold_not_met == 1
    assert before.internal.decisions == after.internal.decisions == 1
    # Only the first decision is a first decision.
    assert before.internal.first_decisions == 1
    assert after.internal.first_decisions == 0
    # Counted by the days decided, not by when the case was received.
    assert after.statutory.applications == 0


def test_a_decision_recorded_days_after_it_was_made_counts_on_the_day_made(
    area: Area, coordinator: User
) -> None:
    with on(dt.date(2026, 3, 30)):
        case = gathering(area, coordinator, victim=someone())
    with on(dt.date(2026, 4, 2)):
        _not_met(case, coordinator, dt.date(2026, 3, 31))

    assert figures(area, "2025-26").statutory.threshold_not_met == 1
    assert figures(area, "2026-27").statutory.threshold_not_met == 0


def test_every_decision_of_three_is_counted(area: Area, coordinator: User) -> None:
    with on(dt.date(2026, 5, 4)):
        case = gathering(area, coordinator, victim=someone())
        case = _not_met(case, coordinator, dt.date(2026, 5, 4))
    for day in (dt.date(2026, 5, 11), dt.date(2026, 5, 18)):
        with on(day):
            appeal = hear(lodge(case, coordinator), coordinator, Outcome.UPHELD)
            appeal_send_outcome(appeal, by=coordinator)
            case.refresh_from_db()
            case = _not_met(case, coordinator, day)

    found = figures(area, "2026-27-q1")
    assert found.statutory.threshold_not_met == 3
    assert found.internal.decisions == 3
    assert found.internal.first_decisions == 1
    assert found.internal.appeals_received_threshold_decision == 2
    assert found.internal.appeals_upheld == 2


def test_met_decisions_are_counted_apart_from_not_met(area: Area, coordinator: User) -> None:
    with on(dt.date(2026, 6, 1)):
        met_case(area, coordinator, victim=someone())
        _not_met(gathering(area, coordinator, victim=someone()), coordinator, dt.date(2026, 6, 1))

    found = figures(area, "2026-27")
    assert found.internal.decisions == 2
    assert found.internal.threshold_met == 1
    assert found.statutory.threshold_not_met == 1


def test_a_middle_decision_recorded_days_later_counts_on_the_day_it_was_made(
    area: Area, coordinator: User
) -> None:
    with on(dt.date(2026, 6, 1)):
        case = gathering(area, coordinator, victim=someone())
        case = _not_met(case, coordinator, dt.date(2026, 6, 1))
    with on(dt.date(2026, 6, 29)):
        appeal_send_outcome(
            hear(lodge(case, coordinator), coordinator, Outcome.UPHELD), by=coordinator
        )
    # Decided again on the last day of the quarter, typed in after the weekend.
    with on(dt.date(2026, 7, 2)):
        case.refresh_from_db()
        case = _not_met(case, coordinator, dt.date(2026, 6, 30))
    with on(dt.date(2026, 7, 6)):
        appeal_send_outcome(
            hear(lodge(case, coordinator), coordinator, Outcome.UPHELD), by=coordinator
        )
        case.refresh_from_db()
        case = _not_met(case, coordinator, dt.date(2026, 7, 6))

    assert figures(area, "2026-27-q1").statutory.threshold_not_met == 2
    assert figures(area, "2026-27-q2").statutory.threshold_not_met == 1
