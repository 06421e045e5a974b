"""Repeated failed sign-ins lock the address for a while, whether or not it has an account."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine

from casereview.accounts import throttle
from casereview.accounts.forms import SIGN_IN_FAILED, SIGN_IN_LOCKED
from tests.accounts.helpers import MOMENT, sign_in

pytestmark = pytest.mark.django_db

WRONG = "not-the-password-at-all"


def fail(client, email: str, times: int) -> None:
    for _ in range(times):
        response = sign_in(client, email, WRONG)
        assert str(SIGN_IN_FAILED) in response.content.decode()


@time_machine.travel(MOMENT, tick=False)
def test_four_failures_still_let_the_right_password_in(client, coordinator):
    fail(client, "coordinator@eastherts.test", throttle.MAX_FAILURES - 1)

    response = sign_in(client, "coordinator@eastherts.test")

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(coordinator.pk)


@time_machine.travel(MOMENT, tick=False)
def test_after_five_failures_even_the_right_password_is_refused(client, coordinator):
    fail(client, "coordinator@eastherts.test", throttle.MAX_FAILURES)

    response = sign_in(client, "coordinator@eastherts.test")

    assert response.status_code == 200
    assert str(SIGN_IN_LOCKED) in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_lock_lifts_fifteen_minutes_after_the_failures(client, coordinator):
    with time_machine.travel(MOMENT, tick=False):
        fail(client, "coordinator@eastherts.test", throttle.MAX_FAILURES)
    with time_machine.travel(MOMENT + dt.timedelta(minutes=14), tick=False):
        assert str(SIGN_IN_LOCKED) in sign_in(client, "coordinator@eastherts.test").content.decode()
    with time_machine.travel(MOMENT + dt.timedelta(minutes=15, seconds=1), tick=False):
        response = sign_in(client, "coordinator@eastherts.test")

    assert response.status_code == 302


def test_failures_spread_over_more_than_the_window_do_not_lock(client, coordinator):
    for minute in range(0, 5 * 4, 4):  # five failures, four minutes apart
        with time_machine.travel(MOMENT + dt.timedelta(minutes=minute), tick=False):
            fail(client, "coordinator@eastherts.test", 1)

    with time_machine.travel(MOMENT + dt.timedelta(minutes=16), tick=False):
        response = sign_in(client, "coordinator@eastherts.test")

    assert response.status_code == 302


@time_machine.travel(MOMENT, tick=False)
def test_an_address_without_an_account_is_locked_in_the_same_way(client, coordinator):
    fail(client, "nobody@eastherts.test", throttle.MAX_FAILURES)

    response = sign_in(client, "nobody@eastherts.test", WRONG)

    assert str(SIGN_IN_LOCKED) in response.content.decode()


@time_machine.travel(MOMENT, tick=False)
def test_locking_one_address_leaves_other_accounts_alone(client, coordinator, chair):
    fail(client, "coordinator@eastherts.test", throttle.MAX_FAILURES)

    response = sign_in(client, "chair@eastherts.test")

    assert response.status_code == 302


@time_machine.travel(MOMENT, tick=False)
def test_a_successful_sign_in_forgets_earlier_failures(client, coordinator):
    fail(client, "coordinator@eastherts.test", throttle.MAX_FAILURES - 1)
    sign_in(client, "coordinator@eastherts.test")

    assert not throttle.is_locked("coordinator@eastherts.test")
    assert throttle._recent("coordinator@eastherts.test", MOMENT) == 0
