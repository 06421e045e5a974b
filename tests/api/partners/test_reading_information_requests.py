"""An agency's system reads the information requests addressed to it, and only those."""

from __future__ import annotations

import datetime as dt

from django.test import Client

from casereview.accounts.models import User
from casereview.areas.models import Area
from casereview.audit.models import AccessRecord
from casereview.cases.models import Case
from casereview.partners.models import AgencyToken
from tests.api.partners.helpers import another_victim
from tests.cases.helpers import confirm, gathering, request_to


def test_the_list_shows_the_agencys_requests_with_their_due_dates(
    police_api: Client, requested_case: Case
) -> None:
    response = police_api.get("/api/v1/information-requests")

    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1
    (item,) = body["items"]
    assert item == {
        "id": request_to(requested_case).pk,
        "case_reference": requested_case.reference,
        "requested_on": "2026-03-16",
        # Five working days from Monday 16 March 2026.
        "due_on": "2026-03-23",
        "answered": False,
    }


def test_open_and_answered_requests_can_be_listed_apart(
    police_api: Client, requested_case: Case, area: Area, coordinator: User
) -> None:
    answered_case = requested_case
    open_case = gathering(area, coordinator, victim=another_victim("Jo Other"))
    confirm(answered_case, coordinator, [(dt.date(2026, 3, 2), dt.date(2026, 3, 2), "")])

    open_ids = [
        i["id"] for i in police_api.get("/api/v1/information-requests?status=open").json()["items"]
    ]
    answered = police_api.get("/api/v1/information-requests?status=answered").json()["items"]

    assert open_ids == [request_to(open_case).pk]
    assert [(i["id"], i["answered"]) for i in answered] == [(request_to(answered_case).pk, True)]


def test_one_request_gives_what_the_agency_needs_to_answer_it(
    police_api: Client, requested_case: Case
) -> None:
    request = request_to(requested_case)

    body = police_api.get(f"/api/v1/information-requests/{request.pk}").json()

    assert body["case_reference"] == requested_case.reference
    assert body["victim_name"] == "Sam Victim"
    assert body["victim_address"] == "1 High Street, Hertford"
    assert body["victim_postcode"] == "SG14 1AB"
    assert body["asb_description"] == "Loud music and shouting most nights."
    assert body["location"] == "Fore Street, Hertford"
    assert [(c["behaviour_on"], c["summary"]) for c in body["complaints"]] == [
        ("2026-03-02", "Shouting at night"),
        ("2026-03-09", "Shouting at night"),
    ]
    assert body["responses"] == []
    # The people alleged responsible are not the agency's business through this request.
    assert "alleged_responsible" not in body
    assert "Mr Example" not in str(body)


def test_reading_a_request_is_recorded_against_the_key(
    police_api: Client, police_key: tuple[AgencyToken, str], requested_case: Case
) -> None:
    request = request_to(requested_case)

    police_api.get(f"/api/v1/information-requests/{request.pk}")

    record = AccessRecord.objects.get(case=requested_case)
    assert record.user is None
    assert record.what == f"information request via API key {police_key[0].prefix}"
    assert record.path == f"/api/v1/information-requests/{request.pk}"
