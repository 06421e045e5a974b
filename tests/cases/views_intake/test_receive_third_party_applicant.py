"""Someone applying on the victim's behalf is recorded with the victim's consent: how and when
it was given. Partner agencies and senior managers need no consent."""

from __future__ import annotations

import datetime as dt

from casereview.cases.models import Case
from tests.cases.views_intake.conftest import RECEIVE_URL, application, date_parts


def test_a_relative_applying_with_the_victims_consent_is_recorded(staff_client, coordinator, area):
    response = staff_client(coordinator).post(
        RECEIVE_URL,
        application(
            on_behalf="yes",
            applicant_name="Jo Relative",
            applicant_relationship="relative",
            applicant_email="jo@example.test",
            applicant_phone="07700 900456",
            applicant_address="2 Low Street, Ware",
            consent_given_how="Signed consent form",
            **date_parts("consent_given_on", dt.date(2026, 3, 12)),
        ),
    )

    assert response.status_code == 302
    case = Case.objects.get()
    assert case.applicant_is_victim is False
    assert case.applicant_name == "Jo Relative"
    assert case.applicant_relationship == "relative"
    assert case.consent_given_how == "Signed consent form"
    assert case.consent_given_on == dt.date(2026, 3, 12)


def test_a_partner_agency_applies_without_the_victims_consent(staff_client, coordinator, area):
    response = staff_client(coordinator).post(
        RECEIVE_URL,
        application(
            channel="partner_agency",
            on_behalf="yes",
            applicant_name="Hertfordshire Constabulary",
            applicant_relationship="partner_agency",
        ),
    )

    assert response.status_code == 302
    case = Case.objects.get()
    assert case.applicant_relationship == "partner_agency"
    assert case.consent_given_how == ""
    assert case.consent_given_on is None


def test_applicant_details_are_ignored_when_the_victim_applies(staff_client, coordinator, area):
    response = staff_client(coordinator).post(
        RECEIVE_URL, application(on_behalf="no", applicant_name="Typed by mistake")
    )

    assert response.status_code == 302
    case = Case.objects.get()
    assert case.applicant_is_victim is True
    assert case.applicant_name == ""
