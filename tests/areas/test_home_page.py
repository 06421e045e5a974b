"""The service's start page explains the ASB Case Review and leads to the directory."""

from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_home_page_explains_the_review_in_plain_english_and_links_to_the_directory(client):
    response = client.get(reverse("areas:home"))
    assert response.status_code == 200
    text = response.content.decode()
    assert "<h1" in text
    assert "Ask for an ASB Case Review" in text
    assert "Community Trigger" in text
    assert 'href="/areas/"' in text
    assert "govuk-button--start" in text


def test_the_home_page_is_the_root_of_the_site():
    assert reverse("areas:home") == "/"


def test_the_home_page_leads_people_who_have_applied_to_tracking(client):
    text = client.get(reverse("areas:home")).content.decode()
    assert f'href="{reverse("public:track_start")}"' in text
