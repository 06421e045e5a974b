"""The procedure as a PDF: the same content as the page, in the page's language."""

from __future__ import annotations

from dataclasses import replace

import pytest
from django.urls import reverse

from casereview.rules.policy import REFERENCE_PROCEDURE, Timescales
from tests.factories import make_policy
from tests.public.information.helpers import pdf_text, welsh

pytestmark = pytest.mark.django_db


def download(client, area):
    response = client.get(reverse("public:procedure_pdf", args=[area.slug]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    return response


def test_the_pdf_holds_the_threshold_and_the_timescales_of_the_live_policy(client, area):
    make_policy(
        area,
        replace(REFERENCE_PROCEDURE, timescales=Timescales(decision_working_days=12)),
        version=2,
    )
    text = pdf_text(download(client, area).content)
    assert "3 qualifying complaints" in text
    assert "within 12 working days of receiving your application" in text
    assert "28 days" in text
    assert "Policy version 2" in text


def test_the_pdf_is_named_after_the_area_and_the_version(client, area):
    response = download(client, area)
    assert response["Content-Disposition"] == (
        'attachment; filename="east-hertfordshire-case-review-procedure-v1.pdf"'
    )


def test_the_pdf_writes_out_the_addresses_of_its_links(client, area, settings):
    settings.SITE_URL = "https://casereview.example"
    text = pdf_text(download(client, area).content)
    assert "https://casereview.example/track/" in text
    assert "https://casereview.example/areas/east-hertfordshire/apply/" in text


def test_in_welsh_the_pdf_is_welsh_and_has_a_welsh_name(client, area):
    response = download(welsh(client), area)
    assert "gweithdrefn-adolygiad-achos-v1.pdf" in response["Content-Disposition"]
    # Dates come out in Welsh: the policy took effect on 1 January 2025.
    assert "1 Ionawr 2025" in pdf_text(response.content)
