"""Filtering the dashboard: whose cases, status, single point of contact and area."""

from __future__ import annotations

import pytest
from django.test import Client

from casereview.accounts.models import Membership, Role, User
from casereview.areas.models import Area
from casereview.cases.services import case_assign_spoc, case_withdraw
from tests.cases.helpers import receive
from tests.cases.views.pages import dashboard_url, main_text, someone
from tests.factories import make_user

pytestmark = pytest.mark.usefixtures("in_march")


def _table(client: Client, **query: str) -> str:
    text = main_text(client.get(dashboard_url(**query)))
    return text[text.find("Next deadline") :] if "Next deadline" in text else ""


def test_my_cases_are_those_where_i_am_the_single_point_of_contact(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    mine = case_assign_spoc(
        receive(area, coordinator, victim=someone(1)), by=coordinator, spoc=coordinator
    )
    not_mine = receive(area, coordinator, victim=someone(2))

    default = main_text(coordinator_client.get(dashboard_url()))
    everything = _table(coordinator_client, show="all")

    assert default.startswith("My cases")
    assert mine.reference in default
    assert not_mine.reference not in default[default.find("Next deadline") :]
    assert mine.reference in everything
    assert not_mine.reference in everything


def test_someone_with_no_cases_of_their_own_starts_on_all_cases(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    case = receive(area, coordinator)

    text = main_text(coordinator_client.get(dashboard_url()))

    assert text.startswith("All cases in my areas")
    assert case.reference in text


def test_ended_cases_are_hidden_until_asked_for(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    open_case = receive(area, coordinator, victim=someone(1))
    withdrawn = case_withdraw(
        receive(area, coordinator, victim=someone(2)), by=coordinator, reason="Moved"
    )

    default = _table(coordinator_client, show="all")
    only_withdrawn = _table(coordinator_client, show="all", status="withdrawn")
    any_status = _table(coordinator_client, show="all", status="any")

    assert open_case.reference in default
    assert withdrawn.reference not in default
    assert withdrawn.reference in only_withdrawn
    assert open_case.reference not in only_withdrawn
    assert open_case.reference in any_status
    assert withdrawn.reference in any_status


def test_filtering_by_single_point_of_contact_and_by_nobody_yet(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    colleague = make_user("col@eastherts.test", Role.COORDINATOR, area, full_name="Col League")
    theirs = case_assign_spoc(
        receive(area, coordinator, victim=someone(1)), by=coordinator, spoc=colleague
    )
    nobodys = receive(area, coordinator, victim=someone(2))

    by_colleague = _table(coordinator_client, show="all", spoc=str(colleague.pk))
    unassigned = _table(coordinator_client, show="all", spoc="none")

    assert theirs.reference in by_colleague
    assert nobodys.reference not in by_colleague
    assert nobodys.reference in unassigned
    assert theirs.reference not in unassigned


def test_someone_in_two_areas_can_filter_by_area(
    area: Area, other_area: Area, coordinator: User, outsider: User, staff_client: object
) -> None:
    Membership.objects.create(user=coordinator, area=other_area, role=Role.COORDINATOR)
    here = receive(area, coordinator, victim=someone(1))
    there = receive(other_area, outsider, victim=someone(2))
    client = staff_client(coordinator)  # type: ignore[operator]

    both = _table(client, show="all")
    only_there = _table(client, show="all", area=str(other_area.pk))

    assert here.reference in both
    assert there.reference in both
    assert "Otherborough" in both  # the area column appears for people in several areas
    assert there.reference in only_there
    assert here.reference not in only_there
