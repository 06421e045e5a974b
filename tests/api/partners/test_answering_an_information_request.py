"""An agency's system answers an information request: its records confirm the applicant's
complaints or add new ones, and the case's history says it came through the API."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.test import Client

from casereview.accounts.models import User
from casereview.cases.models import Case, ComplaintSource
from casereview.cases.services import case_withdraw
from casereview.partners.models import AgencyToken, InformationResponse
from tests.cases.helpers import request_to


def answer(api: Client, request_id: int, body: dict[str, Any]) -> Any:
    return api.post(
        f"/api/v1/information-requests/{request_id}/responses",
        body,
        content_type="application/json",
    )


def test_the_answer_confirms_a_stated_complaint_and_adds_another(
    police_api: Client, requested_case: Case
) -> None:
    request = request_to(requested_case)
    stated = police_api.get(f"/api/v1/information-requests/{request.pk}").json()["complaints"]

    response = answer(
        police_api,
        request.pk,
        {
            "incidents": [
                {
                    "behaviour_on": "2026-03-02",
                    "reported_on": "2026-03-03",
                    "agency_reference": "HC-1",
                    "summary": "Officers attended.",
                    "confirms": stated[0]["id"],
                },
                {
                    "behaviour_on": "2026-03-12",
                    "reported_on": "2026-03-12",
                    "agency_reference": "HC-2",
                },
            ],
            "actions_taken": "Warning letter sent.",
            "documents": "Officer's notes.",
        },
    )

    assert response.status_code == 201
    body = response.json()
    assert body["received_on"] == "2026-03-16"
    assert body["actions_taken"] == "Warning letter sent."
    confirmed = requested_case.complaints.filter(source=ComplaintSource.CONFIRMED_BY_AGENCY)
    assert sorted(body["complaints"]) == sorted(c.pk for c in confirmed)
    assert sorted(confirmed.values_list("agency_reference", flat=True)) == ["HC-1", "HC-2"]
    assert confirmed.get(agency_reference="HC-1").pk == stated[0]["id"]
    detail = police_api.get(f"/api/v1/information-requests/{request.pk}").json()
    assert detail["answered"] is True
    assert [c["id"] for c in detail["complaints"]] == [stated[1]["id"]]


def test_the_answer_is_recorded_as_the_agencys_through_the_api(
    police_api: Client, police_key: tuple[AgencyToken, str], requested_case: Case
) -> None:
    answer(police_api, request_to(requested_case).pk, {"actions_taken": "Nothing held."})

    event = requested_case.events.get(step="record_response")
    assert event.by is None
    assert event.data["via_api"] == {
        "agency": "hertfordshire",
        "agency_name": "Hertfordshire Constabulary",
        "key": police_key[0].prefix,
    }


def test_the_case_history_says_the_agency_answered_through_the_api(
    police_api: Client,
    requested_case: Case,
    coordinator: User,
    staff_client: Callable[[User], Client],
) -> None:
    answer(police_api, request_to(requested_case).pk, {"actions_taken": "Nothing held."})

    page = staff_client(coordinator).get(f"/staff/cases/{requested_case.reference}/")

    assert "Hertfordshire Constabulary, through the API" in page.content.decode()


def test_a_complaint_that_is_not_the_requests_is_refused_and_nothing_recorded(
    police_api: Client, requested_case: Case
) -> None:
    request = request_to(requested_case)

    response = answer(
        police_api,
        request.pk,
        {
            "incidents": [
                {
                    "behaviour_on": "2026-03-02",
                    "reported_on": "2026-03-03",
                    "agency_reference": "HC-9",
                    "confirms": 987654,
                }
            ],
            "exemption_relied_on": "third_party",
        },
    )

    assert response.status_code == 422
    errors = response.json()["errors"]
    assert [(e["field"], e["record"]) for e in errors] == [
        ("incidents.0.confirms", "HC-9"),
        ("exemption_reason", None),
    ]
    assert not InformationResponse.objects.exists()


def test_the_services_own_checks_come_back_naming_the_field(
    police_api: Client, requested_case: Case
) -> None:
    response = answer(
        police_api,
        request_to(requested_case).pk,
        {"incidents": [{"behaviour_on": "2026-03-10", "reported_on": "2026-03-09"}]},
    )

    assert response.status_code == 422
    (error,) = response.json()["errors"]
    assert error["field"] == "incidents"
    assert "Incident 1" in error["message"]
    assert "before the behaviour" in error["message"]
    assert not InformationResponse.objects.exists()


def test_a_withdrawn_case_takes_no_answer(
    police_api: Client, requested_case: Case, coordinator: User
) -> None:
    case_withdraw(requested_case, by=coordinator, reason="The victim moved away.")

    response = answer(police_api, request_to(requested_case).pk, {"actions_taken": "None."})

    assert response.status_code == 409
    (error,) = response.json()["errors"]
    assert error["field"] == "request"
    assert "withdrawn" in error["message"].lower()
    assert not InformationResponse.objects.exists()
