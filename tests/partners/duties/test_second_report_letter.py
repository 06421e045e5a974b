"""The ready letter of a second-report prompt renders as PDF and Word, in English and Welsh,
with the area's own threshold, windows, public page and contact details."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse
from docx import Document
from pypdf import PdfReader

from casereview.accounts.models import User
from casereview.areas.models import Area
from casereview.audit.models import AccessRecord
from casereview.partners.duties.second_report import raise_second_report_prompts
from casereview.partners.models import SecondReportPrompt
from tests.partners.duties.helpers import incident, victim_record

pytestmark = pytest.mark.usefixtures("in_march")

StaffClient = Callable[[User], Client]


@pytest.fixture
def prompt(area: Area) -> SecondReportPrompt:
    record = victim_record(area, area.police_force, "Sam Victim", address="1 High Street\nHertford")
    incident(area, area.police_force, record, dt.date(2026, 1, 5))
    raise_second_report_prompts([incident(area, area.police_force, record, dt.date(2026, 2, 1))])
    return SecondReportPrompt.objects.get()


def _download(client: Client, prompt: SecondReportPrompt, fmt: str, lang: str) -> bytes:
    url = reverse(
        "partners:second-report-letter",
        kwargs={"slug": prompt.area.slug, "prompt_id": prompt.pk, "fmt": fmt, "lang": lang},
    )
    response = client.get(url)
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    assert "Sam" not in response["Content-Disposition"]
    return response.content


def _pdf_text(data: bytes) -> str:
    return " ".join(
        " ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(data)).pages
    )


def _docx_text(data: bytes) -> str:
    return " ".join(" ".join(p.text.split()) for p in Document(io.BytesIO(data)).paragraphs)


@pytest.mark.parametrize(("fmt", "read"), [("pdf", _pdf_text), ("docx", _docx_text)])
def test_the_english_letter_explains_the_review_with_the_areas_details(
    fmt: str,
    read: Callable[[bytes], str],
    prompt: SecondReportPrompt,
    coordinator: User,
    staff_client: StaffClient,
) -> None:
    text = read(_download(staff_client(coordinator), prompt, fmt, "en"))

    assert "East Hertfordshire District Council" in text
    assert "Dear Sam Victim" in text
    assert "Hertford" in text
    assert "5 January 2026" in text
    assert "1 February 2026" in text
    assert "at least 3 complaints" in text
    assert "within 30 days" in text
    assert "within 6 months" in text
    assert "Diary sheets are not counted" in text
    assert "free" in text
    assert "/areas/east-hertfordshire/" in text
    assert "01279 655261" in text
    assert "community.safety@eastherts.gov.uk" in text
    assert "if you agree to it" in text


@pytest.mark.parametrize(("fmt", "read"), [("pdf", _pdf_text), ("docx", _docx_text)])
def test_the_welsh_letter_is_in_welsh_with_the_areas_details(
    fmt: str,
    read: Callable[[bytes], str],
    prompt: SecondReportPrompt,
    coordinator: User,
    staff_client: StaffClient,
) -> None:
    text = read(_download(staff_client(coordinator), prompt, fmt, "cy"))

    assert "Annwyl Sam Victim" in text
    assert "Yn gywir" in text
    assert "Ionawr 2026" in text  # dates in Welsh
    assert "East Hertfordshire District Council" in text
    assert "01279 655261" in text
    assert "/areas/east-hertfordshire/" in text


def test_each_download_is_recorded_in_the_access_log(
    prompt: SecondReportPrompt, coordinator: User, staff_client: StaffClient
) -> None:
    _download(staff_client(coordinator), prompt, "pdf", "cy")

    assert AccessRecord.objects.get(area=prompt.area).what == (
        f"second-report letter {prompt.pk} (pdf, cy)"
    )


@pytest.mark.parametrize(("fmt", "lang"), [("html", "en"), ("pdf", "fr")])
def test_an_unknown_format_or_language_is_404(
    fmt: str, lang: str, prompt: SecondReportPrompt, coordinator: User, staff_client: StaffClient
) -> None:
    url = reverse(
        "partners:second-report-letter",
        kwargs={"slug": prompt.area.slug, "prompt_id": prompt.pk, "fmt": fmt, "lang": lang},
    )

    assert staff_client(coordinator).get(url).status_code == 404
