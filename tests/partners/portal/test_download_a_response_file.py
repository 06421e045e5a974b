"""A file of the agency's response can be downloaded by the agency's representatives only (always
as an attachment); anyone else, of another agency or another area, gets 404."""

from __future__ import annotations

import datetime as dt

import pytest

from casereview.accounts.models import Role
from casereview.areas.models import AgencyKind
from casereview.audit.models import AccessRecord
from casereview.partners.services import information_response_record
from casereview.reviews.services import Upload
from tests.cases.helpers import agency_of, gathering, request_to
from tests.factories import make_user

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_march")]


@pytest.fixture
def file_url(area, coordinator, agency_rep) -> str:
    request = request_to(gathering(area, coordinator))
    response = information_response_record(
        request,
        by=agency_rep,
        received_on=dt.date(2026, 3, 16),
        files=[Upload("log.txt", "text/plain", b"Incident log")],
    )
    document = response.files.get()
    return f"/staff/partners/agency/requests/{request.pk}/files/{document.pk}/"


def test_the_agency_downloads_its_file(file_url, agency_rep, staff_client):
    page = staff_client(agency_rep).get(file_url)

    assert page.status_code == 200
    assert page.content == b"Incident log"
    assert page["Content-Disposition"].startswith("attachment")
    assert page["Content-Type"] == "text/plain"
    assert AccessRecord.objects.filter(user=agency_rep, what="information response file").exists()


def test_another_agency_and_another_area_get_404(file_url, area, other_area, staff_client):
    housing = make_user(
        "rep@housing.test",
        Role.AGENCY_REPRESENTATIVE,
        area,
        agency=agency_of(area, AgencyKind.HOUSING),
    )
    elsewhere = make_user("rep@elsewhere.test", Role.AGENCY_REPRESENTATIVE, other_area)

    for person in (housing, elsewhere):
        client = staff_client(person)
        assert client.get(file_url).status_code == 404
        assert client.post(file_url).status_code == 404
