"""Searching the directory by council name, official name or alternative name, without
JavaScript (a plain GET form)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from casereview.areas.selectors import search_areas

pytestmark = pytest.mark.django_db


def names(q: str) -> list[str]:
    return [area.name for area in search_areas(q)]


def test_a_search_by_name_finds_the_area():
    assert names("East Hertfordshire") == ["East Hertfordshire"]


def test_a_search_ignores_case_and_extra_spaces():
    assert names("  east   HERTFORDSHIRE ") == ["East Hertfordshire"]


def test_a_search_by_official_name_finds_the_area():
    assert names("Hull City Council") == ["Kingston upon Hull"]


def test_a_search_by_alternative_name_finds_the_area():
    # "Abertawe" is Swansea's Welsh name, listed only among its alternative names.
    assert names("abertawe") == ["Swansea"]
    assert names("Sir Ynys M\u00f4n") == ["Isle of Anglesey"]


def test_a_partial_name_finds_every_area_containing_it_in_name_order():
    assert names("hertfordshire") == ["East Hertfordshire", "North Hertfordshire"]


def test_an_empty_search_finds_nothing():
    assert names("   ") == []


def test_the_search_page_lists_matches_with_links_to_their_pages(client):
    response = client.get(reverse("areas:directory"), {"q": "abertawe"})
    assert response.status_code == 200
    text = response.content.decode()
    assert "1 council matches" in text
    assert 'href="/areas/swansea/"' in text


def test_a_search_with_no_matches_says_so_and_offers_help(client):
    response = client.get(reverse("areas:directory"), {"q": "Atlantis"})
    assert response.status_code == 200
    text = response.content.decode()
    assert "No councils match \u2018Atlantis\u2019" in text
    assert "check the spelling" in text
    assert "101" in text


def test_submitting_an_empty_search_shows_an_error_summary(client):
    response = client.get(reverse("areas:directory"), {"q": ""})
    assert response.status_code == 200
    text = response.content.decode()
    assert "govuk-error-summary" in text
    assert "Enter the name of a council or place" in text
    assert "<title>Error:" in text


def test_a_search_longer_than_100_characters_is_an_error_not_a_failure(client):
    response = client.get(reverse("areas:directory"), {"q": "x" * 101})
    assert response.status_code == 200
    assert "must be 100 characters or fewer" in response.content.decode()


def test_the_directory_opens_without_an_error_before_anyone_searches(client):
    response = client.get(reverse("areas:directory"))
    assert response.status_code == 200
    text = response.content.decode()
    assert "govuk-error-summary" not in text
    assert "Search results" not in text
    assert 'method="get"' in text


def test_areas_whose_names_start_with_the_search_come_before_those_that_only_contain_it():
    assert names("hull") == ["Kingston upon Hull", "Solihull"]
    assert names("Bristol")[0] == "City of Bristol"


def test_a_search_matching_many_areas_links_to_each(client):
    response = client.get(reverse("areas:directory"), {"q": "st"})
    assert response.status_code == 200
    assert 'href="/areas/st-helens/"' in response.content.decode()
