"""Browsing the directory by region: England's nine regions, then Wales."""

from __future__ import annotations

import pytest
from django.urls import reverse

from casereview.areas.selectors import areas_by_region, region_by_slug

pytestmark = pytest.mark.django_db


def test_the_regions_are_englands_nine_in_alphabetical_order_then_wales():
    regions = areas_by_region()
    assert [r.name for r in regions] == [
        "East Midlands",
        "East of England",
        "London",
        "North East",
        "North West",
        "South East",
        "South West",
        "West Midlands",
        "Yorkshire and The Humber",
        "Wales",
    ]
    assert [r.nation for r in regions][-1] == "wales"
    assert sum(len(r.areas) for r in regions) == 318


def test_a_region_is_found_by_its_slug_with_its_areas():
    region = region_by_slug("yorkshire-and-the-humber")
    assert region is not None
    assert len(region.areas) == 15
    assert region.areas[0].name == "Barnsley"


def test_the_directory_links_to_every_region(client):
    text = client.get(reverse("areas:directory")).content.decode()
    assert 'href="/areas/region/east-of-england/"' in text
    assert 'href="/areas/region/wales/"' in text
    assert "45 councils" in text


def test_a_region_page_lists_its_councils(client):
    response = client.get(reverse("areas:region", args=["wales"]))
    assert response.status_code == 200
    text = response.content.decode()
    assert "Councils in Wales" in text
    assert 'href="/areas/swansea/"' in text
    assert 'href="/areas/east-hertfordshire/"' not in text


def test_a_region_page_marks_the_areas_on_the_service(client, east_herts):
    text = client.get(reverse("areas:region", args=["east-of-england"])).content.decode()
    assert text.count("On this service") == 1


def test_an_unknown_region_is_not_found(client):
    assert client.get(reverse("areas:region", args=["atlantis"])).status_code == 404
