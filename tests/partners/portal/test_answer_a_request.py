"""An agency representative answers a request in the portal: incidents (confirming the
applicant's stated complaints or adding new ones), actions taken, files and an exemption relied
on are recorded as the case's response step, and the agency's incident records are linked by
their reference."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from casereview.audit.models import AccessRecord
from casereview.cases.models import ComplaintSource
from casereview.cases.workflow import Step
from casereview.partners.models import Incident, InformationResponse
from tests.cases.helpers import gathering, request_to, stated

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_march")]


def answer_url(request_id: int) -> str:
    return f"/staff/partners/agency/requests/{request_id}/answer/"


def incident_row(n: int, behaviour: dt.date, reported: dt.date, **extra: str) -> dict[str, str]:
    row = {
        f"incidents-{n}-behaviour_on-day": str(behaviour.day),
        f"incidents-{n}-behaviour_on-month": str(behaviour.month),
        f"incidents-{n}-behaviour_on-year": str(behaviour.year),
        f"incidents-{n}-reported_on-day": str(reported.day),
        f"incidents-{n}-reported_on-month": str(reported.month),
        f"incidents-{n}-reported_on-year": str(reported.year),
        f"incidents-{n}-kind": "complaint",
    }
    row.update({f"incidents-{n}-{k}": v for k, v in extra.items()})
    return row


def management(total: int = 3) -> dict[str, str]:
    return {
        "incidents-TOTAL_FORMS": str(total),
        "incidents-INITIAL_FORMS": "0",
        "incidents-MIN_NUM_FORMS": "0",
        "incidents-MAX_NUM_FORMS": "20",
    }


def test_an_answer_with_incidents_files_and_an_exemption_is_recorded(
    area, coordinator, agency_rep, staff_client
):
    case = gathering(area, coordinator, complaints=[stated(area.police_force, dt.date(2026, 3, 2))])
    complaint = case.complaints.get()
    request = request_to(case)
    record = Incident(
        area=area,
        agency=area.police_force,
        agency_reference="CAD 77",
        behaviour_on=dt.date(2026, 3, 9),
        reported_on=dt.date(2026, 3, 9),
    )
    record.refresh_derived()
    record.save()
    Incident.objects.filter(pk=record.pk).update(group_key=record.pk)
    client = staff_client(agency_rep)

    form = client.get(answer_url(request.pk))
    assert form.status_code == 200
    page = client.post(
        answer_url(request.pk),
        {
            **management(),
            **incident_row(0, dt.date(2026, 3, 1), dt.date(2026, 3, 2), confirms=str(complaint.pk)),
            **incident_row(1, dt.date(2026, 3, 9), dt.date(2026, 3, 9), agency_reference="CAD 77"),
            "actions_taken": "Two visits and a warning letter.",
            "documents": "Incident log",
            "exemption": "third_party",
            "exemption_reason": "The neighbour's personal data is withheld.",
            "attachments": [
                SimpleUploadedFile("log.pdf", b"%PDF-1.4 log", content_type="application/pdf"),
                SimpleUploadedFile("calls.csv", b"date,ref\n", content_type="text/csv"),
            ],
        },
    )

    assert page.status_code == 302
    assert page["Location"] == "/staff/partners/agency/"
    response = InformationResponse.objects.get(request=request)
    assert response.recorded_by == agency_rep
    assert response.received_on == dt.date(2026, 3, 16)
    assert response.actions_taken == "Two visits and a warning letter."
    assert response.exemption_relied_on.startswith("Another person's personal data")
    assert response.exemption_reason == "The neighbour's personal data is withheld."
    assert sorted(f.name for f in response.files.all()) == ["calls.csv", "log.pdf"]
    complaint.refresh_from_db()
    assert complaint.source == ComplaintSource.CONFIRMED_BY_AGENCY
    assert complaint.behaviour_on == dt.date(2026, 3, 1)
    added = case.complaints.get(agency_reference="CAD 77")
    assert added.incident == record
    assert case.events.latest("pk").step == Step.RECORD_RESPONSE
    followed = client.get(page["Location"]).content.decode()
    assert "is sent" in followed
    assert "Answered" in followed
    # The banner is shown once; the request page then shows the answer with its files.
    shown = client.get(f"/staff/partners/agency/requests/{request.pk}/").content.decode()
    assert "2 incidents" in shown
    assert "log.pdf</a>" in shown


def test_the_request_page_shows_what_the_agency_needs_and_records_the_read(
    area, coordinator, agency_rep, staff_client
):
    case = gathering(
        area,
        coordinator,
        complaints=[stated(area.police_force, dt.date(2026, 3, 2))],
        location="Outside 3 Fore Street",
    )

    page = staff_client(agency_rep).get(f"/staff/partners/agency/requests/{request_to(case).pk}/")

    html = page.content.decode()
    assert page.status_code == 200
    assert "Sam Victim" in html
    assert "SG14 1AB" in html
    assert "1 High Street, Hertford" in html
    assert "Loud music and shouting most nights." in html
    assert "Outside 3 Fore Street" in html
    assert "2 March 2026" in html  # the complaint the applicant says they made
    assert "How this date was worked out" in html
    assert "Mr Example" not in html  # the people alleged responsible are not the agency's
    assert AccessRecord.objects.filter(
        case=case, user=agency_rep, what="information request"
    ).exists()


def test_add_another_incident_keeps_what_was_typed(area, coordinator, agency_rep, staff_client):
    case = gathering(area, coordinator)

    page = staff_client(agency_rep).post(
        answer_url(request_to(case).pk),
        {
            **management(3),
            **incident_row(0, dt.date(2026, 3, 1), dt.date(2026, 3, 2), summary="Kept row"),
            "actions_taken": "Kept actions",
            "add_incident": "1",
        },
    )

    html = page.content.decode()
    assert page.status_code == 200
    assert "Incident 4" in html
    assert "Kept row" in html
    assert "Kept actions" in html
    assert not InformationResponse.objects.exists()


def test_an_answer_cannot_be_sent_once_the_meeting_is_held(
    area, coordinator, agency_rep, staff_client
):
    from tests.reviews.helpers import held

    case = held(area, coordinator)
    client = staff_client(agency_rep)

    page = client.get(answer_url(request_to(case).pk), follow=True)

    html = page.content.decode()
    assert "cannot have an information response recorded" in html
    assert "Contact the coordinator" in html
