"""The repeat-victim page: the list with the rule applied, for coordinators, area
administrators and read-only members; 404 for everyone else; every access recorded."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from casereview.accounts.models import User
from casereview.areas.models import Area
from casereview.audit.models import AccessRecord
from tests.partners.duties.helpers import incident, victim_record

pytestmark = pytest.mark.usefixtures("in_march")

StaffClient = Callable[[User], Client]


@pytest.fixture
def listed(area: Area) -> None:
    record = victim_record(area, area.police_force, "Sam Victim")
    for day in (dt.date(2026, 1, 5), dt.date(2026, 2, 9), dt.date(2026, 3, 2)):
        incident(area, area.police_force, record, day)


def _url(area: Area) -> str:
    return reverse("partners:repeat-victims", kwargs={"slug": area.slug})


@pytest.mark.usefixtures("listed")
def test_a_coordinator_sees_the_people_listed_and_the_rule(
    area: Area, coordinator: User, staff_client: StaffClient
) -> None:
    page = staff_client(coordinator).get(_url(area)).content.decode()

    assert "Sam Victim" in page
    assert "Hertfordshire Constabulary" in page
    assert "2 March 2026" in page
    assert "the threshold is 3 occasions" in page
    assert "within 30 days of the behaviour" in page
    assert "on or after 16 September 2025" in page
    assert "diary sheets do not count" in page
    assert "Open a case" in page


@pytest.mark.usefixtures("listed")
def test_a_read_only_member_sees_the_list_without_the_button(
    area: Area, read_only: User, staff_client: StaffClient
) -> None:
    page = staff_client(read_only).get(_url(area)).content.decode()

    assert "Sam Victim" in page
    assert "Open a case" not in page


@pytest.mark.usefixtures("listed")
def test_every_access_is_recorded(
    area: Area, coordinator: User, area_admin: User, staff_client: StaffClient
) -> None:
    staff_client(coordinator).get(_url(area))
    staff_client(coordinator).get(_url(area))
    staff_client(area_admin).get(_url(area))

    records = AccessRecord.objects.filter(area=area, what="repeat-victim check")
    assert [r.user for r in records] == [coordinator, coordinator, area_admin]
    assert {r.path for r in records} == {_url(area)}


@pytest.mark.usefixtures("listed")
@pytest.mark.parametrize("who", ["agency_rep", "chair", "appeal_reviewer", "outsider"])
def test_people_without_an_area_role_get_404_and_see_nothing(
    who: str, area: Area, staff_client: StaffClient, request: pytest.FixtureRequest
) -> None:
    client = staff_client(request.getfixturevalue(who))

    assert client.get(_url(area)).status_code == 404
    assert client.post(_url(area), {"person": "1"}).status_code == 404
    assert not AccessRecord.objects.filter(area=area).exists()


def test_an_unknown_area_is_404(coordinator: User, staff_client: StaffClient) -> None:
    url = reverse("partners:repeat-victims", kwargs={"slug": "nowhere"})

    assert staff_client(coordinator).get(url).status_code == 404


def test_signed_out_visitors_are_sent_to_sign_in(area: Area, client: Client) -> None:
    response = client.get(_url(area))

    assert response.status_code == 302
    assert "next=" in response["Location"]
