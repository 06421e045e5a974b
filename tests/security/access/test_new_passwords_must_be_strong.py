"""A new password (the set-password form reached from a reset link) is refused, with a message
saying why, when it is too short, too long, common, all numbers, like the person's details, or
contains the service's name, the person's area's name, their name or e-mail address."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from casereview.accounts.forms import NewPasswordForm

pytestmark = pytest.mark.django_db

EMAIL = "coordinator@eastherts.test"


@pytest.fixture
def set_password_page(coordinator) -> tuple[Client, str]:
    client = Client()
    client.post(reverse("accounts:password-reset"), {"email": EMAIL})
    link = re.search(r"/staff/password-reset/\S+/\S+/", str(mail.outbox[0].body))
    assert link
    page = client.get(link.group(0), follow=True)
    return client, page.redirect_chain[-1][0]


REFUSED = {
    "short": ("Tiny-pass-1", "This password is too short. It must contain at least 12"),
    "too long": ("correct horse battery staple " * 5, "must be 128 characters or fewer"),
    "common": ("password1234", "This password is too common."),
    "numeric": ("831946205718", "This password is entirely numeric."),
    "like the e-mail address": ("coordinator@eastherts.tes", "The password is too similar to"),
    "the person's name": ("lantern-88-Casey", "must not contain your name"),
    "service name": ("My-ASB-Case-Review-2026", "must not contain the name of the service"),
    "service name run together": ("casereview+lantern+88", "must not contain the name of the"),
    "area name": ("Hertfordshire-lantern-88", "must not contain the name of your area"),
    "area name, other case": ("EASTHERTFORDSHIRE!!", "must not contain the name of your area"),
    "e-mail": ("lantern-88-Coordinator", "must not contain your e-mail address"),
}


@pytest.mark.parametrize("kind", REFUSED)
def test_the_set_password_form_refuses_a_weak_password_saying_why(set_password_page, kind):
    client, url = set_password_page
    password, reason = REFUSED[kind]

    response = client.post(url, {"new_password1": password, "new_password2": password})

    assert response.status_code == 200
    body = response.content.decode()
    assert reason in body
    assert 'class="govuk-error-summary"' in body


def test_a_strong_password_is_accepted(set_password_page, coordinator):
    client, url = set_password_page

    response = client.post(
        url,
        {"new_password1": "quiet-harbour-lantern-88", "new_password2": "quiet-harbour-lantern-88"},
    )

    assert response.status_code == 302
    coordinator.refresh_from_db()
    assert coordinator.check_password("quiet-harbour-lantern-88")


def test_the_rules_apply_to_the_form_itself(coordinator):
    form = NewPasswordForm(
        coordinator, data={"new_password1": "x" * 129 + "Aa1", "new_password2": "x" * 129 + "Aa1"}
    )

    assert not form.is_valid()
    assert "128 characters or fewer" in str(form.errors["new_password1"])
