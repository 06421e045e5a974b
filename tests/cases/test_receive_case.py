"""Receiving an application records the case, its stated complaints, an event and deadlines."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from casereview.areas.models import AgencyKind
from casereview.cases.models import Case, ComplaintSource, DeadlineKind
from casereview.cases.services import Applicant
from casereview.cases.workflow import Status, Step
from tests.cases.helpers import agency_of, receive, stated, victim
from tests.factories import make_agency, make_area

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("before_christmas")]


def test_a_phone_application_is_received_under_the_current_policy(area, coordinator):
    police = agency_of(area, AgencyKind.POLICE)
    case = receive(
        area,
        coordinator,
        spoc=coordinator,
        complaints=[stated(police, dt.date(2026, 12, 1)), stated(police, dt.date(2026, 12, 8))],
    )

    assert case.status == Status.RECEIVED
    assert case.policy == area.current_policy()
    assert case.spoc == coordinator
    assert case.applicant_is_victim
    assert case.victim_name_key == "sam victim"
    assert case.victim_postcode_key == "SG141AB"
    assert case.victim_phone_key == "07700900123"
    assert [c.source for c in case.complaints.all()] == [ComplaintSource.STATED_BY_APPLICANT] * 2
    (event,) = case.events.all()
    assert (event.step, event.from_status, event.to_status) == (Step.RECEIVE, "", Status.RECEIVED)
    assert event.by == coordinator
    assert event.data["reference"] == case.reference


def test_receipt_sets_the_acknowledgement_and_decision_deadlines(area, coordinator):
    case = receive(area, coordinator)

    kinds = sorted(case.deadlines.values_list("kind", flat=True))
    assert kinds == [DeadlineKind.ACKNOWLEDGE, DeadlineKind.DECISION]


def test_a_third_party_application_records_the_victims_consent(area, coordinator):
    case = receive(
        area,
        coordinator,
        applicant=Applicant(
            name="Jo Carer",
            relationship="carer",
            phone="01992 000000",
            consent_given_how="Signed consent form",
            consent_given_on=dt.date(2026, 12, 18),
        ),
    )

    case.refresh_from_db()
    assert not case.applicant_is_victim
    assert case.applicant_name == "Jo Carer"
    assert case.consent_given_on == dt.date(2026, 12, 18)


def test_a_partner_agency_applies_without_the_victims_consent(area, coordinator):
    case = receive(
        area,
        coordinator,
        channel="partner_agency",
        applicant=Applicant(name="PC Smith", relationship="partner_agency"),
    )

    assert case.consent_given_how == ""
    assert case.status == Status.RECEIVED


def test_a_third_party_application_without_consent_is_refused(area, coordinator):
    with pytest.raises(ValidationError) as refused:
        receive(area, coordinator, applicant=Applicant(name="Jo Friend", relationship="friend"))

    assert set(refused.value.message_dict) == {"consent_given_how", "consent_given_on"}
    assert not Case.objects.exists()


def test_every_problem_with_an_application_is_reported_at_once(area, coordinator):
    police = agency_of(area, AgencyKind.POLICE)
    with pytest.raises(ValidationError) as refused:
        receive(
            area,
            coordinator,
            channel="carrier pigeon",
            received_on=dt.date(2026, 12, 22),
            victim=victim(name="  "),
            asb_description="",
            complaints=[stated(police, dt.date(2026, 12, 10), dt.date(2026, 12, 9))],
        )

    errors = refused.value.message_dict
    assert set(errors) == {
        "channel",
        "received_on",
        "victim_name",
        "asb_description",
        "complaints",
    }
    assert errors["received_on"] == ["The date cannot be in the future."]
    assert errors["complaints"] == [
        "Complaint 1: it cannot have been reported before the behaviour happened."
    ]


def test_a_complaint_to_a_body_that_is_not_relevant_in_the_area_is_refused(area, coordinator):
    elsewhere = make_agency("Far Away Housing", AgencyKind.HOUSING)

    with pytest.raises(ValidationError) as refused:
        receive(area, coordinator, complaints=[stated(elsewhere, dt.date(2026, 12, 1))])

    assert refused.value.message_dict["complaints"] == [
        "Complaint 1: Far Away Housing is not a relevant body of East Hertfordshire."
    ]


def test_an_area_without_a_policy_cannot_receive_cases(coordinator):
    unprepared = make_area("Nopolicy")

    with pytest.raises(ValidationError) as refused:
        receive(unprepared, None)

    assert refused.value.message_dict["area"] == [
        "Nopolicy does not run its Case Review on this service."
    ]


def test_the_spoc_must_be_a_coordinator_of_the_area(area, coordinator, read_only):
    with pytest.raises(ValidationError) as refused:
        receive(area, coordinator, spoc=read_only)

    assert "spoc" in refused.value.message_dict


def test_someone_from_another_area_cannot_record_an_application(area, outsider):
    with pytest.raises(PermissionDenied):
        receive(area, outsider)

    assert not Case.objects.exists()


def test_a_read_only_user_cannot_record_an_application(area, read_only):
    with pytest.raises(PermissionDenied):
        receive(area, read_only)


def test_an_e_mail_address_that_is_not_one_is_refused(area, coordinator):
    with pytest.raises(ValidationError) as refused:
        receive(area, coordinator, victim=victim(email="sam at example"))

    assert refused.value.message_dict == {
        "victim_email": ["Enter an e-mail address like name@example.com."]
    }
