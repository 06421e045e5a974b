"""Password reset requests are limited per client address (an error says so) and per e-mail
address (nothing more is sent, and the answer looks the same, so the limit reveals nothing)."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.core import mail
from django.test import Client
from django.urls import reverse

from casereview.accounts import throttle
from casereview.accounts.forms import RESET_LOCKED
from tests.accounts.helpers import MOMENT

pytestmark = pytest.mark.django_db

RESET = reverse("accounts:password-reset")
SENT = reverse("accounts:password-reset-sent")


@time_machine.travel(MOMENT, tick=False)
def test_one_client_asking_too_often_is_told_to_wait(coordinator) -> None:
    client = Client(REMOTE_ADDR="203.0.113.9")
    for n in range(throttle.RESET_PER_CLIENT):
        assert client.post(RESET, {"email": f"person{n}@example.org"})["Location"] == SENT

    response = client.post(RESET, {"email": "coordinator@eastherts.test"})

    assert response.status_code == 200
    assert str(RESET_LOCKED) in response.content.decode()
    assert mail.outbox == []


@time_machine.travel(MOMENT, tick=False)
def test_one_address_gets_only_a_few_links_an_hour_and_the_answer_looks_the_same(
    coordinator,
) -> None:
    for n in range(throttle.RESET_PER_EMAIL + 2):
        client = Client(REMOTE_ADDR=f"198.51.100.{n + 1}")
        response = client.post(RESET, {"email": "coordinator@eastherts.test"})
        assert response.status_code == 302
        assert response["Location"] == SENT

    assert len(mail.outbox) == throttle.RESET_PER_EMAIL


def test_an_hour_later_a_link_can_be_sent_again(coordinator) -> None:
    with time_machine.travel(MOMENT, tick=False):
        for _ in range(throttle.RESET_PER_EMAIL + 1):
            Client().post(RESET, {"email": "coordinator@eastherts.test"})
    with time_machine.travel(MOMENT + dt.timedelta(hours=1, seconds=1), tick=False):
        Client().post(RESET, {"email": "coordinator@eastherts.test"})

    assert len(mail.outbox) == throttle.RESET_PER_EMAIL + 1
