"""The add-complaint page adds a complaint the applicant stated, to one of the area's relevant
bodies, and explains impossible dates."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from casereview.accounts.models import User
from casereview.areas.models import AgencyKind, Area
from casereview.cases.models import ComplaintSource
from tests.cases.helpers import agency_of, receive
from tests.cases.views.pages import date_fields, decided, error_summary, main_text, step_url

pytestmark = pytest.mark.usefixtures("in_march")


def _complaint(agency_pk: int, behaviour: dt.date, reported: dt.date) -> dict[str, str]:
    return {
        "agency": str(agency_pk),
        **date_fields("behaviour_on", behaviour),
        **date_fields("reported_on", reported),
        "agency_reference": "CAD 1234",
        "incident_key": "party-1-march",
        "kind": "complaint",
        "summary": "Music until 3am",
    }


def test_adding_a_complaint_records_it_as_stated_by_the_applicant(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    case = receive(area, coordinator)
    police = agency_of(area, AgencyKind.POLICE)

    response = coordinator_client.post(
        step_url("add-complaint", case),
        _complaint(police.pk, dt.date(2026, 3, 1), dt.date(2026, 3, 2)),
    )

    assert response.status_code == 302
    complaint = case.complaints.get()
    assert complaint.agency == police
    assert complaint.agency_reference == "CAD 1234"
    assert complaint.source == ComplaintSource.STATED_BY_APPLICANT


def test_a_report_before_the_behaviour_is_explained_and_the_entries_kept(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    case = receive(area, coordinator)
    police = agency_of(area, AgencyKind.POLICE)

    response = coordinator_client.post(
        step_url("add-complaint", case),
        _complaint(police.pk, dt.date(2026, 3, 5), dt.date(2026, 3, 2)),
    )

    assert response.status_code == 200
    assert "must be the same as or after the behaviour" in error_summary(response)
    assert 'value="CAD 1234"' in response.content.decode()
    assert not case.complaints.exists()


def test_missing_answers_are_each_named(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    case = receive(area, coordinator)

    response = coordinator_client.post(step_url("add-complaint", case), {"kind": "complaint"})

    summary = error_summary(response)
    assert "Choose the relevant body it was reported to" in summary
    assert "Enter the date the behaviour happened" in summary
    assert "Enter the date it was reported" in summary


def test_a_decided_case_takes_no_more_complaints(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    case = decided(area, coordinator, met=False)

    response = coordinator_client.get(step_url("add-complaint", case), follow=True)

    assert "cannot have complaints added" in main_text(response)
