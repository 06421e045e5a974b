"""Every step page: a read-only member of the area is refused (403) and a coordinator of another
area is told the case does not exist (404), for GET and POST alike, and nothing changes."""

from __future__ import annotations

import pytest
from django.test import Client

from casereview.accounts.models import User
from casereview.areas.models import Area
from casereview.cases.models import Case
from tests.cases.helpers import gathering, victim
from tests.cases.views.pages import step_url

pytestmark = pytest.mark.usefixtures("in_march")

STEP_PAGES = [
    "acknowledge",
    "assign-spoc",
    "add-complaint",
    "request-information",
    "record-response",
    "victim-contact",
    "withdraw",
    "close",
]


def _url(name: str, case: Case) -> str:
    extra = {}
    if name == "record-response":
        request = case.information_requests.first()
        assert request is not None
        extra["request_id"] = request.pk
    return step_url(name, case, **extra)


@pytest.mark.parametrize("name", STEP_PAGES)
@pytest.mark.parametrize("method", ["get", "post"])
def test_a_read_only_member_is_refused_every_step_page(
    name: str, method: str, area: Area, coordinator: User, read_only_client: Client
) -> None:
    case = gathering(area, coordinator)
    events = case.events.count()

    response = getattr(read_only_client, method)(_url(name, case), {"reason": "Because"})

    assert response.status_code == 403
    assert case.events.count() == events


@pytest.mark.parametrize("name", STEP_PAGES)
@pytest.mark.parametrize("method", ["get", "post"])
def test_a_coordinator_of_another_area_gets_not_found_on_every_step_page(
    name: str, method: str, area: Area, coordinator: User, outsider_client: Client
) -> None:
    case = gathering(area, coordinator)
    events = case.events.count()

    response = getattr(outsider_client, method)(_url(name, case), {"reason": "Because"})

    assert response.status_code == 404
    assert case.events.count() == events


def test_a_response_page_for_another_cases_request_is_not_found(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    case = gathering(area, coordinator)
    other = gathering(
        area,
        coordinator,
        victim=victim(
            "Another Person", email="another@example.test", phone="07700 900999", postcode="SG1 1AA"
        ),
    )
    foreign_request = other.information_requests.first()
    assert foreign_request is not None

    response = coordinator_client.get(
        step_url("record-response", case, request_id=foreign_request.pk)
    )

    assert response.status_code == 404
