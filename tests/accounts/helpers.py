"""Helpers shared by the account tests."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlencode

from django.test import Client
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import PASSWORD

# A fixed moment for every test that computes a TOTP code.
MOMENT = dt.datetime(2026, 3, 2, 10, 0, 0, tzinfo=dt.UTC)


def code_for(device: TOTPDevice) -> str:
    """The code an authenticator app shows right now (the test freezes "now")."""
    device.refresh_from_db()
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def sign_in(client: Client, email: str, password: str = PASSWORD, next_url: str = ""):
    url = reverse("accounts:sign-in")
    if next_url:
        url += "?" + urlencode({"next": next_url})
    return client.post(url, {"email": email, "password": password})


def confirmed_device(user) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="Phone", confirmed=True)
