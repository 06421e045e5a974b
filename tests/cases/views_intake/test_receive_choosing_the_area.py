"""Someone who coordinates several areas first chooses the area; someone with one area is not
asked."""

from __future__ import annotations

from casereview.accounts.models import Membership, Role
from casereview.cases.models import Case
from tests.cases.views_intake.conftest import RECEIVE_URL, application, text_of


def coordinating_both(coordinator, other_area):
    Membership.objects.create(user=coordinator, role=Role.COORDINATOR, area=other_area)


def test_a_coordinator_of_several_areas_chooses_one_first(
    staff_client, coordinator, area, other_area
):
    coordinating_both(coordinator, other_area)

    response = staff_client(coordinator).get(RECEIVE_URL)

    assert response.status_code == 200
    page = text_of(response)
    assert "Which area is the application for?" in page
    assert f'<option value="{area.gss_code}">East Hertfordshire</option>' in page
    assert f'<option value="{other_area.gss_code}">Otherborough</option>' in page


def test_the_chosen_area_receives_the_application(staff_client, coordinator, area, other_area):
    coordinating_both(coordinator, other_area)
    client = staff_client(coordinator)
    url = f"{RECEIVE_URL}?area={other_area.gss_code}"

    page = client.get(url)
    response = client.post(url, application())

    assert page.context_data["area"] == other_area
    assert "Change the area" in text_of(page)
    assert response.status_code == 302
    assert Case.objects.get().area == other_area


def test_an_area_that_is_not_theirs_is_an_error(staff_client, coordinator, area, other_area):
    coordinating_both(coordinator, other_area)

    response = staff_client(coordinator).get(RECEIVE_URL, {"area": "W06000999"})

    assert response.status_code == 200
    assert response.context_data["form"].errors["area"] == ["Choose one of your areas"]
