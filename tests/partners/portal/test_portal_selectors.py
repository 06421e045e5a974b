"""The portal's selectors keep exactly what the representative's agency is part of: its
requests, its panel seats and its actions on final plans, in the areas where it is represented;
never another agency's, never another area's."""

from __future__ import annotations

import pytest

from casereview.accounts.models import Role
from casereview.areas.models import AgencyKind
from casereview.partners.models import InformationRequest
from casereview.partners.portal import selectors
from casereview.reviews.models import Action, PanelMember
from tests.cases.helpers import agency_of, gathering, request_to, victim
from tests.factories import make_user
from tests.partners.portal.helpers import police_on_panel, police_seat
from tests.reviews.helpers import consulting, monitoring

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_march")]


def test_requests_are_those_to_the_representatives_agency_in_its_area(
    area, other_area, coordinator, agency_rep
):
    case = gathering(area, coordinator)
    other_coordinator = make_user("c@other.test", Role.COORDINATOR, other_area)
    gathering(other_area, other_coordinator, victim=victim("Other Victim", email="", phone=""))

    found = list(selectors.requests_for(agency_rep))

    assert found == [request_to(case, AgencyKind.POLICE)]
    # Five relevant bodies asked in the area, two in the other: one of them is the rep's.
    assert InformationRequest.objects.count() == 7


def test_a_request_to_another_agency_is_not_found(area, coordinator, agency_rep):
    case = gathering(area, coordinator)
    housing = request_to(case, AgencyKind.HOUSING)

    assert selectors.request_for(agency_rep, housing.pk) is None
    assert selectors.request_for(agency_rep, request_to(case).pk) is not None


def test_the_same_agency_in_another_area_sees_nothing_there(area, other_area, coordinator):
    # Someone who represents the police in another area only: the police is asked in ``area``.
    gathering(area, coordinator)
    elsewhere = make_user(
        "rep@elsewhere.test", Role.AGENCY_REPRESENTATIVE, other_area, agency=area.police_force
    )

    assert list(selectors.requests_for(elsewhere)) == []


def test_a_request_carries_its_due_date_and_whether_it_is_answered(area, coordinator, agency_rep):
    case = gathering(area, coordinator)

    row = selectors.requests_for(agency_rep).get()

    deadline = case.deadlines.get(information_request=request_to(case))
    assert getattr(row, "due_on") == deadline.due_on  # noqa: B009 (annotated)
    assert getattr(row, "answered") is False  # noqa: B009 (annotated)


def test_seats_are_those_of_the_representatives_agency(area, coordinator, agency_rep):
    case = police_on_panel(area, coordinator)

    seats = list(selectors.panel_seats_for(agency_rep))

    assert seats == [police_seat(case)]
    assert PanelMember.objects.filter(meeting__case=case).count() > 1
    housing = PanelMember.objects.get(
        meeting__case=case, agency=agency_of(area, AgencyKind.HOUSING)
    )
    assert selectors.seat_for(agency_rep, housing.pk) is None


def test_actions_are_the_agencys_own_on_final_plans(area, coordinator, agency_rep):
    case = monitoring(area, coordinator)

    actions = list(selectors.actions_for(agency_rep))

    assert [a.owner for a in actions] == [area.police_force]
    assert Action.objects.filter(meeting__case=case).count() == 2


def test_actions_of_a_plan_not_yet_final_are_not_listed(area, coordinator, agency_rep):
    consulting(area, coordinator)

    assert list(selectors.actions_for(agency_rep)) == []


def test_people_of_area_roles_represent_no_agency(area, coordinator):
    gathering(area, coordinator)

    assert not selectors.represents_any_agency(coordinator)
    assert list(selectors.requests_for(coordinator)) == []
    assert list(selectors.panel_seats_for(coordinator)) == []
