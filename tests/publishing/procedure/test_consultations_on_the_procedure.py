"""Administrators record who was consulted on which version of the procedure, and add the
response when it arrives; the dates are checked; the records show on the staff overview and in
the published procedure."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from casereview.areas.models import AgencyKind
from casereview.publishing.models import Consultation, ConsulteeKind
from casereview.publishing.procedure import services
from casereview.publishing.procedure.services import ConsultationDetails
from tests.factories import add_agency, make_agency
from tests.publishing.procedure.helpers import text_of, url

pytestmark = pytest.mark.django_db


@pytest.fixture
def pcc(area):
    office = make_agency(
        "Hertfordshire Police and Crime Commissioner", AgencyKind.POLICE_AND_CRIME_COMMISSIONER
    )
    add_agency(area, office, relevant_body=False)
    return office


def consultation_post(**changes):
    data = {
        "consultee_kind": "pcc",
        "agency": "",
        "consultee_name": "",
        "policy": "1",
        "consulted_on-day": "2",
        "consulted_on-month": "3",
        "consulted_on-year": "2026",
        "response_received_on-day": "",
        "response_received_on-month": "",
        "response_received_on-year": "",
        "response_summary": "",
        "outcome": "",
    }
    data.update(changes)
    return data


def test_a_consultation_of_the_pcc_is_recorded_against_the_version(
    staff_client, area_admin, area, pcc, in_march
):
    client = staff_client(area_admin)
    response = client.post(url("consultation-add", area), consultation_post(agency=str(pcc.pk)))
    assert response.status_code == 302
    saved = Consultation.objects.get(area=area)
    assert saved.consultee_name == "Hertfordshire Police and Crime Commissioner"
    assert saved.policy is not None
    assert (saved.policy.version, saved.consulted_on) == (1, dt.date(2026, 3, 2))
    assert saved.recorded_by == area_admin
    assert saved.response_received_on is None


def test_the_response_is_added_later_and_published_with_the_procedure(
    staff_client, area_admin, area, pcc, in_march, client
):
    consultation = services.record_consultation(
        area,
        ConsultationDetails(
            consultee_kind=ConsulteeKind.PCC,
            agency=pcc,
            consultee_name="",
            policy=area.policies.get(version=1),
            consulted_on=dt.date(2026, 3, 2),
            response_received_on=None,
            response_summary="",
            outcome="",
        ),
        by=area_admin,
    )
    admin = staff_client(area_admin)
    response = admin.post(
        url("consultation-edit", area, pk=consultation.pk),
        consultation_post(
            agency=str(pcc.pk),
            **{
                "response_received_on-day": "12",
                "response_received_on-month": "3",
                "response_received_on-year": "2026",
            },
            response_summary="Supports a lower threshold for hate incidents.",
            outcome="Added a hate incident route.",
        ),
    )
    assert response.status_code == 302
    overview = text_of(admin.get(url("procedure", area)))
    assert "Supports a lower threshold for hate incidents." in overview
    public = text_of(client.get(reverse("public:procedure", args=[area.slug])))
    assert "Hertfordshire Police and Crime Commissioner" in public
    assert "Responded on 12 March 2026" in public
    assert "Added a hate incident route." in public


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        (
            {"consulted_on-day": "20"},
            "consulted_on",
            "The date consulted must be today or in the past",
        ),
        (
            {
                "consultee_name": "Demo Housing Association",
                "response_received_on-day": "1",
                "response_received_on-month": "3",
                "response_received_on-year": "2026",
            },
            "response_received_on",
            "must be on or after the date consulted",
        ),
        ({}, "consultee_name", "Choose an agency or enter the name of who was consulted"),
        ({"consultee_name": "X", "policy": "7"}, "policy", "Select a valid choice"),
        ({"consultee_name": "X", "consulted_on-month": "Febuary"}, "consulted_on", "real date"),
    ],
)
def test_bad_consultations_are_errors_on_their_field_and_nothing_is_saved(
    staff_client, area_admin, area, in_march, changes, field, message
):
    client = staff_client(area_admin)
    response = client.post(url("consultation-add", area), consultation_post(**changes))
    assert response.status_code == 200
    errors = response.context_data["form"].errors
    assert field in errors
    assert message in errors[field][0]
    assert not Consultation.objects.filter(area=area).exists()


def test_another_areas_consultation_is_404(staff_client, area_admin, area, other_area, in_march):
    theirs = services.record_consultation(
        other_area,
        ConsultationDetails(
            consultee_kind=ConsulteeKind.OTHER,
            agency=None,
            consultee_name="Someone",
            policy=other_area.policies.get(version=1),
            consulted_on=dt.date(2026, 3, 2),
            response_received_on=None,
            response_summary="",
            outcome="",
        ),
        by=None,
    )
    client = staff_client(area_admin)
    assert client.get(url("consultation-edit", area, pk=theirs.pk)).status_code == 404


def test_the_service_refuses_another_areas_agency(area, other_area, area_admin, in_march):
    with pytest.raises(ValidationError) as refused:
        services.record_consultation(
            area,
            ConsultationDetails(
                consultee_kind=ConsulteeKind.OTHER,
                agency=other_area.council,
                consultee_name="",
                policy=area.policies.get(version=1),
                consulted_on=dt.date(2026, 3, 2),
                response_received_on=None,
                response_summary="",
                outcome="",
            ),
            by=area_admin,
        )
    assert "agency" in refused.value.message_dict
