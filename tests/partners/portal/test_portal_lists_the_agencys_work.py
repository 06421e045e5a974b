"""The portal's page lists the representative's agency's requests, panels and actions, and
nothing of another agency or another area; someone who represents several agencies sees one
section per agency."""

from __future__ import annotations

import pytest

from casereview.accounts.models import Membership, Role
from casereview.areas.models import AgencyKind
from casereview.partners.models import InformationRequest
from tests.cases.helpers import agency_of, gathering, request_to, victim
from tests.factories import make_user
from tests.partners.portal.helpers import police_on_panel
from tests.reviews.helpers import HIDDEN_ACTION, monitoring

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_march")]

PORTAL = "/staff/partners/agency/"


def test_the_portal_lists_the_agencys_request_seat_and_action(
    area, coordinator, agency_rep, staff_client
):
    asked = gathering(area, coordinator, victim=victim("Asked Victim", email="", phone=""))
    seated = police_on_panel(area, coordinator, victim=victim("Seat Victim", email="", phone=""))
    acting = monitoring(area, coordinator)

    page = staff_client(agency_rep).get(PORTAL)

    assert page.status_code == 200
    html = page.content.decode()
    assert asked.reference in html
    assert f"/staff/partners/agency/requests/{request_to(asked).pk}/" in html
    assert seated.reference in html
    assert HIDDEN_ACTION in html  # the police's own action, shown to the police
    assert "/review/actions/" in html
    assert acting.reference in html
    assert "Install noise monitoring equipment" not in html  # the council's action


def test_another_agencys_request_is_not_listed(area, coordinator, staff_client):
    case = gathering(area, coordinator)
    housing = agency_of(area, AgencyKind.HOUSING)
    rep = make_user("rep@housing.test", Role.AGENCY_REPRESENTATIVE, area, agency=housing)

    html = staff_client(rep).get(PORTAL).content.decode()

    assert f"/requests/{request_to(case, AgencyKind.HOUSING).pk}/" in html
    assert f"/requests/{request_to(case, AgencyKind.POLICE).pk}/" not in html


def test_another_areas_request_is_not_listed(area, other_area, agency_rep, staff_client):
    other_coordinator = make_user("c@other.test", Role.COORDINATOR, other_area)
    other = gathering(other_area, other_coordinator)

    html = staff_client(agency_rep).get(PORTAL).content.decode()

    assert InformationRequest.objects.filter(case=other).exists()
    assert other.reference not in html
    assert "No information requests." in html


def test_a_representative_of_two_agencies_sees_a_section_for_each(
    area, coordinator, agency_rep, staff_client
):
    case = gathering(area, coordinator)
    housing = agency_of(area, AgencyKind.HOUSING)
    Membership.objects.create(
        user=agency_rep, role=Role.AGENCY_REPRESENTATIVE, area=area, agency=housing
    )

    html = staff_client(agency_rep).get(PORTAL).content.decode()

    assert html.count('<h2 class="govuk-heading-l">') == 2
    assert housing.name in html
    assert area.police_force.name in html
    assert f"/requests/{request_to(case, AgencyKind.HOUSING).pk}/" in html
    assert f"/requests/{request_to(case, AgencyKind.POLICE).pk}/" in html


def test_someone_who_represents_no_agency_is_told_the_portal_is_not_for_them(
    coordinator, staff_client
):
    page = staff_client(coordinator).get(PORTAL)

    assert page.status_code == 403
    assert "for agency representatives" in page.content.decode()
