"""The public page of an area: its rules and timescales when it is on the service, the law and
the 101 fallback when it is not."""

from __future__ import annotations

from dataclasses import replace

import pytest
from django.urls import reverse

from casereview.areas.models import Area, AreaPolicy
from casereview.rules.policy import REFERENCE_PROCEDURE, ReportWindow
from tests.areas.conftest import add_policy

pytestmark = pytest.mark.django_db


def page(client, slug: str) -> str:
    response = client.get(reverse("areas:area", args=[slug]))
    assert response.status_code == 200
    return response.content.decode()


def test_an_area_on_the_service_shows_the_figures_of_its_policy(client, east_herts):
    text = page(client, "east-hertfordshire")
    assert "East Hertfordshire District Council runs its ASB Case Review on this service" in text
    assert "3 qualifying complaints" in text
    assert "Within 30 days of the behaviour" in text
    assert "6 months of the complaints" in text
    assert "within 3 working days of receiving it" in text
    assert "within 14 working days of receiving your application" in text
    assert "within 28 days of the decision" in text
    assert "A senior manager can start a review to protect a vulnerable victim" in text
    assert "Policy version 1." in text


def test_the_page_follows_the_newest_version_of_the_policy(client, east_herts):
    add_policy(
        east_herts,
        replace(REFERENCE_PROCEDURE, threshold=2, report_within=ReportWindow(months=1)),
    )
    text = page(client, "east-hertfordshire")
    assert "2 qualifying complaints" in text
    assert "3 qualifying complaints" not in text
    assert "Within one month of the behaviour" in text
    assert "Policy version 2." in text


def test_an_area_on_the_service_lists_each_way_to_apply(client, east_herts):
    text = page(client, "east-hertfordshire")
    apply_url = reverse("public:apply", kwargs={"slug": "east-hertfordshire"})
    assert f'<a class="govuk-link" href="{apply_url}">Apply online</a>' in text
    assert 'href="mailto:community.safety@eastherts.gov.uk"' in text
    assert "01279 655261" in text
    assert "Pegs Lane<br>Hertford" in text
    assert "In person or through another agency" in text
    assert "call Hertfordshire Constabulary on 101" in text


def test_the_header_names_the_council(client, east_herts):
    text = page(client, "east-hertfordshire")
    assert "<title>ASB Case Review in East Hertfordshire \u2013" in text
    assert "govuk-generic-header__homepage-link" in text
    header = text.split("govuk-generic-header__homepage-link", 1)[1][:200]
    assert "East Hertfordshire District Council" in header


def test_an_area_not_on_the_service_says_so_and_gives_the_101_fallback(client):
    text = page(client, "swansea")
    assert "This area does not run its review on this service yet" in text
    assert "contact City and County of Swansea Council, or call South Wales Police on 101" in text
    assert "no higher than 3 qualifying complaints" in text
    assert "which may be lower" in text
    assert "Apply online" not in text
    assert "govuk-table" not in text


def test_an_area_with_a_policy_but_not_switched_on_is_not_shown_as_on_the_service(client):
    area = Area.objects.get(slug="swansea")
    add_policy(area, REFERENCE_PROCEDURE)
    text = page(client, "swansea")
    assert "This area does not run its review on this service yet" in text
    assert "Within 30 days" not in text


def test_an_area_switched_on_without_a_policy_falls_back_to_the_law(client):
    Area.objects.filter(slug="swansea").update(on_service=True)
    text = page(client, "swansea")
    assert "This area does not run its review on this service yet" in text


def test_a_damaged_policy_record_falls_back_instead_of_failing(client, east_herts):
    AreaPolicy.objects.filter(area=east_herts).update(rules={"threshold": "three"})
    text = page(client, "east-hertfordshire")
    assert "This area does not run its review on this service yet" in text
    assert "call Hertfordshire Constabulary on 101" in text


def test_the_relevant_bodies_on_record_are_listed_council_first(client):
    text = page(client, "east-hertfordshire")
    council = text.index("<li>East Hertfordshire District Council</li>")
    county = text.index("<li>Hertfordshire County Council</li>")
    police = text.index("<li>Hertfordshire Constabulary</li>")
    assert council < county < police


def test_an_unknown_area_is_not_found(client):
    assert client.get(reverse("areas:area", args=["atlantis"])).status_code == 404


def test_every_area_in_the_directory_has_a_working_page(client):
    for area in Area.objects.all():
        response = client.get(reverse("areas:area", args=[area.slug]))
        assert response.status_code == 200, area.slug
