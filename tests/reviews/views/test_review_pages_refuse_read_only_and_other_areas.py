"""Every review step page: a read-only member of the area is refused (403) and a coordinator of
another area is told the case does not exist (404), for GET and POST alike, and nothing
changes; a step the case's status does not allow goes back to the case page with the reason."""

from __future__ import annotations

import pytest
from django.test import Client

from casereview.accounts.models import User
from casereview.areas.models import Area
from casereview.cases.models import Case
from tests.cases.views.pages import main_text
from tests.reviews.helpers import held
from tests.reviews.views.pages import review_url

STEP_PAGES = [
    "voice",
    "schedule",
    "record",
    "outcome",
    "minutes",
    "comment",
    "finalise",
    "action",
    "lead-agency",
]


def _url(name: str, case: Case) -> str:
    if name == "action":
        action = case.meetings.get().actions.first()
        assert action is not None
        return review_url(name, case, action_id=action.pk)
    return review_url(name, case)


@pytest.mark.parametrize("name", STEP_PAGES)
@pytest.mark.parametrize("method", ["get", "post"])
def test_a_read_only_member_is_refused_every_review_page(
    name: str, method: str, area: Area, coordinator: User, read_only_client: Client
) -> None:
    case = held(area, coordinator)
    events = case.events.count()

    response = getattr(read_only_client, method)(_url(name, case), {"reason": "Because"})

    assert response.status_code == 403
    assert case.events.count() == events


@pytest.mark.parametrize("name", STEP_PAGES)
@pytest.mark.parametrize("method", ["get", "post"])
def test_a_coordinator_of_another_area_gets_not_found_on_every_review_page(
    name: str, method: str, area: Area, coordinator: User, outsider_client: Client
) -> None:
    case = held(area, coordinator)
    events = case.events.count()

    response = getattr(outsider_client, method)(_url(name, case), {"reason": "Because"})

    assert response.status_code == 404
    assert case.events.count() == events


def test_a_coordinator_of_another_area_cannot_download_the_statement(
    area: Area, coordinator: User, outsider_client: Client
) -> None:
    case = held(area, coordinator, choice="impact_statement")

    response = outsider_client.get(review_url("statement", case))

    assert response.status_code == 404


def test_a_step_the_status_does_not_allow_goes_back_to_the_case_with_the_reason(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    case = held(area, coordinator)

    response = coordinator_client.get(review_url("voice", case), follow=True)

    assert response.redirect_chain[-1][0].endswith(f"/staff/cases/{case.reference}/")
    assert "cannot have the victim's choice for the review meeting recorded." in main_text(response)
