"""Setting up an authenticator app: scan or type the key, confirm with a real code."""

from __future__ import annotations

import datetime as dt
from base64 import b32decode

import pytest
import time_machine
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from casereview.accounts.twofactor import BACKUP_CODE_COUNT
from tests.accounts.helpers import MOMENT, code_for, confirmed_device

pytestmark = pytest.mark.django_db

SETUP = reverse("accounts:two-factor-setup")


@pytest.fixture
def signed_in(client, coordinator):
    client.force_login(coordinator)
    return client


def pending(user) -> TOTPDevice:
    return TOTPDevice.objects.get(user=user, confirmed=False)


def test_the_page_shows_a_qr_code_and_the_key_to_type(signed_in, coordinator):
    page = signed_in.get(SETUP).content.decode()

    device = pending(coordinator)
    assert "<svg" in page
    assert 'role="img"' in page
    assert "<?xml" not in page
    typed_key = page.split("<code>")[1].split("</code>")[0].replace(" ", "")
    assert b32decode(typed_key + "=" * (-len(typed_key) % 8)) == device.bin_key


def test_reloading_the_page_keeps_the_same_key(signed_in, coordinator):
    signed_in.get(SETUP)
    first = pending(coordinator).key
    signed_in.get(SETUP)

    assert TOTPDevice.objects.filter(user=coordinator).count() == 1
    assert pending(coordinator).key == first


@time_machine.travel(MOMENT, tick=False)
def test_the_code_from_the_app_confirms_it_and_verifies_the_session(signed_in, coordinator):
    signed_in.get(SETUP)
    device = pending(coordinator)

    response = signed_in.post(SETUP + "?next=/staff/", {"code": code_for(device)})

    device.refresh_from_db()
    assert device.confirmed
    assert response.status_code == 302
    assert response.url == reverse("accounts:two-factor-backup-codes") + "?next=%2Fstaff%2F"
    assert signed_in.get(reverse("accounts:home")).status_code == 200


@time_machine.travel(MOMENT, tick=False)
def test_confirming_issues_backup_codes_shown_only_once(signed_in, coordinator):
    signed_in.get(SETUP)
    signed_in.post(SETUP, {"code": code_for(pending(coordinator))})

    first = signed_in.get(reverse("accounts:two-factor-backup-codes")).content.decode()
    second = signed_in.get(reverse("accounts:two-factor-backup-codes")).content.decode()

    tokens = list(
        StaticToken.objects.filter(device__user=coordinator).values_list("token", flat=True)
    )
    assert len(tokens) == BACKUP_CODE_COUNT
    assert all(token in first for token in tokens)
    assert not any(token in second for token in tokens)


@time_machine.travel(MOMENT, tick=False)
def test_a_wrong_code_is_refused_and_nothing_is_confirmed(signed_in, coordinator):
    signed_in.get(SETUP)
    device = pending(coordinator)
    wrong = f"{(int(code_for(device)) + 1) % 1_000_000:06d}"

    response = signed_in.post(SETUP, {"code": wrong})

    assert response.status_code == 200
    assert "The code is not correct" in response.content.decode()
    device.refresh_from_db()
    assert not device.confirmed
    assert signed_in.get(reverse("accounts:home")).status_code == 302


def test_a_code_that_is_not_six_digits_gets_a_specific_error(signed_in):
    response = signed_in.post(SETUP, {"code": "12ab"})

    assert "Enter the 6-digit code from your authenticator app" in response.content.decode()


def test_a_code_from_long_ago_is_refused(signed_in, coordinator):
    with time_machine.travel(MOMENT, tick=False):
        signed_in.get(SETUP)
        old_code = code_for(pending(coordinator))
    with time_machine.travel(MOMENT + dt.timedelta(minutes=5), tick=False):
        response = signed_in.post(SETUP, {"code": old_code})

    assert "The code is not correct" in response.content.decode()


def test_someone_with_only_the_password_cannot_add_a_second_app(signed_in, coordinator):
    confirmed_device(coordinator)

    response = signed_in.get(SETUP)

    assert response.url.startswith(reverse("accounts:two-factor-verify"))
    assert not TOTPDevice.objects.filter(user=coordinator, confirmed=False).exists()
