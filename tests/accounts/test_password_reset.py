"""Resetting a forgotten password by e-mail."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.urls import reverse

from casereview.accounts import throttle
from tests.accounts.helpers import sign_in

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a-brand-new-passphrase-7"


def request_reset(client, email: str):
    return client.post(reverse("accounts:password-reset"), {"email": email})


def link_in(message) -> str:
    match = re.search(r"https?://\S+/staff/password-reset/\S+/\S+/", message.body)
    assert match, message.body
    return match.group(0)


def path_of(link: str, settings) -> str:
    return link.removeprefix(settings.SITE_URL.rstrip("/"))


def test_asking_for_a_reset_sends_one_email_with_a_link(client, coordinator, settings):
    response = request_reset(client, "coordinator@eastherts.test")

    assert response.status_code == 302
    assert response.url == reverse("accounts:password-reset-sent")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["coordinator@eastherts.test"]
    assert "Reset your password" in message.subject
    assert "\n" not in message.subject
    assert link_in(message).startswith(settings.SITE_URL)


def test_the_link_comes_from_site_url_not_from_the_host_header(client, coordinator, settings):
    settings.ALLOWED_HOSTS = ["testserver", "attacker.example"]

    client.post(
        reverse("accounts:password-reset"),
        {"email": "coordinator@eastherts.test"},
        HTTP_HOST="attacker.example",
    )

    assert "attacker.example" not in mail.outbox[0].body


def test_following_the_link_lets_the_person_choose_a_new_password(client, coordinator, settings):
    request_reset(client, "coordinator@eastherts.test")
    link = path_of(link_in(mail.outbox[0]), settings)

    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200
    assert 'name="new_password1"' in form_page.content.decode()
    set_password_url = form_page.redirect_chain[-1][0]
    done = client.post(
        set_password_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    )

    assert done.status_code == 302
    assert done.url == reverse("accounts:password-reset-done")
    coordinator.refresh_from_db()
    assert coordinator.check_password(NEW_PASSWORD)
    assert sign_in(client, "coordinator@eastherts.test", NEW_PASSWORD).status_code == 302


def test_the_link_works_only_once(client, coordinator, settings):
    request_reset(client, "coordinator@eastherts.test")
    link = path_of(link_in(mail.outbox[0]), settings)
    first = client.get(link, follow=True)
    client.post(
        first.redirect_chain[-1][0], {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    )

    again = client.get(link, follow=True)

    assert "This link has expired" in again.content.decode()
    assert 'name="new_password1"' not in again.content.decode()


def test_a_short_new_password_is_refused_with_a_reason(client, coordinator, settings):
    request_reset(client, "coordinator@eastherts.test")
    form_page = client.get(path_of(link_in(mail.outbox[0]), settings), follow=True)

    response = client.post(
        form_page.redirect_chain[-1][0], {"new_password1": "short", "new_password2": "short"}
    )

    assert response.status_code == 200
    assert "too short" in response.content.decode()
    coordinator.refresh_from_db()
    assert not coordinator.check_password("short")


def test_two_different_passwords_are_refused(client, coordinator, settings):
    request_reset(client, "coordinator@eastherts.test")
    form_page = client.get(path_of(link_in(mail.outbox[0]), settings), follow=True)

    response = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD + "x"},
    )

    assert "The two passwords do not match" in response.content.decode()


def test_a_reset_lifts_a_sign_in_lock(client, coordinator, settings):
    for _ in range(throttle.MAX_FAILURES):
        sign_in(client, "coordinator@eastherts.test", "not-the-password-at-all")
    assert throttle.is_locked("coordinator@eastherts.test")
    request_reset(client, "coordinator@eastherts.test")
    form_page = client.get(path_of(link_in(mail.outbox[0]), settings), follow=True)

    client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )

    assert not throttle.is_locked("coordinator@eastherts.test")


def test_an_empty_address_gets_a_specific_error(client):
    response = request_reset(client, "")

    assert response.status_code == 200
    assert "Enter your e-mail address" in response.content.decode()
    assert mail.outbox == []
