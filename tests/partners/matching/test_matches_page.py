"""The list of an area's matches: both records side by side, the score and why, proposed
matches first shown, incidents and victims each in their own list; every read recorded."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.test import Client

from casereview.accounts.models import User
from casereview.areas.models import Area
from casereview.audit.models import AccessRecord
from casereview.partners.matching.services import confirm_link
from casereview.partners.matching.views import PER_PAGE
from tests.partners.matching.helpers import (
    NOISE_HOUSING,
    NOISE_POLICE,
    SATURDAY,
    housing,
    record,
    send,
)
from tests.partners.matching.pages import incident_url, list_url, proposed_matches, victim_url

pytestmark = pytest.mark.usefixtures("in_march")

StaffClient = Callable[[User], Client]


def test_the_coordinator_sees_proposed_incident_matches_with_the_reasons_in_words(
    area: Area, coordinator: User, staff_client: StaffClient
) -> None:
    incidents, _victims = proposed_matches(area)

    page = staff_client(coordinator).get(list_url(area)).content.decode()

    assert "Hertfordshire Constabulary" in page
    assert "Demo Housing Association" in page
    assert "Reference P-1" in page
    assert "Reference H-1" in page
    assert "Behaviour dates one day apart" in page
    assert "Same postcode" in page
    assert "Descriptions 71% alike" in page
    assert f"{round(incidents.score)} out of 100" in page
    assert incident_url(area, incidents) in page
    assert "Decide" in page


def test_the_victims_list_shows_names_and_dates_of_birth(
    area: Area, coordinator: User, staff_client: StaffClient
) -> None:
    _incidents, victims = proposed_matches(area)

    page = staff_client(coordinator).get(list_url(area), {"kind": "victims"}).content.decode()

    assert "Sam Victim" in page
    assert "victim  sam" in page
    assert "Born 17 May 1980" in page
    assert "Same date of birth" in page
    assert victim_url(area, victims) in page


def test_decided_matches_leave_the_default_list_and_show_under_their_status(
    area: Area, coordinator: User, staff_client: StaffClient
) -> None:
    incidents, _victims = proposed_matches(area)
    confirm_link(incidents, by=coordinator)
    client = staff_client(coordinator)

    waiting = client.get(list_url(area)).content.decode()
    confirmed = client.get(list_url(area), {"status": "confirmed"}).content.decode()

    assert incident_url(area, incidents) not in waiting
    assert "There are no matches to show." in waiting
    assert incident_url(area, incidents) in confirmed


def test_an_unknown_status_is_an_error_on_the_filter_not_a_failure(
    area: Area, coordinator: User, staff_client: StaffClient
) -> None:
    incidents, _victims = proposed_matches(area)

    response = staff_client(coordinator).get(list_url(area), {"status": "maybe"})

    assert response.status_code == 200
    page = response.content.decode()
    assert "Choose which matches to show from the list" in page
    assert incident_url(area, incidents) in page


def test_every_look_at_the_list_is_recorded(
    area: Area, coordinator: User, staff_client: StaffClient
) -> None:
    proposed_matches(area)

    staff_client(coordinator).get(list_url(area), {"kind": "victims"})

    record = AccessRecord.objects.get(area=area)
    assert record.user == coordinator
    assert record.what == "cross-agency victim matches"


def test_a_long_list_is_shown_a_page_at_a_time(
    area: Area, coordinator: User, staff_client: StaffClient
) -> None:
    days = [SATURDAY - dt.timedelta(days=3 * n) for n in range(PER_PAGE + 1)]
    send(
        area,
        area.police_force,
        *(record(f"P-{n}", day, **NOISE_POLICE) for n, day in enumerate(days)),
    )
    send(
        area, housing(area), *(record(f"H-{n}", day, **NOISE_HOUSING) for n, day in enumerate(days))
    )
    client = staff_client(coordinator)

    first = client.get(list_url(area)).content.decode()
    second = client.get(list_url(area), {"page": 2}).content.decode()

    assert f"{PER_PAGE + 1} matches" in first
    assert first.count("Decide<span") == PER_PAGE
    assert second.count("Decide<span") == 1
    assert "page=2" in first
