"""A staff session ends after SESSION_IDLE_MINUTES without a request, and SESSION_COOKIE_AGE
after sign-in however busy it is: the next request is signed out and sent to sign in again,
with a message saying why. Signing in gives a new session key; signing out and a password
reset end the session."""

from __future__ import annotations

import datetime as dt
import re

import pytest
import time_machine
from django.contrib.sessions.models import Session
from django.core import mail
from django.test import Client
from django.urls import reverse

from tests.accounts.helpers import MOMENT, code_for, confirmed_device, sign_in

pytestmark = pytest.mark.django_db

HOME = reverse("accounts:home")
EMAIL = "coordinator@eastherts.test"


def signed_in(client: Client, coordinator) -> Client:
    """Signed in with the password and a code, as a person would, at MOMENT."""
    device = confirmed_device(coordinator)
    with time_machine.travel(MOMENT, tick=False):
        assert sign_in(client, EMAIL).status_code == 302
        assert client.post(reverse("accounts:two-factor-verify"), {"code": code_for(device)})
        assert client.get(HOME).status_code == 200
    return client


def messages_on(client: Client, url: str) -> str:
    return client.get(url).content.decode()


def test_half_an_hour_idle_signs_the_session_out(coordinator, settings) -> None:
    client = signed_in(Client(), coordinator)

    idle = dt.timedelta(minutes=settings.SESSION_IDLE_MINUTES)
    with time_machine.travel(MOMENT + idle, tick=False):
        response = client.get(HOME + "?tab=mine")
        assert response.status_code == 302
        page = messages_on(client, response["Location"])

    assert response["Location"] == reverse("accounts:sign-in") + "?next=/staff/%3Ftab%3Dmine"
    assert "_auth_user_id" not in client.session
    assert "had not used the service for 30 minutes" in page


def test_a_request_a_minute_before_the_idle_limit_keeps_the_session(coordinator, settings) -> None:
    client = signed_in(Client(), coordinator)
    step = dt.timedelta(minutes=settings.SESSION_IDLE_MINUTES - 1)

    for n in range(1, 4):  # an hour and a half of steady work
        with time_machine.travel(MOMENT + n * step, tick=False):
            assert client.get(HOME).status_code == 200


def test_eight_hours_after_sign_in_the_session_ends_however_busy(coordinator, settings) -> None:
    client = signed_in(Client(), coordinator)
    age = dt.timedelta(seconds=settings.SESSION_COOKIE_AGE)
    moment = MOMENT
    while moment + dt.timedelta(minutes=20) < MOMENT + age:
        moment += dt.timedelta(minutes=20)
        with time_machine.travel(moment, tick=False):
            assert client.get(HOME).status_code == 200

    with time_machine.travel(MOMENT + age, tick=False):
        response = client.get(HOME)
        assert response.status_code == 302
        page = messages_on(client, response["Location"])

    assert response["Location"].startswith(reverse("accounts:sign-in"))
    assert "you signed in more than 8 hours ago" in page


def test_a_form_sent_after_expiry_is_not_acted_on(coordinator, settings, reviewed_case) -> None:
    client = signed_in(Client(), coordinator)
    idle = dt.timedelta(minutes=settings.SESSION_IDLE_MINUTES)

    with time_machine.travel(MOMENT + idle, tick=False):
        response = client.post(
            reverse("cases:withdraw", kwargs={"reference": reviewed_case.reference}),
            {"reason": "Sent after the session ended"},
        )

    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:sign-in")
    reviewed_case.refresh_from_db()
    assert reviewed_case.status != "withdrawn"


def test_the_old_session_is_gone_from_the_database(coordinator, settings) -> None:
    client = signed_in(Client(), coordinator)
    key = client.session.session_key

    with time_machine.travel(MOMENT + dt.timedelta(hours=1), tick=False):
        client.get(HOME)

    assert not Session.objects.filter(session_key=key).exists()


def test_signing_in_gives_a_new_session_key(coordinator) -> None:
    client = Client()
    client.get(reverse("accounts:sign-in"))
    client.session.save()  # a session from before signing in, as a visitor would have
    before = client.session.session_key

    with time_machine.travel(MOMENT, tick=False):
        sign_in(client, EMAIL)

    assert client.session.session_key != before


def test_signing_out_ends_the_session(coordinator) -> None:
    client = signed_in(Client(), coordinator)
    key = client.session.session_key

    with time_machine.travel(MOMENT + dt.timedelta(minutes=1), tick=False):
        client.post(reverse("accounts:sign-out"))
        after = client.get(HOME)

    assert not Session.objects.filter(session_key=key).exists()
    assert after["Location"].startswith(reverse("accounts:sign-in"))


def test_a_password_reset_ends_sessions_signed_in_with_the_old_password(coordinator) -> None:
    elsewhere = signed_in(Client(), coordinator)
    with time_machine.travel(MOMENT + dt.timedelta(minutes=5), tick=False):
        Client().post(reverse("accounts:password-reset"), {"email": EMAIL})
        link = re.search(r"/staff/password-reset/\S+/\S+/", str(mail.outbox[0].body))
        assert link
        reset = Client()
        form = reset.get(link.group(0), follow=True)
        reset.post(
            form.redirect_chain[-1][0],
            {
                "new_password1": "quiet-harbour-lantern-88",
                "new_password2": "quiet-harbour-lantern-88",
            },
        )
        after = elsewhere.get(HOME)

    assert after.status_code == 302
    assert after["Location"].startswith(reverse("accounts:sign-in"))
