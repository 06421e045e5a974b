"""The public rate limits: counted per client address (from a trusted proxy's header when one is
configured), refused over the limit, and free again once the window has passed."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.http import HttpRequest
from django.test import RequestFactory, override_settings

from casereview.public.models import PublicRateHit
from casereview.public.ratelimit import Limit, allow, client_address

pytestmark = pytest.mark.django_db

THREE_AN_HOUR = Limit("test", 3, dt.timedelta(hours=1))


def request_from(address: str, **headers: str) -> HttpRequest:
    request = RequestFactory().post("/")
    request.META.update({"REMOTE_ADDR": address, **headers})
    return request


def test_a_client_is_refused_over_the_limit_and_others_are_not():
    assert [allow(request_from("192.0.2.1"), THREE_AN_HOUR) for _ in range(4)] == [
        True,
        True,
        True,
        False,
    ]
    assert allow(request_from("192.0.2.2"), THREE_AN_HOUR) is True


def test_the_client_is_free_again_once_the_window_has_passed():
    with time_machine.travel(dt.datetime(2026, 3, 16, 10, tzinfo=dt.UTC), tick=False):
        for _ in range(3):
            allow(request_from("192.0.2.1"), THREE_AN_HOUR)
        assert allow(request_from("192.0.2.1"), THREE_AN_HOUR) is False
    with time_machine.travel(dt.datetime(2026, 3, 16, 11, 1, tzinfo=dt.UTC), tick=False):
        assert allow(request_from("192.0.2.1"), THREE_AN_HOUR) is True


def test_the_address_is_kept_only_as_a_hash():
    allow(request_from("192.0.2.77"), THREE_AN_HOUR)

    assert "192.0.2.77" not in PublicRateHit.objects.get().client


def test_without_a_proxy_header_setting_a_forged_header_is_ignored():
    forged = request_from("192.0.2.1", HTTP_X_REAL_IP="198.51.100.9")

    assert client_address(forged) == "192.0.2.1"


@override_settings(CLIENT_ADDRESS_HEADER="X-Forwarded-For")
def test_behind_a_proxy_the_address_the_proxy_wrote_is_counted():
    through_proxy = request_from("10.0.0.5", HTTP_X_FORWARDED_FOR="203.0.113.8, 198.51.100.9")

    assert client_address(through_proxy) == "198.51.100.9"
