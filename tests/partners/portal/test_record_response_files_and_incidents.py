"""``information_response_record`` keeps the files a body supplies (checked: type, size, not
empty, every problem at once) and ties each incident to the body's own incident record with the
same reference, whose confirmed cross-agency links set the complaint's incident key."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from casereview.areas.models import AgencyKind
from casereview.partners.models import Incident, InformationResponse, ResponseDocument
from casereview.partners.services import IncidentInput, information_response_record
from casereview.reviews.models import MAX_UPLOAD_BYTES
from casereview.reviews.services import Upload
from tests.cases.helpers import agency_of, gathering, request_to

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_march")]

DAY = dt.date(2026, 3, 16)


def incident_record(area, agency, reference: str, *, group_key: int | None = None) -> Incident:
    record = Incident(
        area=area,
        agency=agency,
        agency_reference=reference,
        behaviour_on=dt.date(2026, 3, 9),
        reported_on=dt.date(2026, 3, 9),
    )
    record.refresh_derived()
    record.save()
    # As matching leaves it: its own pk alone, or the smallest pk of a confirmed group.
    Incident.objects.filter(pk=record.pk).update(
        group_key=group_key or record.pk, linked=group_key is not None
    )
    record.refresh_from_db()
    return record


def test_files_are_kept_with_the_response(area, coordinator):
    response = information_response_record(
        request_to(gathering(area, coordinator)),
        by=coordinator,
        received_on=DAY,
        files=[
            Upload("log.pdf", "application/pdf", b"%PDF"),
            Upload("calls.xlsx", "application/octet-stream", b"PK\x03\x04"),
        ],
    )

    files = {f.name: f for f in response.files.all()}
    assert sorted(files) == ["calls.xlsx", "log.pdf"]
    assert files["log.pdf"].size == 4
    assert bytes(files["log.pdf"].data) == b"%PDF"
    assert files["calls.xlsx"].content_type.endswith("spreadsheetml.sheet")


def test_every_bad_file_is_reported_at_once_and_nothing_is_kept(area, coordinator):
    with pytest.raises(ValidationError) as refused:
        information_response_record(
            request_to(gathering(area, coordinator)),
            by=coordinator,
            received_on=DAY,
            files=[
                Upload("virus.exe", "application/octet-stream", b"MZ"),
                Upload("empty.txt", "text/plain", b""),
                Upload("huge.pdf", "application/pdf", b"x" * (MAX_UPLOAD_BYTES + 1)),
            ],
        )

    messages = refused.value.message_dict["files"]
    assert len(messages) == 3
    assert "virus.exe" in messages[0]
    assert "empty.txt" in messages[1]
    assert "huge.pdf" in messages[2]
    assert not InformationResponse.objects.exists()
    assert not ResponseDocument.objects.exists()


def test_an_incident_with_the_reference_of_a_linked_record_takes_its_groups_key(area, coordinator):
    police = area.police_force
    housing_record = incident_record(area, agency_of(area, AgencyKind.HOUSING), "H-1")
    police_record = incident_record(area, police, "CAD 9", group_key=housing_record.pk)
    case = gathering(area, coordinator)

    information_response_record(
        request_to(case),
        by=coordinator,
        received_on=DAY,
        incidents=[IncidentInput(dt.date(2026, 3, 9), dt.date(2026, 3, 9), "CAD 9")],
    )

    complaint = case.complaints.get()
    assert complaint.incident == police_record
    assert complaint.incident_key == f"linked-{housing_record.pk}"


def test_a_key_the_body_gives_wins_over_its_records(area, coordinator):
    incident_record(area, area.police_force, "CAD 9", group_key=1)
    case = gathering(area, coordinator)

    information_response_record(
        request_to(case),
        by=coordinator,
        received_on=DAY,
        incidents=[
            IncidentInput(dt.date(2026, 3, 9), dt.date(2026, 3, 9), "CAD 9", incident_key="own")
        ],
    )

    complaint = case.complaints.get()
    assert complaint.incident is not None
    assert complaint.incident_key == "own"


def test_another_agencys_record_with_the_same_reference_is_not_linked(area, coordinator):
    incident_record(area, agency_of(area, AgencyKind.HOUSING), "CAD 9")
    case = gathering(area, coordinator)

    information_response_record(
        request_to(case),
        by=coordinator,
        received_on=DAY,
        incidents=[IncidentInput(dt.date(2026, 3, 9), dt.date(2026, 3, 9), "CAD 9")],
    )

    complaint = case.complaints.get()
    assert complaint.incident is None
    assert complaint.incident_key == ""
