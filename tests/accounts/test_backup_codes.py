"""Backup codes stand in for the app when the phone is lost, once each."""

from __future__ import annotations

import pytest
from django.urls import reverse

from casereview.accounts.twofactor import issue_backup_codes
from tests.accounts.helpers import confirmed_device

pytestmark = pytest.mark.django_db

VERIFY = reverse("accounts:two-factor-verify")


@pytest.fixture
def codes(coordinator) -> list[str]:
    confirmed_device(coordinator)
    return issue_backup_codes(coordinator)


def test_a_backup_code_verifies_the_session(client, coordinator, codes):
    client.force_login(coordinator)

    response = client.post(VERIFY, {"code": codes[0].upper()})

    assert response.status_code == 302
    assert client.get(reverse("accounts:home")).status_code == 200


def test_a_backup_code_works_only_once(client, coordinator, codes):
    client.force_login(coordinator)
    client.post(VERIFY, {"code": codes[0]})
    client.post(reverse("accounts:sign-out"))
    client.force_login(coordinator)

    response = client.post(VERIFY, {"code": codes[0]})

    assert response.status_code == 200
    assert "The code is not correct" in response.content.decode()
    assert client.get(reverse("accounts:home")).status_code == 302


def test_a_new_set_of_codes_replaces_the_old_one(client, coordinator, codes):
    issue_backup_codes(coordinator)
    client.force_login(coordinator)

    response = client.post(VERIFY, {"code": codes[1]})

    assert response.status_code == 200
