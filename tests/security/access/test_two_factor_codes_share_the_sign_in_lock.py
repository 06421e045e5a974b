"""Wrong two-factor codes count as failed sign-ins of the address: after a stolen password, the
code step gives no more guesses than the password step, and a locked address cannot verify
even with the right code until the lock lifts."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from casereview.accounts import throttle
from casereview.accounts.forms import SIGN_IN_LOCKED
from tests.accounts.helpers import MOMENT, code_for, confirmed_device, sign_in

pytestmark = pytest.mark.django_db

VERIFY = reverse("accounts:two-factor-verify")
EMAIL = "coordinator@eastherts.test"


def wrong_code(device) -> str:
    return f"{(int(code_for(device)) + 1) % 1_000_000:06d}"


def guess_codes(client: Client, device, count: int, start: dt.datetime) -> dt.datetime:
    """``count`` wrong codes, each after django-otp's own back-off has passed."""
    moment = start
    for n in range(count):
        with time_machine.travel(moment, tick=False):
            response = client.post(VERIFY, {"code": wrong_code(device)})
            assert "The code is not correct" in response.content.decode()
        moment += dt.timedelta(seconds=2 ** (n + 1) + 1)
    return moment


def test_five_wrong_codes_lock_the_address_even_for_the_right_code(coordinator) -> None:
    device = confirmed_device(coordinator)
    client = Client()
    with time_machine.travel(MOMENT, tick=False):
        assert sign_in(client, EMAIL).status_code == 302
    later = guess_codes(client, device, throttle.MAX_FAILURES, MOMENT)

    with time_machine.travel(later, tick=False):
        response = client.post(VERIFY, {"code": code_for(device)})
        password_again = sign_in(Client(), EMAIL)

    assert str(SIGN_IN_LOCKED) in response.content.decode()
    assert client.get(reverse("accounts:home")).status_code == 302
    assert str(SIGN_IN_LOCKED) in password_again.content.decode()


def test_after_the_window_the_right_code_works_again(coordinator) -> None:
    device = confirmed_device(coordinator)
    client = Client()
    with time_machine.travel(MOMENT, tick=False):
        sign_in(client, EMAIL)
    later = guess_codes(client, device, throttle.MAX_FAILURES, MOMENT)

    with time_machine.travel(later + throttle.WINDOW, tick=False):
        response = client.post(VERIFY, {"code": code_for(device)})

    assert response.status_code == 302
    assert not throttle.is_locked(EMAIL)
