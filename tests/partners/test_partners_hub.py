"""The partners hub leads each person to their own part: an area's staff to its matches,
second reports, repeat-victim check and imports (administrators also to its API keys), an
agency representative to their agency's portal; the counts are of their own areas only."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from casereview.accounts.models import Role, User
from casereview.areas.models import Area
from tests.cases.views.pages import main_text
from tests.factories import make_user
from tests.partners.matching.helpers import NOISE_HOUSING, NOISE_POLICE, housing, one_incident

pytestmark = pytest.mark.django_db

HUB = "/staff/partners/"


def test_the_hub_is_in_the_staff_navigation(
    coordinator: User, staff_client: Callable[[User], Client]
) -> None:
    page = staff_client(coordinator).get(reverse("cases:dashboard"))

    assert f'href="{HUB}"' in page.content.decode()


def test_a_coordinator_sees_what_waits_in_their_area(
    area: Area, coordinator: User, staff_client: Callable[[User], Client], in_march: None
) -> None:
    one_incident(area, area.police_force, "P-1", **NOISE_POLICE)
    one_incident(area, housing(area), "H-1", **NOISE_HOUSING)

    page = staff_client(coordinator).get(HUB)

    assert page.status_code == 200
    text = main_text(page)
    assert area.name in text
    assert "1 waits for a decision" in text
    html = page.content.decode()
    assert reverse("partners:matches", kwargs={"slug": area.slug}) in html
    assert reverse("partners:repeat-victims", kwargs={"slug": area.slug}) in html
    assert reverse("partners:second-reports", kwargs={"slug": area.slug}) in html
    assert reverse("partners:imports", kwargs={"slug": area.slug}) in html
    assert reverse("partners:api-keys", kwargs={"slug": area.slug}) not in html


def test_an_area_administrator_also_finds_the_api_keys(
    area: Area, area_admin: User, staff_client: Callable[[User], Client]
) -> None:
    html = staff_client(area_admin).get(HUB).content.decode()

    assert reverse("partners:api-keys", kwargs={"slug": area.slug}) in html


def test_an_agency_representative_is_led_to_the_portal_and_sees_no_area_data(
    area: Area, agency_rep: User, staff_client: Callable[[User], Client]
) -> None:
    page = staff_client(agency_rep).get(HUB)

    html = page.content.decode()
    assert reverse("partners:portal") in html
    assert area.police_force.name in main_text(page)
    assert reverse("partners:matches", kwargs={"slug": area.slug}) not in html


def test_another_area_s_staff_see_none_of_this_area(
    area: Area, other_area: Area, staff_client: Callable[[User], Client]
) -> None:
    stranger = make_user("coord@other.test", Role.COORDINATOR, other_area)

    page = staff_client(stranger).get(HUB)

    assert other_area.name in main_text(page)
    assert area.name not in main_text(page)
