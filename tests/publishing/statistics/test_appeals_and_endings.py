"""Appeals are counted by the day received and by the day decided; declined repeat
applications by the day they were declined."""

from __future__ import annotations

import datetime as dt

import pytest

from casereview.accounts.models import User
from casereview.appeals.models import Outcome
from casereview.areas.models import Area
from casereview.cases.services import case_decide_threshold, case_decline_repeat
from tests.appeals.helpers import hear, lodge
from tests.cases.helpers import close_after_window, gathering, receive, victim
from tests.publishing.statistics.helpers import figures, on

pytestmark = pytest.mark.django_db


def test_an_appeal_received_in_one_quarter_and_decided_in_the_next(
    area: Area, coordinator: User
) -> None:
    with on(dt.date(2026, 6, 22)) as day:
        case = gathering(area, coordinator, victim=victim("Quinn Appellant"))
        case = case_decide_threshold(
            case, by=coordinator, on=day, route="threshold", met=False, reasons="None."
        )
    with on(dt.date(2026, 6, 30)):
        appeal = lodge(case, coordinator)
    with on(dt.date(2026, 7, 1)):
        hear(appeal, coordinator, Outcome.NOT_UPHELD)

    first, second = figures(area, "2026-27-q1").internal, figures(area, "2026-27-q2").internal
    assert first.appeals_received_threshold_decision == 1
    assert first.appeals_not_upheld == 0
    assert second.appeals_received_threshold_decision == 0
    assert second.appeals_not_upheld == 1
    assert second.appeals_upheld == 0


def test_a_repeat_declined_is_counted_when_declined(area: Area, coordinator: User) -> None:
    with on(dt.date(2026, 4, 6)) as day:
        first = gathering(area, coordinator, victim=victim("Robin Repeat"))
        first = case_decide_threshold(
            first, by=coordinator, on=day, route="threshold", met=False, reasons="None."
        )
    close_after_window(first, coordinator, "No appeal made.")
    with on(dt.date(2026, 6, 29)):
        repeat = receive(
            area,
            coordinator,
            victim=victim("Robin Repeat"),
            material_change="The same again, no new incidents.",
        )
    with on(dt.date(2026, 7, 2)):
        case_decline_repeat(repeat, by=coordinator, reasons="Nothing has changed since April.")

    assert figures(area, "2026-27-q1").internal.declined_as_repeat == 0
    assert figures(area, "2026-27-q2").internal.declined_as_repeat == 1
    assert figures(area, "2026-27").statutory.applications == 2
