"""Every version of an area's procedure stays readable: a list of versions, each version's page
and PDF saying clearly which version it is and which is current."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from django.urls import reverse

from casereview.rules.policy import REFERENCE_PROCEDURE
from tests.factories import make_area, make_policy
from tests.public.information.helpers import pdf_text, text_of, welsh

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_versions(area):
    """Version 1 (threshold 3, from 1 January 2025) replaced by version 2 (threshold 2, from 1
    April 2026)."""
    second = make_policy(
        area,
        replace(REFERENCE_PROCEDURE, threshold=2),
        version=2,
        effective_from=dt.date(2026, 4, 1),
    )
    second.notes = "Lower threshold after the annual review"
    second.save()
    return area


def version_page(client, area, version, status=200):
    response = client.get(reverse("public:procedure-version", args=[area.slug, version]))
    assert response.status_code == status
    return text_of(response)


def test_the_list_shows_every_version_with_its_dates_and_what_changed(client, two_versions):
    response = client.get(reverse("public:procedure-versions", args=[two_versions.slug]))
    assert response.status_code == 200
    text = text_of(response)
    assert "Version 2" in text
    assert "Version 1" in text
    assert "Lower threshold after the annual review" in text
    assert "Now in force" in text
    assert reverse("public:procedure-version", args=[two_versions.slug, 1]) in text


def test_an_old_version_shows_its_own_threshold_and_says_it_is_not_current(client, two_versions):
    text = version_page(client, two_versions, 1)
    assert "3 qualifying complaints" in text
    assert "2 qualifying complaints" not in text
    assert (
        "This is version 1 of the procedure. It was in force from 1 January 2025 until "
        "1 April 2026, when version 2 replaced it. The current version is version 2." in text
    )
    assert reverse("public:procedure", args=[two_versions.slug]) in text


def test_the_current_version_says_it_is_current(client, two_versions):
    text = version_page(client, two_versions, 2)
    assert "2 qualifying complaints" in text
    assert "It is the current version." in text


def test_the_current_procedure_links_to_its_earlier_versions(client, two_versions):
    response = client.get(reverse("public:procedure", args=[two_versions.slug]))
    text = text_of(response)
    assert "This procedure has had 2 versions." in text
    assert reverse("public:procedure-versions", args=[two_versions.slug]) in text


def test_an_unknown_version_is_404(client, area):
    version_page(client, area, 7, status=404)
    response = client.get(reverse("public:procedure-version-pdf", args=[area.slug, 7]))
    assert response.status_code == 404


def test_an_area_not_on_the_service_has_no_version_pages(client):
    elsewhere = make_area("Elsewhere", on_service=False)
    make_policy(elsewhere, REFERENCE_PROCEDURE)
    assert (
        client.get(reverse("public:procedure-versions", args=[elsewhere.slug])).status_code == 404
    )
    version_page(client, elsewhere, 1, status=404)


def test_the_pdf_of_an_old_version_is_a_real_pdf_of_that_version(client, two_versions):
    response = client.get(reverse("public:procedure-version-pdf", args=[two_versions.slug, 1]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert "east-hertfordshire-case-review-procedure-v1.pdf" in response["Content-Disposition"]
    text = pdf_text(response.content)
    assert "This is version 1 of the procedure" in text
    assert "Policy version 1" in text
    assert "3 qualifying complaints" in text


def test_in_welsh_an_old_version_is_in_welsh(client, two_versions):
    text = version_page(welsh(client), two_versions, 1)
    assert "Dyma fersiwn 1 o'r weithdrefn" in text
    assert "1 Ebrill 2026" in text
