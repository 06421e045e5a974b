"""A bad answer is shown again with every problem named in the GOV.UK error summary, what was
typed kept, and nothing recorded: an incident reported before it happened, an exemption without
its reason, a file of a type not accepted, an empty file."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from casereview.partners.models import InformationResponse, ResponseDocument
from tests.cases.helpers import gathering, request_to
from tests.partners.portal.test_answer_a_request import answer_url, incident_row, management

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_march")]


@pytest.fixture
def request_id(area, coordinator) -> int:
    return request_to(gathering(area, coordinator)).pk


def send(client, request_id: int, **data):
    # The browser sends the radio chosen in advance ("No, nothing is withheld").
    return client.post(answer_url(request_id), {**management(), "exemption": "none", **data})


def test_an_incident_reported_before_the_behaviour_is_refused(request_id, agency_rep, staff_client):
    page = send(
        staff_client(agency_rep),
        request_id,
        **incident_row(0, dt.date(2026, 3, 9), dt.date(2026, 3, 2), summary="Typed summary"),
    )

    html = page.content.decode()
    assert page.status_code == 200
    assert "There is a problem" in html
    assert "Incident 1: The date it was reported must be the same as or after" in html
    assert "Typed summary" in html
    assert not InformationResponse.objects.exists()


def test_an_exemption_needs_its_reason(request_id, agency_rep, staff_client):
    page = send(staff_client(agency_rep), request_id, exemption="crime", actions_taken="Kept")

    html = page.content.decode()
    assert "Say why the exemption applies and what was withheld" in html
    assert "Kept" in html
    assert not InformationResponse.objects.exists()


def test_an_unknown_exemption_is_refused(request_id, agency_rep, staff_client):
    page = send(staff_client(agency_rep), request_id, exemption="made-up")

    assert "Choose one of the exemptions listed" in page.content.decode()
    assert not InformationResponse.objects.exists()


def test_a_program_and_an_empty_file_are_both_named(request_id, agency_rep, staff_client):
    page = send(
        staff_client(agency_rep),
        request_id,
        attachments=[
            SimpleUploadedFile("tool.exe", b"MZ\x90\x00", content_type="application/octet-stream"),
            SimpleUploadedFile("blank.pdf", b"", content_type="application/pdf"),
        ],
    )

    html = page.content.decode()
    assert page.status_code == 200
    assert "tool.exe must be a PDF, Word, OpenDocument" in html
    assert "blank.pdf is empty." in html
    assert "choose the files again" in html
    assert not InformationResponse.objects.exists()
    assert not ResponseDocument.objects.exists()


def test_another_agencys_request_cannot_be_answered(area, coordinator, staff_client):
    from casereview.accounts.models import Role
    from casereview.areas.models import AgencyKind
    from tests.cases.helpers import agency_of
    from tests.factories import make_user

    case = gathering(area, coordinator)
    rep = make_user(
        "rep@housing.test", Role.AGENCY_REPRESENTATIVE, area, agency=agency_of(area, "housing")
    )

    page = send(staff_client(rep), request_to(case, AgencyKind.POLICE).pk, actions_taken="x")

    assert page.status_code == 404
    assert not InformationResponse.objects.exists()
