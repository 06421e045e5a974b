"""Many failed sign-ins from one client address lock sign-in from there for every e-mail
address (credential stuffing: one password tried on many addresses, which the per-address lock
never sees). Other client addresses are unaffected, and the lock lifts after the window."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.test import Client

from casereview.accounts import throttle
from casereview.accounts.forms import SIGN_IN_CLIENT_LOCKED, SIGN_IN_FAILED
from tests.accounts.helpers import MOMENT, sign_in

pytestmark = pytest.mark.django_db


def stuff(client: Client, count: int) -> None:
    """``count`` failures, each on a different address, so no address reaches its own lock."""
    for n in range(count):
        response = sign_in(client, f"someone{n}@example.org", "Summer2026!")
        assert str(SIGN_IN_FAILED) in response.content.decode()


@time_machine.travel(MOMENT, tick=False)
def test_many_addresses_failing_from_one_client_lock_that_client_out(coordinator) -> None:
    attacker = Client(REMOTE_ADDR="203.0.113.9")
    stuff(attacker, throttle.MAX_FAILURES_PER_CLIENT)

    response = sign_in(attacker, "coordinator@eastherts.test")

    assert response.status_code == 200
    assert str(SIGN_IN_CLIENT_LOCKED) in response.content.decode()
    assert "_auth_user_id" not in attacker.session


@time_machine.travel(MOMENT, tick=False)
def test_one_failure_fewer_still_lets_the_right_password_in(coordinator) -> None:
    client = Client(REMOTE_ADDR="203.0.113.9")
    stuff(client, throttle.MAX_FAILURES_PER_CLIENT - 1)

    assert sign_in(client, "coordinator@eastherts.test").status_code == 302


@time_machine.travel(MOMENT, tick=False)
def test_another_client_address_is_not_locked(coordinator) -> None:
    stuff(Client(REMOTE_ADDR="203.0.113.9"), throttle.MAX_FAILURES_PER_CLIENT)

    response = sign_in(Client(REMOTE_ADDR="198.51.100.7"), "coordinator@eastherts.test")

    assert response.status_code == 302


def test_the_client_lock_lifts_after_the_window(coordinator) -> None:
    attacker = Client(REMOTE_ADDR="203.0.113.9")
    with time_machine.travel(MOMENT, tick=False):
        stuff(attacker, throttle.MAX_FAILURES_PER_CLIENT)
    with time_machine.travel(MOMENT + throttle.WINDOW + dt.timedelta(seconds=1), tick=False):
        response = sign_in(attacker, "coordinator@eastherts.test")

    assert response.status_code == 302


@time_machine.travel(MOMENT, tick=False)
def test_behind_a_proxy_the_client_address_comes_from_its_header(coordinator, settings) -> None:
    settings.CLIENT_ADDRESS_HEADER = "X-Real-IP"
    stuff(Client(REMOTE_ADDR="10.0.0.1", HTTP_X_REAL_IP="203.0.113.9"), 20)

    other = Client(REMOTE_ADDR="10.0.0.1", HTTP_X_REAL_IP="198.51.100.7")
    same = Client(REMOTE_ADDR="10.0.0.1", HTTP_X_REAL_IP="203.0.113.9")

    assert sign_in(other, "coordinator@eastherts.test").status_code == 302
    assert str(SIGN_IN_CLIENT_LOCKED) in sign_in(same, "chair@eastherts.test").content.decode()


@time_machine.travel(MOMENT, tick=False)
def test_the_count_is_kept_in_the_database_without_the_address_itself() -> None:
    stuff(Client(REMOTE_ADDR="203.0.113.9"), 3)

    from casereview.public.models import PublicRateHit

    rows = PublicRateHit.objects.filter(bucket=throttle.CLIENT_FAILURE_BUCKET)
    assert rows.count() == 3
    assert all("203.0.113.9" not in row.client for row in rows)
