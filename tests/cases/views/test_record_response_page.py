"""The record-response page records a relevant body's response with several incidents, adds
incident rows without JavaScript, and names the incident a problem is in."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from casereview.accounts.models import User
from casereview.areas.models import AgencyKind, Area
from casereview.cases.models import Case, ComplaintSource
from casereview.cases.services import (
    case_acknowledge,
    case_request_information,
    case_withdraw,
)
from casereview.partners.models import InformationRequest
from tests.cases.helpers import agency_of, gathering, receive, request_to, stated
from tests.cases.views.pages import date_fields, error_summary, main_text, step_url

pytestmark = pytest.mark.usefixtures("in_march")


def _management(total: int) -> dict[str, str]:
    return {
        "incidents-TOTAL_FORMS": str(total),
        "incidents-INITIAL_FORMS": "0",
        "incidents-MIN_NUM_FORMS": "0",
        "incidents-MAX_NUM_FORMS": "20",
    }


def _incident(number: int, behaviour: dt.date, reported: dt.date, key: str) -> dict[str, str]:
    prefix = f"incidents-{number}"
    return {
        **date_fields(f"{prefix}-behaviour_on", behaviour),
        **date_fields(f"{prefix}-reported_on", reported),
        f"{prefix}-incident_key": key,
        f"{prefix}-agency_reference": f"CAD {number}",
        f"{prefix}-kind": "complaint",
    }


def _url(case: Case, request: InformationRequest) -> str:
    return step_url("record-response", case, request_id=request.pk)


def test_a_response_with_two_incidents_adds_two_confirmed_complaints(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    case = gathering(area, coordinator)
    police = request_to(case, AgencyKind.POLICE)
    data = {
        **date_fields("received_on", dt.date(2026, 3, 16)),
        "actions_taken": "Two visits",
        "documents": "Incident log",
        "exemption_relied_on": "Schedule 2 para 2: crime prevention",
        **_management(3),
        **_incident(0, dt.date(2026, 3, 1), dt.date(2026, 3, 1), "a"),
        **_incident(1, dt.date(2026, 3, 8), dt.date(2026, 3, 9), "b"),
        "incidents-2-kind": "complaint",
    }

    response = coordinator_client.post(_url(case, police), data, follow=True)

    assert "The response from Hertfordshire Constabulary is recorded." in main_text(response)
    recorded = police.responses.get()
    assert recorded.exemption_relied_on == "Schedule 2 para 2: crime prevention"
    complaints = list(case.complaints.order_by("behaviour_on"))
    assert [c.behaviour_on for c in complaints] == [dt.date(2026, 3, 1), dt.date(2026, 3, 8)]
    assert {c.source for c in complaints} == {ComplaintSource.CONFIRMED_BY_AGENCY}


def test_an_incident_can_confirm_a_complaint_the_applicant_stated(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    police_agency = agency_of(area, AgencyKind.POLICE)
    case = receive(area, coordinator, complaints=[stated(police_agency, dt.date(2026, 3, 2))])
    case = case_acknowledge(case, by=coordinator, on=dt.date(2026, 3, 16))
    case = case_request_information(case, by=coordinator, on=dt.date(2026, 3, 16))
    complaint = case.complaints.get()
    data = {
        **date_fields("received_on", dt.date(2026, 3, 16)),
        **_management(3),
        **_incident(0, dt.date(2026, 3, 2), dt.date(2026, 3, 3), "x"),
        "incidents-0-confirms": str(complaint.pk),
    }

    coordinator_client.post(_url(case, request_to(case, AgencyKind.POLICE)), data)

    complaint.refresh_from_db()
    assert complaint.source == ComplaintSource.CONFIRMED_BY_AGENCY
    assert complaint.reported_on == dt.date(2026, 3, 3)
    assert case.complaints.count() == 1


def test_add_another_incident_shows_one_more_row_and_keeps_what_was_typed(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    case = gathering(area, coordinator)
    data = {
        "actions_taken": "Warning letter sent",
        **_management(3),
        **_incident(0, dt.date(2026, 3, 1), dt.date(2026, 3, 1), "kept-key"),
        "add_incident": "1",
    }

    response = coordinator_client.post(_url(case, request_to(case)), data)

    page = response.content.decode()
    assert response.status_code == 200
    assert "Incident 4" in main_text(response)
    assert main_text(response).count("When did the behaviour happen?") == 4
    assert 'name="incidents-TOTAL_FORMS" value="4"' in page
    assert 'value="kept-key"' in page
    assert "Warning letter sent" in page
    assert error_summary(response) == ""
    assert not request_to(case).responses.exists()


def test_a_problem_in_one_incident_is_named_and_nothing_is_recorded(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    case = gathering(area, coordinator)
    data = {
        **date_fields("received_on", dt.date(2026, 3, 16)),
        "actions_taken": "Two visits",
        **_management(3),
        **_incident(0, dt.date(2026, 3, 1), dt.date(2026, 3, 1), "a"),
        **_incident(1, dt.date(2026, 3, 8), dt.date(2026, 3, 7), "b"),
    }

    response = coordinator_client.post(_url(case, request_to(case)), data)

    assert response.status_code == 200
    assert "Incident 2: The date it was reported must be the same as or after" in (
        error_summary(response)
    )
    assert "Two visits" in response.content.decode()
    assert not request_to(case).responses.exists()
    assert not case.complaints.exists()


def test_a_tampered_row_count_is_an_error_not_a_crash(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    case = gathering(area, coordinator)
    data = {
        **date_fields("received_on", dt.date(2026, 3, 16)),
        "incidents-TOTAL_FORMS": "many",
        "incidents-INITIAL_FORMS": "0",
    }

    response = coordinator_client.post(_url(case, request_to(case)), data)

    assert response.status_code == 200
    assert error_summary(response) != ""
    assert not request_to(case).responses.exists()


def test_a_case_that_has_not_asked_yet_is_sent_back_with_the_reason(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    asked = gathering(area, coordinator)
    request = request_to(asked)
    case_withdraw(asked, by=coordinator, reason="No longer wanted")

    response = coordinator_client.get(_url(asked, request), follow=True)

    assert "A case that is withdrawn cannot have an information response recorded." in (
        main_text(response)
    )
