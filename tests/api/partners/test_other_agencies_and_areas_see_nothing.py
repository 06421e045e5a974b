"""A key sees its own agency's data in its own area: any other id is 404, lists are empty."""

from __future__ import annotations

from typing import Any

from django.test import Client

from casereview.areas.models import AgencyKind
from casereview.audit.models import AccessRecord
from casereview.cases.models import Case
from casereview.reviews.models import Action
from tests.cases.helpers import request_to


def assert_not_found(response: Any, field: str) -> None:
    assert response.status_code == 404
    (error,) = response.json()["errors"]
    assert error["field"] == field


def test_another_agency_cannot_read_or_answer_the_polices_request(
    housing_api: Client, requested_case: Case
) -> None:
    police_request = request_to(requested_case, AgencyKind.POLICE)

    assert_not_found(
        housing_api.get(f"/api/v1/information-requests/{police_request.pk}"), "request_id"
    )
    assert_not_found(
        housing_api.post(
            f"/api/v1/information-requests/{police_request.pk}/responses",
            {"actions_taken": "Nothing"},
            content_type="application/json",
        ),
        "request_id",
    )
    listed = housing_api.get("/api/v1/information-requests").json()["items"]
    assert [item["id"] for item in listed] == [request_to(requested_case, AgencyKind.HOUSING).pk]
    assert not AccessRecord.objects.exists()


def test_the_same_force_in_another_area_sees_nothing_of_this_area(
    other_area_police_api: Client, requested_case: Case, planned_case: Case
) -> None:
    police_request = request_to(requested_case)
    police_action = Action.objects.get(meeting__case=planned_case, owner__kind=AgencyKind.POLICE)

    assert_not_found(
        other_area_police_api.get(f"/api/v1/information-requests/{police_request.pk}"),
        "request_id",
    )
    assert_not_found(other_area_police_api.get(f"/api/v1/actions/{police_action.pk}"), "action_id")
    assert_not_found(
        other_area_police_api.patch(
            f"/api/v1/actions/{police_action.pk}",
            {"status": "in_progress"},
            content_type="application/json",
        ),
        "action_id",
    )
    assert other_area_police_api.get("/api/v1/information-requests").json()["count"] == 0
    assert other_area_police_api.get("/api/v1/actions").json()["count"] == 0


def test_an_action_of_another_agency_is_not_found(police_api: Client, planned_case: Case) -> None:
    council_action = Action.objects.get(meeting__case=planned_case, owner__kind=AgencyKind.COUNCIL)

    assert_not_found(police_api.get(f"/api/v1/actions/{council_action.pk}"), "action_id")
    listed = police_api.get("/api/v1/actions").json()["items"]
    assert council_action.pk not in [item["id"] for item in listed]


def test_an_id_that_does_not_exist_is_not_found(police_api: Client) -> None:
    assert_not_found(police_api.get("/api/v1/information-requests/987654"), "request_id")
    assert_not_found(police_api.get("/api/v1/actions/987654"), "action_id")
