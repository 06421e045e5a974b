"""With REQUIRE_TWO_FACTOR on (always in production), a password alone opens no staff page."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.accounts.helpers import confirmed_device

pytestmark = pytest.mark.django_db


def test_two_factor_is_required_by_the_production_like_test_settings(settings):
    assert settings.REQUIRE_TWO_FACTOR is True


def test_a_user_without_an_app_is_sent_to_set_one_up(client, coordinator):
    client.force_login(coordinator)

    response = client.get(reverse("accounts:home"))

    assert response.status_code == 302
    assert response.url == reverse("accounts:two-factor-setup") + "?next=%2Fstaff%2F"


def test_a_user_with_an_app_is_asked_for_a_code(client, coordinator):
    confirmed_device(coordinator)
    client.force_login(coordinator)

    response = client.get(reverse("accounts:home"))

    assert response.status_code == 302
    assert response.url == reverse("accounts:two-factor-verify") + "?next=%2Fstaff%2F"


def test_a_verified_member_sees_the_staff_home(staff_client, coordinator):
    response = staff_client(coordinator).get(reverse("accounts:home"))

    assert response.status_code == 200


def test_with_two_factor_off_a_password_is_enough(client, coordinator, settings):
    settings.REQUIRE_TWO_FACTOR = False
    client.force_login(coordinator)

    assert client.get(reverse("accounts:home")).status_code == 200


def test_with_two_factor_off_someone_who_set_up_an_app_still_uses_it(client, coordinator, settings):
    settings.REQUIRE_TWO_FACTOR = False
    confirmed_device(coordinator)
    client.force_login(coordinator)

    response = client.get(reverse("accounts:home"))

    assert response.url.startswith(reverse("accounts:two-factor-verify"))


def test_an_unconfirmed_app_does_not_count_as_set_up(client, coordinator):
    client.force_login(coordinator)
    client.get(reverse("accounts:two-factor-setup"))  # creates an unconfirmed device

    response = client.get(reverse("accounts:home"))

    assert response.url.startswith(reverse("accounts:two-factor-setup"))


def test_the_two_factor_pages_need_a_password_sign_in_first(client):
    for name in ("two-factor-setup", "two-factor-verify", "two-factor-backup-codes"):
        response = client.get(reverse(f"accounts:{name}"))

        assert response.status_code == 302
        assert response.url.startswith(reverse("accounts:sign-in"))
