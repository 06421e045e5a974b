"""The public sees an area's latest completed self-assessment: its report (without staff names),
the result on the area page and a tag in the directory."""

import io

import pypdf
from django.test import Client
from django.urls import reverse

from casereview.accounts.models import User
from casereview.areas.models import Area
from casereview.pledge.selectors import completed_results
from tests.pledge.helpers import completed


def test_no_completed_assessment_no_public_report(area: Area, area_admin: User) -> None:
    from casereview.pledge.services import start_assessment

    start_assessment(area, by=area_admin)
    response = Client().get(reverse("pledge:public-report", kwargs={"slug": area.slug}))
    assert response.status_code == 404


def test_the_public_report_leaves_out_staff_names(
    area: Area, area_admin: User, in_march: None
) -> None:
    completed(area, area_admin, legality_windows="no")
    response = Client().get(reverse("pledge:public-report", kwargs={"slug": area.slug}))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Score: 96%" in page
    assert "Completed on 16 March 2026." in page
    assert "Alex Admin" not in page
    assert "admin@eastherts.test" not in page


def test_the_public_report_in_welsh(area: Area, area_admin: User, in_march: None) -> None:
    completed(area, area_admin)
    client = Client()
    client.cookies["django_language"] = "cy"
    response = client.get(reverse("pledge:public-report", kwargs={"slug": area.slug}))
    assert response.status_code == 200
    assert 'lang="cy"' in response.content.decode()


def test_the_public_pdf(area: Area, area_admin: User, in_march: None) -> None:
    completed(area, area_admin)
    response = Client().get(reverse("pledge:public-report-pdf", kwargs={"slug": area.slug}))
    assert response.content.startswith(b"%PDF")
    text = " ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(response.content)).pages)
    assert "100%" in text
    assert "Alex Admin" not in text


def test_the_area_page_shows_the_result(area: Area, area_admin: User, in_march: None) -> None:
    completed(area, area_admin, legality_windows="no")
    page = Client().get(reverse("areas:area", kwargs={"slug": area.slug})).content.decode()
    assert "PLEDGE self-assessment: 96%, completed 16 March 2026" in page
    assert reverse("pledge:public-report", kwargs={"slug": area.slug}) in page


def test_the_directory_search_and_region_show_a_tag(
    area: Area, other_area: Area, area_admin: User, in_march: None
) -> None:
    completed(area, area_admin, legality_windows="no")
    search = Client().get(reverse("areas:directory"), {"q": "Hertfordshire"}).content.decode()
    assert "PLEDGE 96%" in search
    region = (
        Client()
        .get(reverse("areas:region", kwargs={"region_slug": "east-of-england"}))
        .content.decode()
    )
    # Both areas are in the East of England; only one has completed a self-assessment.
    assert region.count("PLEDGE 96%") == 1
    assert "Otherborough" in region


def test_the_latest_completed_assessment_counts(
    area: Area, other_area: Area, area_admin: User, in_march: None
) -> None:
    completed(area, area_admin, legality_windows="no")
    latest = completed(area, area_admin)
    results = completed_results([area.pk, other_area.pk])
    assert set(results) == {area.pk}
    assert results[area.pk].percentage == 100
    assert results[area.pk].completed_on == latest.completed_on
