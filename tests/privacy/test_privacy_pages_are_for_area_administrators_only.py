"""Only area administrators reach the privacy pages, and only their own areas' records: other
staff get 403, and another area's record or erasure request is 404, as if it did not exist."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from casereview.accounts.models import Role, User
from casereview.areas.models import Area
from casereview.privacy.models import ErasureDecision, ErasureRequest
from tests.cases.helpers import receive
from tests.factories import make_user
from tests.privacy.helpers import PERSON, the_person

PAGES = ["/staff/privacy/", "/staff/privacy/people/"]


@pytest.mark.parametrize("page", PAGES)
def test_an_administrator_sees_the_page(
    area_admin: User, staff_client: Callable[[User], Client], page: str
) -> None:
    assert staff_client(area_admin).get(page).status_code == 200


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("who", ["coordinator", "read_only", "chair", "agency_rep", "outsider"])
def test_other_staff_are_refused(
    request: pytest.FixtureRequest, staff_client: Callable[[User], Client], page: str, who: str
) -> None:
    user: User = request.getfixturevalue(who)
    assert staff_client(user).get(page).status_code == 403


def test_an_anonymous_visitor_is_sent_to_sign_in(client: Client, area: Area) -> None:
    response = client.get("/staff/privacy/")
    assert response.status_code == 302
    assert "next=" in response["Location"]


def test_another_areas_person_is_not_found_and_their_record_is_404(
    in_march: None,
    area: Area,
    other_area: Area,
    coordinator: User,
    staff_client: Callable[[User], Client],
) -> None:
    case = receive(area, coordinator, victim=the_person())
    other_admin = make_user("admin@other.test", Role.AREA_ADMINISTRATOR, other_area)
    client = staff_client(other_admin)

    page = client.get("/staff/privacy/people/", {"email": PERSON["email"]})
    assert (page.context_data or {})["matches"] == []
    export = client.post(
        "/staff/privacy/people/export/", {"records": [f"case-victim:{case.pk}"], "format": "json"}
    )
    assert export.status_code == 404
    erase = client.post("/staff/privacy/people/erase/", {"records": [f"case-victim:{case.pk}"]})
    assert erase.status_code == 404


def test_another_areas_erasure_request_is_404(
    area: Area, other_area: Area, area_admin: User, staff_client: Callable[[User], Client]
) -> None:
    theirs = ErasureRequest.objects.create(
        area=other_area, requested_by=area_admin, decision=ErasureDecision.REFUSED
    )
    other_admin = make_user("admin@other.test", Role.AREA_ADMINISTRATOR, other_area)
    assert staff_client(area_admin).get(f"/staff/privacy/erasures/{theirs.pk}/").status_code == 404
    assert staff_client(other_admin).get(f"/staff/privacy/erasures/{theirs.pk}/").status_code == 200
