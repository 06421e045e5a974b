"""The area page explains the Case Review in plain English from the area's live policy: who can
use it, what happens and when (with the area's own timescales), what it does not cover and where
to go instead, and links to the rest of the public journey."""

from __future__ import annotations

import html
from dataclasses import replace

import pytest
from django.urls import reverse

from casereview.areas.models import Area
from casereview.rules.policy import REFERENCE_PROCEDURE, Exclusion, Timescales
from tests.areas.conftest import add_policy

pytestmark = pytest.mark.django_db


def page(client, slug: str) -> str:
    response = client.get(reverse("areas:area", args=[slug]))
    assert response.status_code == 200
    # Entities decoded and apostrophes made plain: Python's strings are escaped, templates' curly.
    return html.unescape(response.content.decode()).replace("\u2019", "'")


def test_the_page_says_who_can_ask_for_a_review(client, east_herts):
    text = page(client, "east-hertfordshire")
    assert "a business or a community group affected by it" in text
    assert "friend, relative, carer, councillor, MP or a professional" in text
    assert "an agency working with the victim" in text


def test_the_timeline_uses_the_areas_own_timescales(client, east_herts):
    text = page(client, "east-hertfordshire")
    assert "Within 3 working days of receiving it, the council tells you" in text
    assert "They have 5 working days to reply" in text
    assert "you have 28 days from the decision to ask" in text
    assert "An appeal is heard within 15 working days of being received" in text
    assert "have 10 working days to comment before it is made final" in text
    assert "not counting bank holidays in England" in text


def test_a_new_policy_version_changes_the_timeline(client, east_herts):
    add_policy(
        east_herts,
        replace(
            REFERENCE_PROCEDURE,
            timescales=Timescales(acknowledge_working_days=2, victim_comment_working_days=7),
        ),
    )
    text = page(client, "east-hertfordshire")
    assert "Within 2 working days of receiving it, the council tells you" in text
    assert "have 7 working days to comment before it is made final" in text
    assert "have 10 working days to comment" not in text


def test_each_exclusion_of_the_policy_says_where_to_go_instead(client, east_herts):
    text = page(client, "east-hertfordshire")
    assert "A decision made by a court" in text
    assert 'href="https://www.citizensadvice.org.uk/"' in text
    assert "Victims' Right to Review" in text
    assert "Independent Office for Police Conduct" in text
    assert "Local Government and Social Care Ombudsman" in text
    assert "Crimestoppers" in text
    assert "Call 999" in text


def test_only_the_exclusions_the_policy_lists_are_shown(client, east_herts):
    add_policy(east_herts, replace(REFERENCE_PROCEDURE, exclusions=(Exclusion.COURT_DECISION,)))
    text = page(client, "east-hertfordshire")
    assert "A decision made by a court" in text
    assert "Victims' Right to Review" not in text
    assert "Call 999" in text


def test_the_page_links_to_check_apply_track_procedure_and_not_happy(client, east_herts):
    text = page(client, "east-hertfordshire")
    slug = {"slug": "east-hertfordshire"}
    for url in (
        reverse("public:check", kwargs=slug),
        reverse("public:apply", kwargs=slug),
        reverse("public:track_start"),
        reverse("public:procedure", kwargs=slug),
        reverse("public:procedure_pdf", kwargs=slug),
        reverse("public:unhappy", kwargs=slug),
    ):
        assert f'href="{url}"' in text, url
    assert "Check if you can ask for a review" in text
    assert "Track your case review" in text


def test_an_area_not_on_the_service_keeps_the_fallback_without_the_journey(client):
    text = page(client, "swansea")
    assert "This area does not run its review on this service yet" in text
    assert f'href="{reverse("public:check", kwargs={"slug": "swansea"})}"' not in text
    assert f'href="{reverse("public:procedure", kwargs={"slug": "swansea"})}"' not in text
    assert "Track your case review" not in text
    # Unhappy with how the council ran a review: that page helps everyone.
    assert f'href="{reverse("public:unhappy", kwargs={"slug": "swansea"})}"' in text


def test_the_page_says_when_the_policy_took_effect(client, east_herts):
    assert "In force from 1 April 2026." in page(client, "east-hertfordshire")


def test_a_welsh_area_names_the_ombudsman_for_wales(client):
    area = Area.objects.get(slug="swansea")
    area.on_service = True
    area.save()
    add_policy(area, replace(REFERENCE_PROCEDURE, nation="wales"))
    text = page(client, "swansea")
    assert "Public Services Ombudsman for Wales" in text
    assert "not counting bank holidays in Wales" in text
