"""The "not happy with the process" page lists what to do, in order, with the ombudsman of the
area's nation."""

from __future__ import annotations

import pytest
from django.urls import reverse

from casereview.areas.models import Nation
from tests.factories import make_area, make_policy
from tests.public.information.helpers import get_text

pytestmark = pytest.mark.django_db


def test_an_english_area_sends_people_to_the_local_government_ombudsman(client, area):
    text = get_text(client, "public:unhappy", area)
    assert "Local Government and Social Care Ombudsman" in text
    assert "Public Services Ombudsman for Wales" not in text
    assert "Housing Ombudsman" in text


def test_a_welsh_area_sends_people_to_the_public_services_ombudsman_for_wales(client):
    cardiff = make_area("Cardiff", nation=Nation.WALES)
    make_policy(cardiff)
    text = get_text(client, "public:unhappy", cardiff)
    assert "Public Services Ombudsman for Wales" in text
    assert "Local Government and Social Care Ombudsman" not in text


def test_the_steps_come_in_order_from_the_contact_to_the_commissioner(client, area):
    text = get_text(client, "public:unhappy", area)
    order = [
        "Talk to your single point of contact",
        "Ask for a review of the decision, or appeal",
        "Use the council's complaints procedure",
        "Go to the ombudsman",
        "Tell the Police and Crime Commissioner",
        "Write to the Victims' Commissioner",
    ]
    positions = [text.index(step) for step in order]
    assert positions == sorted(positions)


def test_the_page_uses_the_areas_own_window_and_links_to_tracking_and_the_letter(client, area):
    text = get_text(client, "public:unhappy", area)
    assert "within 28 days of the decision" in text
    assert f'href="{reverse("public:track_start")}"' in text
    assert f'href="{reverse("public:commissioner_letter", args=[area.slug])}"' in text
    assert "Hertfordshire Constabulary area" in text


def test_an_area_not_on_the_service_still_has_the_page_without_tracking(client):
    elsewhere = make_area("Elsewhere", on_service=False)
    text = get_text(client, "public:unhappy", elsewhere)
    assert "The council's decision letter says how and by when" in text
    assert f'href="{reverse("public:track_start")}"' not in text
    assert "Write a letter to the Victims' Commissioner" in text


def test_an_unknown_area_is_not_found(client):
    assert client.get(reverse("public:unhappy", args=["atlantis"])).status_code == 404
