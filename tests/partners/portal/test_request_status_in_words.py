"""A request's status is said in words, with a tag colour that only repeats it: on time (green),
due soon, within two working days of the area's calendar (amber), overdue (red), answered
(grey)."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine

from casereview.areas.models import Nation
from casereview.partners.portal.presenters import request_status
from casereview.partners.services import information_response_record
from tests.cases.helpers import at, gathering, request_to

pytestmark = pytest.mark.django_db

PORTAL = "/staff/partners/agency/"


def status_on(day: dt.date, due_on: dt.date, answered: bool = False) -> str:
    return request_status(
        answered=answered, due_on=due_on, case_ended=False, today=day, nation=Nation.ENGLAND
    ).code


def test_due_in_more_than_two_working_days_is_on_time():
    assert status_on(dt.date(2026, 3, 16), due_on=dt.date(2026, 3, 19)) == "on_time"


def test_due_within_two_working_days_is_due_soon():
    assert status_on(dt.date(2026, 3, 16), due_on=dt.date(2026, 3, 18)) == "due_soon"
    assert status_on(dt.date(2026, 3, 16), due_on=dt.date(2026, 3, 16)) == "due_soon"


def test_easter_bank_holidays_stretch_due_soon():
    # Thursday 2 April 2026: Good Friday and Easter Monday are not working days, so two
    # working days ahead is Wednesday 8 April.
    assert status_on(dt.date(2026, 4, 2), due_on=dt.date(2026, 4, 8)) == "due_soon"
    assert status_on(dt.date(2026, 4, 2), due_on=dt.date(2026, 4, 9)) == "on_time"


def test_past_its_due_date_it_is_overdue():
    assert status_on(dt.date(2026, 3, 24), due_on=dt.date(2026, 3, 23)) == "overdue"


def test_answered_wins_over_any_date():
    assert status_on(dt.date(2026, 3, 24), dt.date(2026, 3, 23), answered=True) == "answered"


def test_the_portal_says_each_status_as_the_days_go_by(area, coordinator, agency_rep, staff_client):
    with time_machine.travel(at(2026, 3, 16), tick=False):  # Monday: due Monday 23rd
        case = gathering(area, coordinator)
        assert "On time" in staff_client(agency_rep).get(PORTAL).content.decode()
    with time_machine.travel(at(2026, 3, 20), tick=False):  # Friday
        html = staff_client(agency_rep).get(PORTAL).content.decode()
        assert "Due soon" in html
        assert "govuk-tag--orange" in html
    with time_machine.travel(at(2026, 3, 24), tick=False):  # Tuesday after (a new sign-in each day)
        client = staff_client(agency_rep)
        html = client.get(PORTAL).content.decode()
        assert "Overdue" in html
        assert "govuk-tag--red" in html
        information_response_record(
            request_to(case), by=agency_rep, received_on=dt.date(2026, 3, 24)
        )
        html = client.get(PORTAL).content.decode()
        assert "Answered" in html
        assert "Overdue" not in html
