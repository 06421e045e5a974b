"""The published procedure is written out from the area's live policy version: change the policy
and the page changes with it."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from django.urls import reverse

from casereview.areas.models import Nation
from casereview.rules.policy import REFERENCE_PROCEDURE, Timescales
from tests.factories import make_area, make_policy
from tests.public.information.helpers import get_text

pytestmark = pytest.mark.django_db


def test_the_procedure_shows_the_threshold_the_windows_and_every_timescale(client, area):
    text = get_text(client, "public:procedure", area)
    assert "3 qualifying complaints" in text
    assert "within 30 days of the behaviour" in text
    assert "within 6 months of the complaint" in text
    assert "Diary sheets kept for an investigation do not count as complaints" in text
    assert "count once" in text
    assert "Within 3 working days of receiving it" in text
    assert "within 14 working days of receiving your application" in text
    assert "28 days from the decision to ask" in text
    assert "heard within 15 working days of being received" in text
    assert "have 10 working days to comment" in text
    assert "not counting bank holidays in England" in text


def test_the_procedure_names_its_version_and_the_day_it_took_effect(client, area):
    text = get_text(client, "public:procedure", area)
    assert "Policy version 1, in force from 1 January 2025." in text


def test_a_new_policy_version_changes_the_procedure(client, area):
    make_policy(
        area,
        replace(
            REFERENCE_PROCEDURE,
            threshold=2,
            timescales=Timescales(decision_working_days=10, acknowledge_working_days=2),
        ),
        version=2,
        effective_from=dt.date(2026, 4, 1),
    )
    text = get_text(client, "public:procedure", area)
    assert "2 qualifying complaints" in text
    assert "3 qualifying complaints" not in text
    assert "within 10 working days of receiving your application" in text
    assert "Within 2 working days of receiving it" in text
    assert "Policy version 2, in force from 1 April 2026." in text


def test_a_threshold_above_the_law_says_the_law_caps_it(client, area):
    make_policy(area, replace(REFERENCE_PROCEDURE, threshold=5), version=2)
    text = get_text(client, "public:procedure", area)
    assert "no more than 3 are needed" in text


def test_the_procedure_covers_exclusions_appeals_repeats_and_publication(client, area):
    text = get_text(client, "public:procedure", area)
    assert "Victims' Right to Review" in text
    assert "Independent Office for Police Conduct" in text
    assert "a senior manager of the council who was not involved in the case" in text
    assert "material change" in text
    assert "the number of times the threshold was not met" in text
    assert "Hertfordshire and West Essex Integrated Care Board" in text
    assert "At least 3 of the relevant bodies meet" in text


def test_a_welsh_area_counts_the_bank_holidays_of_wales(client):
    cardiff = make_area("Cardiff", nation=Nation.WALES)
    make_policy(cardiff, replace(REFERENCE_PROCEDURE, nation="wales"))
    text = get_text(client, "public:procedure", cardiff)
    assert "not counting bank holidays in Wales" in text
    assert "Public Services Ombudsman for Wales" in text


def test_the_page_links_to_its_pdf_and_to_the_not_happy_page(client, area):
    text = get_text(client, "public:procedure", area)
    assert f'href="{reverse("public:procedure_pdf", args=[area.slug])}"' in text
    assert f'href="{reverse("public:unhappy", args=[area.slug])}"' in text
    assert f'href="{reverse("public:apply", kwargs={"slug": area.slug})}"' in text


def test_an_area_not_on_the_service_gets_a_polite_not_found_page(client):
    elsewhere = make_area("Elsewhere", on_service=False)
    make_policy(elsewhere)
    text = get_text(client, "public:procedure", elsewhere, status=404)
    assert "does not run its ASB Case Review on this service yet" in text
    assert "call the police on 101" in text
    get_text(client, "public:procedure_pdf", elsewhere, status=404)


def test_an_area_without_a_policy_gets_the_same_page(client):
    bare = make_area("Bare")
    assert "does not run its ASB Case Review" in get_text(
        client, "public:procedure", bare, status=404
    )


def test_an_unknown_area_is_not_found(client):
    assert client.get(reverse("public:procedure", args=["atlantis"])).status_code == 404
    assert client.get(reverse("public:procedure_pdf", args=["atlantis"])).status_code == 404
