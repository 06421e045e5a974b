"""Each case's urgency is in words (and colour) and counted in working days, so Christmas and
the Boxing Day substitute stretch "due this week" rather than making cases look overdue."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

import time_machine
from django.test import Client

from casereview.accounts.models import User
from casereview.areas.models import Area
from casereview.cases.models import Case
from casereview.cases.services import case_acknowledge, case_request_information
from tests.cases.helpers import at, receive
from tests.cases.views.pages import dashboard_url, main_text, someone

MONDAY_21_DECEMBER = dt.date(2026, 12, 21)


def _row(text: str, case: Case) -> str:
    """The table row's words, from the case's reference up to the next reference."""
    text = text[text.index("Next deadline") :]
    start = text.index(case.reference)
    rest = text[start + len(case.reference) :]
    end = rest.find("EHE-")
    return rest if end == -1 else rest[:end]


def _cases(area: Area, by: User) -> dict[str, Case]:
    """Received on Monday 21 December: one waiting to be acknowledged (due Thursday 24th), one
    waiting for information asked for that day (due Wednesday 30th, 5 working days later), one
    acknowledged with only the decision due (14 working days, in January)."""
    with time_machine.travel(at(2026, 12, 21), tick=False):
        waiting = receive(area, by, victim=someone(1, "Wanda Waiting"))
        asked = receive(area, by, victim=someone(2, "Asa Asked"))
        asked = case_acknowledge(asked, by=by, on=MONDAY_21_DECEMBER)
        asked = case_request_information(asked, by=by, on=MONDAY_21_DECEMBER)
        deciding = receive(area, by, victim=someone(3, "Dee Deciding"))
        deciding = case_acknowledge(deciding, by=by, on=MONDAY_21_DECEMBER)
    return {"waiting": waiting, "asked": asked, "deciding": deciding}


def test_on_monday_nine_calendar_days_over_christmas_is_five_working_days(
    area: Area, coordinator: User, staff_client: Callable[[User], Client]
) -> None:
    cases = _cases(area, coordinator)

    with time_machine.travel(at(2026, 12, 21), tick=False):
        # Staff sessions last a working day: sign in again on the day.
        coordinator_client = staff_client(coordinator)
        text = main_text(coordinator_client.get(dashboard_url(show="all")))
        this_week = main_text(coordinator_client.get(dashboard_url(show="all", due="week")))

    assert "Due in 3 working days" in _row(text, cases["waiting"])
    assert "Due in 5 working days" in _row(text, cases["asked"])
    assert "On track" in _row(text, cases["deciding"])
    assert cases["asked"].reference in this_week
    assert cases["waiting"].reference in this_week
    assert cases["deciding"].reference not in this_week


def test_on_christmas_eve_the_acknowledgement_is_due_today(
    area: Area, coordinator: User, staff_client: Callable[[User], Client]
) -> None:
    cases = _cases(area, coordinator)

    with time_machine.travel(at(2026, 12, 24), tick=False):
        # Staff sessions last a working day: sign in again on the day.
        coordinator_client = staff_client(coordinator)
        text = main_text(coordinator_client.get(dashboard_url(show="all")))
        due_today = main_text(coordinator_client.get(dashboard_url(show="all", due="today")))

    assert "Due today" in _row(text, cases["waiting"])
    # Friday 25th, the weekend and Monday 28th (Boxing Day substitute) are not working days.
    assert "Due in 2 working days" in _row(text, cases["asked"])
    assert cases["waiting"].reference in due_today
    assert cases["asked"].reference not in due_today


def test_after_the_holiday_the_missed_acknowledgement_is_overdue(
    area: Area, coordinator: User, staff_client: Callable[[User], Client]
) -> None:
    cases = _cases(area, coordinator)

    with time_machine.travel(at(2026, 12, 29), tick=False):
        # Staff sessions last a working day: sign in again on the day.
        coordinator_client = staff_client(coordinator)
        text = main_text(coordinator_client.get(dashboard_url(show="all")))
        overdue = main_text(coordinator_client.get(dashboard_url(show="all", due="overdue")))

    assert "Overdue" in _row(text, cases["waiting"])
    assert "Due in 1 working day" in _row(text, cases["asked"])
    assert cases["waiting"].reference in overdue
    assert cases["asked"].reference not in overdue
    assert "Overdue 1 case" in text


def test_the_most_urgent_case_comes_first(
    area: Area, coordinator: User, staff_client: Callable[[User], Client]
) -> None:
    cases = _cases(area, coordinator)

    with time_machine.travel(at(2026, 12, 29), tick=False):
        # Staff sessions last a working day: sign in again on the day.
        coordinator_client = staff_client(coordinator)
        text = main_text(coordinator_client.get(dashboard_url(show="all")))

    table = text[text.index("Next deadline") :]
    positions = [table.index(cases[name].reference) for name in ("waiting", "asked", "deciding")]
    assert positions == sorted(positions)


def test_the_urgency_tag_has_a_colour_as_well_as_words(
    area: Area, coordinator: User, staff_client: Callable[[User], Client]
) -> None:
    _cases(area, coordinator)

    with time_machine.travel(at(2026, 12, 29), tick=False):
        # Staff sessions last a working day: sign in again on the day.
        coordinator_client = staff_client(coordinator)
        page = coordinator_client.get(dashboard_url(show="all")).content.decode()

    assert re.search(r"govuk-tag--red[^>]*>\s*Overdue", page)
    assert re.search(r"govuk-tag--green[^>]*>\s*On track", page)
