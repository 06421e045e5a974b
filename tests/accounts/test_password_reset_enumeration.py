"""The password-reset pages never reveal whether an address has an account."""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_an_unknown_address_gets_the_same_answer_and_no_email(client, coordinator):
    known = client.post(reverse("accounts:password-reset"), {"email": "coordinator@eastherts.test"})
    unknown = client.post(reverse("accounts:password-reset"), {"email": "nobody@eastherts.test"})

    assert (known.status_code, known.url) == (unknown.status_code, unknown.url)
    assert [m.to for m in mail.outbox] == [["coordinator@eastherts.test"]]


def test_the_confirmation_page_reads_the_same_for_anyone(client):
    page = client.get(reverse("accounts:password-reset-sent")).content.decode()

    assert "If the address you entered belongs to an account" in page


def test_a_deactivated_account_gets_no_email(client, coordinator):
    coordinator.is_active = False
    coordinator.save()

    response = client.post(
        reverse("accounts:password-reset"), {"email": "coordinator@eastherts.test"}
    )

    assert response.url == reverse("accounts:password-reset-sent")
    assert mail.outbox == []
