"""Shared fixtures: an area on the service, and the named cast of users, one per role.

    def test_coordinator_sees_the_case(staff_client, coordinator, area): ...

``staff_client(user)`` returns a test client signed in as ``user`` with two-factor already
satisfied, as if they had entered a code from their authenticator app.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator

import pytest
import time_machine
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from casereview.accounts.models import Role, User
from casereview.areas.models import Agency, AgencyKind, Area
from tests.cases.helpers import at
from tests.factories import add_agency, make_agency, make_area, make_policy, make_user

# A real SMTP server on loopback (the `smtp_server` fixture); migrations run inside a test (the
# `migrations` fixture).
pytest_plugins = ["tests.smtp", "tests.migrations"]


@pytest.fixture
def usual_gc_thresholds() -> Iterator[None]:
    """CPython's default collector thresholds for the test, and whatever they were after it."""
    found = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    yield
    gc.set_threshold(*found)


@pytest.fixture
def area(db: None) -> Area:
    """East Hertfordshire on the service, with the reference procedure as policy version 1 and
    the relevant bodies a panel draws on (council, county council, police, health, housing)."""
    police = make_agency("Hertfordshire Constabulary", AgencyKind.POLICE, code="hertfordshire")
    county = make_agency(
        "Hertfordshire County Council", AgencyKind.COUNTY_COUNCIL, code="council-e10000015"
    )
    east_herts = make_area(
        "East Hertfordshire",
        gss_code="E07000242",
        la_code="EHE",
        slug="east-hertfordshire",
        official_name="East Hertfordshire District Council",
        police_force=police,
        county_council=county,
        contact_email="community.safety@eastherts.gov.uk",
        contact_phone="01279 655261",
    )
    add_agency(east_herts, county)
    add_agency(
        east_herts,
        make_agency("Hertfordshire and West Essex Integrated Care Board", AgencyKind.HEALTH),
    )
    add_agency(east_herts, make_agency("Demo Housing Association", AgencyKind.HOUSING))
    make_policy(east_herts)
    return east_herts


@pytest.fixture
def other_area(db: None) -> Area:
    """A second area on the service, which the cast of ``area`` has no part in."""
    other = make_area("Otherborough")
    make_policy(other)
    return other


@pytest.fixture
def police(area: Area) -> Agency:
    return area.police_force


@pytest.fixture
def coordinator(area: Area) -> User:
    return make_user("coordinator@eastherts.test", Role.COORDINATOR, area, full_name="Casey Coord")


@pytest.fixture
def area_admin(area: Area) -> User:
    return make_user("admin@eastherts.test", Role.AREA_ADMINISTRATOR, area, full_name="Alex Admin")


@pytest.fixture
def agency_rep(area: Area) -> User:
    """Represents the area's police force."""
    return make_user(
        "officer@police.test",
        Role.AGENCY_REPRESENTATIVE,
        area,
        agency=area.police_force,
        full_name="Pat Officer",
    )


@pytest.fixture
def chair(area: Area) -> User:
    return make_user("chair@eastherts.test", Role.CHAIR, area, full_name="Chris Chair")


@pytest.fixture
def appeal_reviewer(area: Area) -> User:
    return make_user(
        "reviewer@eastherts.test", Role.APPEAL_REVIEWER, area, full_name="Robin Reviewer"
    )


@pytest.fixture
def read_only(area: Area) -> User:
    return make_user("reader@eastherts.test", Role.READ_ONLY, area, full_name="Riley Reader")


@pytest.fixture
def outsider(other_area: Area) -> User:
    """A coordinator of another area: signed in, verified, and entitled to nothing in ``area``."""
    return make_user(
        "coordinator@otherborough.test", Role.COORDINATOR, other_area, full_name="Olly Outsider"
    )


def sign_in_verified(client: Client, user: User) -> Client:
    """Sign ``client`` in as ``user`` with two-factor satisfied by a confirmed TOTP device."""
    device, _ = TOTPDevice.objects.get_or_create(
        user=user, confirmed=True, defaults={"name": "Test authenticator"}
    )
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


@pytest.fixture
def staff_client(db: None) -> Callable[[User], Client]:
    """``staff_client(user)``: a new client signed in as ``user``, two-factor done."""

    def make(user: User) -> Client:
        return sign_in_verified(Client(), user)

    return make


# Time frozen on a known working day (the case workflow, reviews and appeals).


@pytest.fixture
def before_christmas() -> Iterator[None]:
    """Monday 21 December 2026, 10am: Christmas Day (Friday) and the Boxing Day substitute
    (Monday 28th) and New Year's Day (Friday 1 January 2027) lie ahead."""
    with time_machine.travel(at(2026, 12, 21), tick=False):
        yield


@pytest.fixture
def in_march() -> Iterator[None]:
    """Monday 16 March 2026, 10am: an ordinary working day."""
    with time_machine.travel(at(2026, 3, 16), tick=False):
        yield
