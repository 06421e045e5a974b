"""The matching pages exist only for members of the area with an area role: agency
representatives and other areas' staff get a 404, as for a match that does not exist."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from casereview.accounts.models import User
from casereview.areas.models import Area
from casereview.partners.models import LinkStatus
from tests.partners.matching.pages import incident_url, list_url, proposed_matches, victim_url

pytestmark = pytest.mark.usefixtures("in_march")

StaffClient = Callable[[User], Client]


@pytest.mark.parametrize("who", ["agency_rep", "outsider", "chair"])
def test_people_without_an_area_role_get_not_found_everywhere(
    who: str, area: Area, staff_client: StaffClient, request: pytest.FixtureRequest
) -> None:
    person: User = request.getfixturevalue(who)
    incidents, victims = proposed_matches(area)
    client = staff_client(person)

    answers = [
        client.get(list_url(area)).status_code,
        client.get(incident_url(area, incidents)).status_code,
        client.get(victim_url(area, victims)).status_code,
        client.post(incident_url(area, incidents), {"decision": "confirm"}).status_code,
    ]

    assert answers == [404, 404, 404, 404]
    incidents.refresh_from_db()
    assert incidents.status == LinkStatus.PROPOSED


def test_a_match_of_another_area_is_not_found_through_this_area(
    area: Area, other_area: Area, outsider: User, staff_client: StaffClient
) -> None:
    incidents, _victims = proposed_matches(area)
    through_other = reverse(
        "partners:incident-match", kwargs={"slug": other_area.slug, "link_id": incidents.pk}
    )

    assert staff_client(outsider).get(through_other).status_code == 404


def test_unknown_matches_and_unknown_areas_are_not_found(
    area: Area, coordinator: User, staff_client: StaffClient
) -> None:
    incidents, victims = proposed_matches(area)
    client = staff_client(coordinator)
    unknown = max(incidents.pk, victims.pk) + 1
    wrong_kind = reverse("partners:victim-match", kwargs={"slug": area.slug, "link_id": unknown})

    assert client.get(wrong_kind).status_code == 404
    assert client.get(reverse("partners:matches", kwargs={"slug": "nowhere"})).status_code == 404


def test_signed_out_visitors_are_sent_to_sign_in(area: Area, client: Client) -> None:
    response = client.get(list_url(area))

    assert response.status_code == 302
    assert "sign-in" in response["Location"] or "login" in response["Location"]
