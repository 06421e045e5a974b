"""POST /api/v1/threshold-check: the threshold-check contract over HTTP."""

import json

import pytest
from django.test import Client

from casereview.rules import LocalPolicy
from tests.api.factories import area_with_policy

URL = "/api/v1/threshold-check"


def body(**overrides):
    data = {
        "application_date": "2026-03-01",
        "complaints": [
            {
                "id": "c1",
                "behaviour_date": "2026-01-05",
                "reported_date": "2026-01-06",
                "agency": "police",
            },
            {
                "id": "c2",
                "behaviour_date": "2026-01-12",
                "reported_date": "2026-02-12",
                "agency": "council",
            },
            {
                "id": "c3",
                "behaviour_date": "2026-01-19",
                "reported_date": "2026-01-20",
                "agency": "housing",
                "kind": "diary_sheet",
            },
        ],
    }
    data.update(overrides)
    return data


def post(client, data):
    payload = data if isinstance(data, str | bytes) else json.dumps(data)
    return client.post(URL, payload, content_type="application/json")


def test_the_threshold_check_answers_with_the_contract_output(client):
    response = post(client, body())
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    output = response.json()
    assert output["threshold_met"] is True
    assert output["qualifying_count"] == 3
    assert [c["id"] for c in output["complaints"]] == ["c1", "c2", "c3"]


def test_the_threshold_check_needs_no_sign_in_and_no_csrf_token():
    response = post(Client(enforce_csrf_checks=True), body())
    assert response.status_code == 200


def test_a_policy_in_the_body_is_applied(client):
    output = post(
        client, body(policy={"report_within": {"days": 30}, "diary_sheets_count": False})
    ).json()
    assert output["threshold_met"] is False
    assert output["complaints"][1]["reasons"] == ["reported_late"]
    assert output["complaints"][2]["reasons"] == ["diary_sheet"]
    assert len(output["warnings"]) == 2


@pytest.mark.django_db
def test_an_area_is_checked_under_its_current_policy(client):
    area_with_policy()
    output = post(client, body(area="E07000242")).json()
    # The reference procedure: 30 days to report, and diary sheets do not count.
    assert output["qualifying_count"] == 1
    assert output["complaints"][1]["reasons"] == ["reported_late"]
    assert output["complaints"][2]["reasons"] == ["diary_sheet"]


@pytest.mark.django_db
def test_an_area_policy_asking_for_more_than_three_is_capped(client):
    area_with_policy(LocalPolicy(threshold=5))
    output = post(client, body(area="E07000242")).json()
    assert output["threshold"] == 3
    assert output["threshold_met"] is True
    assert "caps the threshold at 3" in output["warnings"][0]


@pytest.mark.django_db
def test_an_unknown_area_is_a_422_on_the_area_field(client):
    response = post(client, body(area="E07000999"))
    assert response.status_code == 422
    assert response.json() == {
        "errors": [
            {
                "field": "area",
                "complaint": None,
                "message": "no area with GSS code E07000999 has a policy on this service",
            }
        ]
    }


def test_bad_complaints_are_a_422_naming_the_field_and_complaint(client):
    data = body()
    data["complaints"][1]["reported_date"] = "2026-01-11"
    data["complaints"][2]["id"] = "c1"
    response = post(client, data)
    assert response.status_code == 422
    assert response.json()["errors"] == [
        {
            "field": "complaints[1].reported_date",
            "complaint": "c2",
            "message": "is before the behaviour_date (2026-01-12)",
        },
        {
            "field": "complaints[2].id",
            "complaint": "c1",
            "message": "is used more than once (also complaints[0])",
        },
    ]


def test_a_body_that_is_not_json_is_a_422_with_a_clear_message(client):
    response = post(client, "{application_date: tomorrow")
    assert response.status_code == 422
    [error] = response.json()["errors"]
    assert error["field"] == "request"
    assert error["message"].startswith("the request body is not valid JSON")


def test_a_body_that_is_not_utf8_is_a_422(client):
    response = post(client, b"\xff\xfe{}")
    assert response.status_code == 422
    assert response.json()["errors"][0]["message"] == "the request body is not UTF-8 text"


def test_an_empty_body_is_a_422(client):
    response = client.post(URL)
    assert response.status_code == 422


def test_a_json_array_is_a_422(client):
    response = post(client, [])
    assert response.status_code == 422
    assert response.json()["errors"][0] == {
        "field": "request",
        "complaint": None,
        "message": "must be a JSON object",
    }


def test_get_is_not_allowed_on_the_threshold_check(client):
    assert client.get(URL).status_code == 405


def test_a_body_over_the_upload_limit_is_a_413(client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 100
    response = post(client, body())
    assert response.status_code == 413
    assert response.json()["errors"][0]["message"] == "the request body is too large"
