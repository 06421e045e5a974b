"""Only an area's administrators upload incident files; its coordinators (and read-only
members) see the imports; other members of the area are refused, and people of other areas get
404 for the area's pages and for any of its imports."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from casereview.partners.models import IncidentImport, IncidentImportFile
from tests.partners.ingest.helpers import csv_file, csv_row

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_march")]


def _an_import(area, agency) -> IncidentImport:
    upload = IncidentImport.objects.create(area=area, agency=agency, file_name="incidents.csv")
    IncidentImportFile.objects.create(upload=upload, content=csv_file(csv_row()))
    return upload


def _list(area) -> str:
    return reverse("partners:imports", kwargs={"slug": area.slug})


def _detail(area, upload) -> str:
    return reverse("partners:import", kwargs={"slug": area.slug, "import_id": upload.pk})


def test_a_coordinator_sees_the_imports_but_no_upload_form(area, police, coordinator, staff_client):
    _an_import(area, police)

    page = staff_client(coordinator).get(_list(area)).content.decode()

    assert "incidents.csv" in page
    assert 'enctype="multipart/form-data"' not in page


def test_a_coordinator_cannot_upload(area, police, coordinator, staff_client):
    response = staff_client(coordinator).post(
        _list(area),
        {"agency": str(police.pk), "upload": SimpleUploadedFile("a.csv", csv_file(csv_row()))},
    )

    assert response.status_code == 403
    assert not IncidentImport.objects.exists()


def test_a_read_only_member_sees_an_import(area, police, read_only, staff_client):
    upload = _an_import(area, police)

    assert staff_client(read_only).get(_detail(area, upload)).status_code == 200


@pytest.mark.parametrize("who", ["chair", "agency_rep"])
def test_other_members_of_the_area_are_refused(area, police, who, request, staff_client):
    client = staff_client(request.getfixturevalue(who))
    upload = _an_import(area, police)

    assert client.get(_list(area)).status_code == 403
    assert client.get(_detail(area, upload)).status_code == 403
    assert (
        client.get(reverse("partners:import-template", kwargs={"slug": area.slug})).status_code
        == 403
    )


def test_people_of_another_area_get_404(area, police, outsider, staff_client):
    client = staff_client(outsider)
    upload = _an_import(area, police)

    assert client.get(_list(area)).status_code == 404
    assert client.get(_detail(area, upload)).status_code == 404
    assert (
        client.get(
            reverse("partners:import-problems", kwargs={"slug": area.slug, "import_id": upload.pk})
        ).status_code
        == 404
    )


def test_another_areas_import_is_404_even_through_ones_own_area(
    area, other_area, area_admin, staff_client
):
    theirs = _an_import(other_area, other_area.police_force)
    client = staff_client(area_admin)

    assert client.get(_detail(area, theirs)).status_code == 404
    assert client.get(_detail(other_area, theirs)).status_code == 404


def test_signed_out_people_are_sent_to_sign_in(area, client):
    response = client.get(_list(area))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:sign-in"))
