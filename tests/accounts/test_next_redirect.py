"""After signing in, people go back to the page they asked for, but never to another site."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.accounts.helpers import sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_two_factor(settings):
    # Two-factor has its own tests; here only the destination matters.
    settings.REQUIRE_TWO_FACTOR = False


def test_a_staff_page_sends_anonymous_visitors_to_sign_in_with_next(client):
    response = client.get(reverse("accounts:home") + "?tab=mine")

    assert response.status_code == 302
    assert response.url == reverse("accounts:sign-in") + "?next=/staff/%3Ftab%3Dmine"


def test_sign_in_returns_to_the_page_asked_for(client, coordinator):
    response = sign_in(client, "coordinator@eastherts.test", next_url="/staff/?tab=mine")

    assert response.url == "/staff/?tab=mine"


@pytest.mark.parametrize(
    "next_url",
    [
        "https://evil.example/phish",
        "//evil.example/phish",
        "http://testserver.evil.example/",
        "javascript:alert(1)",
        "https:///evil.example",
    ],
)
def test_sign_in_ignores_a_next_address_on_another_site(client, coordinator, next_url):
    response = sign_in(client, "coordinator@eastherts.test", next_url=next_url)

    assert response.status_code == 302
    assert response.url == reverse("accounts:home")


def test_the_next_address_survives_two_factor(client, coordinator, settings):
    settings.REQUIRE_TWO_FACTOR = True

    response = sign_in(client, "coordinator@eastherts.test", next_url="/staff/?tab=mine")

    assert response.url == reverse("accounts:two-factor-setup") + "?next=%2Fstaff%2F%3Ftab%3Dmine"
