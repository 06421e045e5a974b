"""The report of a completed self-assessment, as a staff page and a PDF: the score overall and
per commitment, every item with its answer and evidence, when and by whom it was completed."""

import io
from collections.abc import Callable

import pypdf
from django.test import Client
from django.urls import reverse

from casereview.accounts.models import User
from casereview.areas.models import Area
from tests.pledge.helpers import completed


def test_the_report_page_shows_scores_answers_and_who(
    staff_client: Callable[[User], Client], area_admin: User, area: Area, in_march: None
) -> None:
    # 26 items, one No: 50 of 52 points, 96%.
    assessment = completed(area, area_admin, legality_windows="no")
    response = staff_client(area_admin).get(
        reverse("pledge:report", kwargs={"slug": area.slug, "pk": assessment.pk})
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Score: 96% (50 of 52 points)." in page
    assert "Completed on 16 March 2026 by Alex Admin." in page
    assert "2. Legality" in page
    assert "10 of 12" in page
    assert "Evidence for legality-windows" in page
    assert "Automatic evidence" in page


def test_the_report_as_a_pdf(
    staff_client: Callable[[User], Client], area_admin: User, area: Area, in_march: None
) -> None:
    assessment = completed(area, area_admin, legality_windows="no")
    response = staff_client(area_admin).get(
        reverse("pledge:report-pdf", kwargs={"slug": area.slug, "pk": assessment.pk})
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    text = " ".join(
        page.extract_text() for page in pypdf.PdfReader(io.BytesIO(response.content)).pages
    )
    assert "96%" in text
    assert "Alex Admin" in text


def test_an_assessment_in_progress_has_no_report(
    staff_client: Callable[[User], Client], area_admin: User, area: Area, in_march: None
) -> None:
    from casereview.pledge.services import start_assessment

    assessment = start_assessment(area, by=area_admin)
    response = staff_client(area_admin).get(
        reverse("pledge:report", kwargs={"slug": area.slug, "pk": assessment.pk})
    )
    assert response.status_code == 404
