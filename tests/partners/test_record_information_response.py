"""Recording a relevant body's response: it meets the request's deadline, and its incidents
confirm the applicant's stated complaints or add new confirmed ones."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError

from casereview.areas.models import AgencyKind
from casereview.cases.models import Complaint, ComplaintSource, DeadlineKind
from casereview.cases.services import case_withdraw
from casereview.cases.workflow import IllegalStep, Step
from casereview.partners.models import InformationResponse
from casereview.partners.services import IncidentInput, information_response_record
from tests.cases.helpers import (
    agency_of,
    at,
    gathering,
    receive,
    request_to,
    stated,
    victim,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("before_christmas")]

DAY = dt.date(2026, 12, 21)


def test_a_response_meets_its_requests_deadline_and_no_other(area, coordinator):
    case = gathering(area, coordinator)
    police = request_to(case, AgencyKind.POLICE)

    information_response_record(
        police, by=coordinator, received_on=DAY, actions_taken="Two visits; warning letter."
    )

    met = case.deadlines.filter(kind=DeadlineKind.INFORMATION, met_on=DAY)
    assert list(met.values_list("information_request", flat=True)) == [police.pk]
    assert case.deadlines.filter(kind=DeadlineKind.INFORMATION, met_on=None).count() == 4
    event = case.events.latest("pk")
    assert event.step == Step.RECORD_RESPONSE
    assert event.data["agency"] == police.agency.code


def test_an_incident_confirms_the_applicants_stated_complaint(area, coordinator):
    police_agency = agency_of(area, AgencyKind.POLICE)
    case = gathering(
        area, coordinator, complaints=[stated(police_agency, dt.date(2026, 12, 1), summary="Noise")]
    )
    complaint = case.complaints.get()

    response = information_response_record(
        request_to(case),
        by=coordinator,
        received_on=DAY,
        incidents=[
            IncidentInput(
                behaviour_on=dt.date(2026, 11, 30),
                reported_on=dt.date(2026, 12, 1),
                agency_reference="CAD 1234",
                confirms=complaint,
            )
        ],
    )

    complaint.refresh_from_db()
    assert complaint.source == ComplaintSource.CONFIRMED_BY_AGENCY
    assert complaint.confirmed_by_response == response
    assert complaint.behaviour_on == dt.date(2026, 11, 30)  # the agency's record wins
    assert complaint.agency_reference == "CAD 1234"
    assert complaint.summary == "Noise"  # kept when the agency gives none
    assert case.complaints.count() == 1


def test_an_incident_the_applicant_did_not_mention_is_added_as_confirmed(area, coordinator):
    case = gathering(area, coordinator)

    information_response_record(
        request_to(case, AgencyKind.HOUSING),
        by=coordinator,
        received_on=DAY,
        incidents=[IncidentInput(dt.date(2026, 12, 5), dt.date(2026, 12, 6), incident_key="H-9")],
        exemption_relied_on="Third-party personal data withheld (DPA 2018 Sch. 2 para 16).",
    )

    added = case.complaints.get()
    assert added.agency == agency_of(area, AgencyKind.HOUSING)
    assert added.is_confirmed
    assert added.incident_key == "H-9"
    response = InformationResponse.objects.get()
    assert response.exemption_relied_on.startswith("Third-party personal data")


def test_a_complaint_of_another_case_cannot_be_confirmed(area, coordinator):
    police_agency = agency_of(area, AgencyKind.POLICE)
    other = receive(
        area,
        coordinator,
        victim=victim("Other Person", email="", phone="", postcode="SG1 1AA"),
        complaints=[stated(police_agency, dt.date(2026, 12, 1))],
    )
    case = gathering(area, coordinator)

    with pytest.raises(ValidationError) as refused:
        information_response_record(
            request_to(case),
            by=coordinator,
            received_on=DAY,
            incidents=[
                IncidentInput(
                    dt.date(2026, 12, 1), dt.date(2026, 12, 1), confirms=other.complaints.get()
                )
            ],
        )

    assert refused.value.message_dict["incidents"] == [
        "Incident 1: it can only confirm a complaint of this case."
    ]
    assert not InformationResponse.objects.exists()


def test_bad_dates_in_a_response_are_all_reported(area, coordinator):
    case = gathering(area, coordinator)

    with pytest.raises(ValidationError) as refused:
        information_response_record(
            request_to(case),
            by=coordinator,
            received_on=dt.date(2026, 12, 20),
            incidents=[IncidentInput(dt.date(2026, 12, 10), dt.date(2026, 12, 9))],
        )

    errors = refused.value.message_dict
    assert errors["received_on"] == ["The date cannot be before the request (21 December 2026)."]
    assert errors["incidents"] == [
        "Incident 1: it cannot have been reported before the behaviour happened."
    ]
    assert not Complaint.objects.exists()


def test_a_response_to_a_withdrawn_case_is_refused(area, coordinator):
    case = gathering(area, coordinator)
    request = request_to(case)
    case_withdraw(case, by=coordinator, reason="Moved.")

    with pytest.raises(IllegalStep, match="withdrawn cannot have an information response"):
        information_response_record(request, by=coordinator, received_on=DAY)


def test_the_agencys_own_representative_may_record_its_response(area, coordinator, agency_rep):
    case = gathering(area, coordinator)

    response = information_response_record(request_to(case), by=agency_rep, received_on=DAY)

    assert response.recorded_by == agency_rep


def test_another_agencys_representative_may_not(area, coordinator, agency_rep):
    case = gathering(area, coordinator)

    with pytest.raises(PermissionDenied):
        information_response_record(
            request_to(case, AgencyKind.HOUSING), by=agency_rep, received_on=DAY
        )


def test_an_outsider_may_not(area, coordinator, outsider):
    case = gathering(area, coordinator)

    with pytest.raises(PermissionDenied):
        information_response_record(request_to(case), by=outsider, received_on=DAY)


def test_a_second_response_is_kept_and_the_deadline_stays_met_on_the_first(area, coordinator):
    case = gathering(area, coordinator)
    request = request_to(case)

    with time_machine.travel(at(2026, 12, 22), tick=False):
        information_response_record(request, by=coordinator, received_on=dt.date(2026, 12, 22))
    with time_machine.travel(at(2026, 12, 23), tick=False):
        information_response_record(
            request, by=coordinator, received_on=dt.date(2026, 12, 23), documents="CCTV log"
        )

    assert request.responses.count() == 2
    deadline = case.deadlines.get(kind=DeadlineKind.INFORMATION, information_request=request)
    assert deadline.met_on == dt.date(2026, 12, 22)
