"""Signing out is a POST, so a link or an image on another page cannot sign anyone out."""

from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_a_get_request_does_not_sign_out(staff_client, coordinator):
    client = staff_client(coordinator)

    response = client.get(reverse("accounts:sign-out"))

    assert response.status_code == 405
    assert client.get(reverse("accounts:home")).status_code == 200


def test_a_post_signs_out_and_returns_to_the_sign_in_page(staff_client, coordinator):
    client = staff_client(coordinator)

    response = client.post(reverse("accounts:sign-out"))

    assert response.status_code == 302
    assert response.url == reverse("accounts:sign-in")
    assert "_auth_user_id" not in client.session
    after = client.get(reverse("accounts:home"))
    assert after.status_code == 302
    assert after.url.startswith(reverse("accounts:sign-in"))


def test_the_sign_in_page_confirms_the_sign_out(staff_client, coordinator):
    client = staff_client(coordinator)

    response = client.post(reverse("accounts:sign-out"), follow=True)

    assert "You have signed out." in response.content.decode()


def test_every_staff_page_offers_the_sign_out_button(staff_client, coordinator):
    page = staff_client(coordinator).get(reverse("accounts:home")).content.decode()

    assert f'action="{reverse("accounts:sign-out")}"' in page
