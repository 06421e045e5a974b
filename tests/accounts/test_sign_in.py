"""Signing in with an e-mail address and a password."""

from __future__ import annotations

import pytest
from django.urls import reverse

from casereview.accounts.forms import SIGN_IN_FAILED
from tests.accounts.helpers import sign_in
from tests.factories import make_user

pytestmark = pytest.mark.django_db


def test_the_sign_in_page_asks_for_an_email_address_and_password(client):
    response = client.get(reverse("accounts:sign-in"))

    assert response.status_code == 200
    page = response.content.decode()
    assert 'name="email"' in page
    assert 'type="password"' in page


def test_the_right_password_signs_in_and_asks_for_two_factor(client, coordinator):
    response = sign_in(client, "coordinator@eastherts.test")

    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:two-factor-setup"))
    assert client.session["_auth_user_id"] == str(coordinator.pk)


def test_addresses_are_matched_whatever_their_capitals(client, coordinator):
    response = sign_in(client, "  Coordinator@EastHerts.TEST ")

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(coordinator.pk)


def test_without_required_two_factor_sign_in_goes_straight_to_the_staff_home(
    client, coordinator, settings
):
    settings.REQUIRE_TWO_FACTOR = False

    response = sign_in(client, "coordinator@eastherts.test")

    assert response.status_code == 302
    assert response.url == reverse("accounts:home")
    assert client.get(response.url).status_code == 200


def test_a_wrong_password_gets_the_generic_message(client, coordinator):
    response = sign_in(client, "coordinator@eastherts.test", "not-the-password-at-all")

    assert response.status_code == 200
    assert str(SIGN_IN_FAILED) in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_an_unknown_address_gets_exactly_the_same_message(client, coordinator):
    wrong_password = sign_in(client, "coordinator@eastherts.test", "not-the-password-at-all")
    no_account = sign_in(client, "nobody@eastherts.test", "not-the-password-at-all")

    assert str(SIGN_IN_FAILED) in no_account.content.decode()
    assert wrong_password.context_data["form"].errors == no_account.context_data["form"].errors


def test_a_deactivated_account_cannot_sign_in_and_gets_the_generic_message(client, area):
    make_user("left@eastherts.test", "coordinator", area, is_active=False)

    response = sign_in(client, "left@eastherts.test")

    assert str(SIGN_IN_FAILED) in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_empty_fields_are_named_in_the_error_summary(client):
    response = client.post(reverse("accounts:sign-in"), {"email": "", "password": ""})

    page = response.content.decode()
    assert "Enter your e-mail address" in page
    assert "Enter your password" in page
    assert "govuk-error-summary" in page


def test_a_malformed_address_gets_a_specific_message(client):
    response = client.post(
        reverse("accounts:sign-in"), {"email": "not an address", "password": "whatever-it-is"}
    )

    assert response.status_code == 200
    assert "Enter an e-mail address in the correct format" in response.content.decode()
