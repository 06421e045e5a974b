"""After the password, a code from the app; django-otp's throttling slows down guessing."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from tests.accounts.helpers import MOMENT, code_for, confirmed_device

pytestmark = pytest.mark.django_db

VERIFY = reverse("accounts:two-factor-verify")


@pytest.fixture
def device(client, coordinator):
    client.force_login(coordinator)
    return confirmed_device(coordinator)


def wrong_code(device) -> str:
    return f"{(int(code_for(device)) + 1) % 1_000_000:06d}"


@time_machine.travel(MOMENT, tick=False)
def test_the_right_code_opens_the_page_asked_for(client, device):
    response = client.post(VERIFY + "?next=/staff/%3Ftab%3Dmine", {"code": code_for(device)})

    assert response.status_code == 302
    assert response.url == "/staff/?tab=mine"
    assert client.get(reverse("accounts:home")).status_code == 200


@time_machine.travel(MOMENT, tick=False)
def test_a_code_typed_with_spaces_is_accepted(client, device):
    code = code_for(device)

    response = client.post(VERIFY, {"code": f"{code[:3]} {code[3:]}"})

    assert response.status_code == 302


@time_machine.travel(MOMENT, tick=False)
def test_a_wrong_code_is_refused(client, device):
    response = client.post(VERIFY, {"code": wrong_code(device)})

    assert response.status_code == 200
    assert "The code is not correct" in response.content.decode()
    assert client.get(reverse("accounts:home")).status_code == 302


def test_after_a_wrong_code_even_the_right_one_must_wait(client, device):
    with time_machine.travel(MOMENT, tick=False):
        client.post(VERIFY, {"code": wrong_code(device)})
        throttled = client.post(VERIFY, {"code": code_for(device)})
    with time_machine.travel(MOMENT + dt.timedelta(seconds=2), tick=False):
        allowed = client.post(VERIFY, {"code": code_for(device)})

    assert "too many wrong codes" in throttled.content.decode()
    assert allowed.status_code == 302


def test_the_wait_doubles_with_each_wrong_code(client, device):
    with time_machine.travel(MOMENT, tick=False) as traveller:
        for _ in range(3):
            client.post(VERIFY, {"code": wrong_code(device)})
            traveller.shift(dt.timedelta(seconds=5))
        # Three failures: django-otp now wants 4 seconds after the last one.
        traveller.shift(dt.timedelta(seconds=-5 + 3))
        throttled = client.post(VERIFY, {"code": code_for(device)})

    assert "too many wrong codes" in throttled.content.decode()


def test_a_code_cannot_be_used_twice(client, coordinator, device):
    with time_machine.travel(MOMENT, tick=False):
        code = code_for(device)
        client.post(VERIFY, {"code": code})
        other = client.__class__()
        other.force_login(coordinator)
        replay = other.post(VERIFY, {"code": code})

    assert replay.status_code == 200
    assert "The code is not correct" in replay.content.decode()


def test_someone_without_an_app_is_sent_to_set_one_up(client, coordinator):
    client.force_login(coordinator)

    response = client.get(VERIFY)

    assert response.url.startswith(reverse("accounts:two-factor-setup"))


def test_verifying_gives_the_session_a_new_key(client, device):
    with time_machine.travel(MOMENT, tick=False):
        before = client.session.session_key
        client.post(VERIFY, {"code": code_for(device)})

    assert client.session.session_key != before
