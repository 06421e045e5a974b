"""Fixtures of the partner API tests: keys of the cast's agencies and clients that send them.

    def test_the_police_see_their_request(police_api, requested_case): ...

``police_api`` sends the police force's key for ``area``; ``api_client(key)`` makes a client
for any other key. Time is frozen on an ordinary working day (``in_march``) for every test
here, so that cases and their dates are built the same way each run.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.test import Client

from casereview.accounts.models import User
from casereview.areas.models import Agency, AgencyKind, Area
from casereview.cases.models import Case
from casereview.partners.models import AgencyToken
from casereview.partners.tokens.services import issue_key
from tests.api.partners.helpers import another_victim
from tests.cases.helpers import agency_of, gathering, stated
from tests.reviews.helpers import monitoring


@pytest.fixture(autouse=True)
def _frozen(in_march: None) -> None:
    """Every test here runs on Monday 16 March 2026 (see the module note)."""


@pytest.fixture
def api_client() -> Callable[[str], Client]:
    """``api_client(key)``: a client sending ``Authorization: Bearer <key>`` with every call."""

    def make(key: str) -> Client:
        return Client(headers={"Authorization": f"Bearer {key}"})

    return make


@pytest.fixture
def police_key(area: Area, area_admin: User) -> tuple[AgencyToken, str]:
    return issue_key(area, area.police_force, name="Niche RMS", by=area_admin)


@pytest.fixture
def police_api(police_key: tuple[AgencyToken, str], api_client: Callable[[str], Client]) -> Client:
    return api_client(police_key[1])


@pytest.fixture
def housing(area: Area) -> Agency:
    return agency_of(area, AgencyKind.HOUSING)


@pytest.fixture
def housing_api(
    area: Area, area_admin: User, housing: Agency, api_client: Callable[[str], Client]
) -> Client:
    """The housing association's key in the same area: another agency."""
    return api_client(issue_key(area, housing, name="Housing CRM", by=area_admin)[1])


@pytest.fixture
def other_area_police_api(other_area: Area, api_client: Callable[[str], Client]) -> Client:
    """The police force's key... of another area (its own force)."""
    return api_client(issue_key(other_area, other_area.police_force, name="RMS", by=None)[1])


@pytest.fixture
def requested_case(area: Area, coordinator: User) -> Case:
    """A case with information requested today from every relevant body, the applicant having
    stated two complaints to the police."""
    days = [dt.date(2026, 3, 2), dt.date(2026, 3, 9)]
    return gathering(
        area,
        coordinator,
        location="Fore Street, Hertford",
        complaints=[stated(area.police_force, day, summary="Shouting at night") for day in days],
    )


@pytest.fixture
def planned_case(area: Area, coordinator: User) -> Case:
    """A case whose action plan is final: one action owned by the council, one by the police."""
    return monitoring(area, coordinator, victim=another_victim("Robin Planned", 7))
