"""Each staff request reads its session, its signed-in person and their verified device by
prepared statements (session_store, backends.AccountBackend, otp_middleware). Each answers what
Django's or django-otp's own lookup answers: the live session and no expired one, an active
person and no inactive one, the device a persistent id names and nothing for a bad id."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth.backends import ModelBackend
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from casereview.accounts.backends import AccountBackend
from casereview.accounts.models import User
from casereview.accounts.otp_middleware import device_by_persistent_id
from casereview.accounts.session_store import SessionStore
from tests.conftest import sign_in_verified

pytestmark = pytest.mark.django_db


def test_a_live_session_is_read_back_and_an_expired_or_unknown_one_is_not() -> None:
    store = SessionStore()
    store["colour"] = "green"
    store.save()
    key = store.session_key
    assert key is not None
    assert SessionStore(key)["colour"] == "green"
    Session.objects.filter(session_key=key).update(expire_date=timezone.now() - timedelta(1))
    expired = SessionStore(key)
    assert expired.get("colour") is None
    assert expired.session_key is None  # a new session, as Django's engine starts one
    assert SessionStore("no-such-session-key").get("colour") is None


def test_the_signed_in_person_is_whom_model_backend_finds(coordinator: User) -> None:
    ours, django_s = AccountBackend(), ModelBackend()
    for user_id in (coordinator.pk, str(coordinator.pk)):
        assert ours.get_user(user_id) == django_s.get_user(user_id) == coordinator
    assert ours.get_user(coordinator.pk + 1000) is None
    assert ours.get_user("not a number") is None
    coordinator.is_active = False
    coordinator.save()
    assert ours.get_user(coordinator.pk) is None
    assert django_s.get_user(coordinator.pk) is None


def test_the_device_a_persistent_id_names_is_the_one_django_otp_finds(coordinator: User) -> None:
    app = TOTPDevice.objects.create(user=coordinator, name="App", confirmed=True)
    codes = StaticDevice.objects.create(user=coordinator, name="Codes", confirmed=True)
    for device in (app, codes):
        found = device_by_persistent_id(device.persistent_id)
        assert found == Device.from_persistent_id(device.persistent_id) == device
        assert type(found) is type(device)
    for bad in (
        "otp_totp.totpdevice/999999",
        "otp_totp.totpdevice/x",
        "no_such_app.device/1",
        "nonsense",
    ):
        assert device_by_persistent_id(bad) is None
        assert Device.from_persistent_id(bad) is None
    # A model that is no device: nothing (django-otp's own lookup fails with AttributeError).
    assert device_by_persistent_id(f"accounts.user/{coordinator.pk}") is None


def test_a_verified_session_opens_a_staff_page_and_an_unverified_one_does_not(
    coordinator: User,
) -> None:
    dashboard = reverse("cases:dashboard")
    assert sign_in_verified(Client(), coordinator).get(dashboard).status_code == 200
    unverified = Client()
    unverified.force_login(coordinator)
    answer = unverified.get(dashboard)
    assert answer.status_code == 302
    assert "two-factor" in answer["Location"]
