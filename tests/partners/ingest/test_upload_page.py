"""The upload page end to end: an area administrator uploads a CSV file, a background task
imports it, and the import's page shows its progress and then its outcome: the counts, or
every rejected row with nothing imported."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from casereview.partners.models import ImportStatus, Incident, IncidentImport
from tests.partners.ingest.helpers import csv_file, csv_row
from tests.tasks import run_tasks, waiting_tasks

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_march")]


def _upload(
    client: Any, area: Any, agency: Any, content: bytes, name: str = "incidents.csv"
) -> Any:
    return client.post(
        reverse("partners:imports", kwargs={"slug": area.slug}),
        {"agency": str(agency.pk), "upload": SimpleUploadedFile(name, content, "text/csv")},
    )


def test_an_uploaded_file_is_imported_in_the_background_and_its_page_shows_the_counts(
    area, police, area_admin, staff_client, django_capture_on_commit_callbacks
):
    client = staff_client(area_admin)

    with django_capture_on_commit_callbacks(execute=True):
        response = _upload(client, area, police, csv_file(csv_row("A"), csv_row("B")))

    upload = IncidentImport.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "partners:import", kwargs={"slug": area.slug, "import_id": upload.pk}
    )
    assert waiting_tasks() == ["casereview.partners.imports.tasks.run_import"]
    waiting = client.get(response["Location"]).content.decode()
    assert '<meta http-equiv="refresh" content="3">' in waiting
    assert "Waiting to start" in waiting

    assert run_tasks() == 1

    page = client.get(response["Location"]).content.decode()
    assert "2 new, 0 changed, 0 unchanged" in page
    assert 'http-equiv="refresh"' not in page
    upload.refresh_from_db()
    assert (upload.status, upload.total_rows, upload.rows_done, upload.uploaded_by) == (
        ImportStatus.DONE,
        2,
        2,
        area_admin,
    )
    assert Incident.objects.filter(area=area, agency=police).count() == 2


def test_the_list_shows_each_import_with_who_when_and_how_it_ended(
    area, police, area_admin, staff_client, django_capture_on_commit_callbacks
):
    client = staff_client(area_admin)
    with django_capture_on_commit_callbacks(execute=True):
        _upload(client, area, police, csv_file(csv_row("A")), name="march.csv")
    run_tasks()

    page = client.get(reverse("partners:imports", kwargs={"slug": area.slug})).content.decode()

    assert "march.csv" in page
    assert "Hertfordshire Constabulary" in page
    assert "Alex Admin" in page
    assert "Imported" in page
    assert "1 new, 0 changed, 0 unchanged" in page


def test_a_running_import_shows_a_progress_bar_with_the_rows_in_words(
    area, police, area_admin, staff_client
):
    upload = IncidentImport.objects.create(
        area=area,
        agency=police,
        file_name="big.csv",
        uploaded_by=area_admin,
        status=ImportStatus.IMPORTING,
        total_rows=40000,
        rows_done=12000,
    )

    page = (
        staff_client(area_admin)
        .get(reverse("partners:import", kwargs={"slug": area.slug, "import_id": upload.pk}))
        .content.decode()
    )

    assert '<progress class="app-progress" id="import-progress" value="12000" max="40000"' in page
    assert "12,000 of 40,000 rows" in page
    assert "Importing the rows" in page
    assert '<meta http-equiv="refresh" content="3">' in page


def test_a_file_with_bad_rows_imports_nothing_and_its_page_lists_every_problem(
    area, police, area_admin, staff_client, django_capture_on_commit_callbacks
):
    client = staff_client(area_admin)
    content = csv_file(
        csv_row("A"),
        csv_row("B", behaviour_date="2027-01-01"),
        csv_row("C"),
        csv_row("D", postcode="nowhere"),
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = _upload(client, area, police, content)
    run_tasks()

    page = client.get(response["Location"]).content.decode()

    assert "2 rows have problems. Nothing was imported." in page
    assert "The date of the behaviour must be today or in the past" in page
    assert "Enter a real UK postcode, like SG13 8EQ" in page
    assert IncidentImport.objects.get().problems == [
        {
            "row": 3,
            "reference": "B",
            "field": "behaviour_date",
            "message": "The date of the behaviour must be today or in the past",
        },
        {
            "row": 3,
            "reference": "B",
            "field": "reported_date",
            "message": "The date it was reported must be the same as or after the date of the "
            "behaviour",
        },
        {
            "row": 5,
            "reference": "D",
            "field": "postcode",
            "message": "Enter a real UK postcode, like SG13 8EQ",
        },
    ]
    assert not Incident.objects.exists()
    report = client.get(
        reverse(
            "partners:import-problems",
            kwargs={"slug": area.slug, "import_id": IncidentImport.objects.get().pk},
        )
    )
    assert report.content.decode("utf-8-sig").splitlines()[1] == (
        "3,B,behaviour_date,The date of the behaviour must be today or in the past"
    )


def test_a_file_with_the_wrong_columns_is_rejected_on_its_header(
    area, police, area_admin, staff_client, django_capture_on_commit_callbacks
):
    client = staff_client(area_admin)
    with django_capture_on_commit_callbacks(execute=True):
        response = _upload(client, area, police, b"ref,when\nA,2026-03-02\n")
    run_tasks()

    page = client.get(response["Location"]).content.decode()

    assert "The header row (row 1) is not right" in page
    assert IncidentImport.objects.get().status == ImportStatus.REJECTED


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("incidents.xlsx", b"PK\x03\x04", "The selected file must be a CSV file"),
        ("incidents.csv", b"", "The selected file is empty"),
    ],
)
def test_a_file_that_is_not_a_csv_file_is_refused_on_the_form(
    area, police, area_admin, staff_client, name, content, message
):
    response = _upload(staff_client(area_admin), area, police, content, name=name)

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not IncidentImport.objects.exists()


def test_an_agency_of_another_area_cannot_be_chosen(area, other_area, area_admin, staff_client):
    response = _upload(staff_client(area_admin), area, other_area.police_force, csv_file(csv_row()))

    assert "Choose one of the area&#39;s agencies" in response.content.decode()
    assert not IncidentImport.objects.exists()


def test_the_template_can_be_downloaded(area, area_admin, staff_client):
    response = staff_client(area_admin).get(
        reverse("partners:import-template", kwargs={"slug": area.slug})
    )

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.decode().startswith("agency_reference,behaviour_date,")
