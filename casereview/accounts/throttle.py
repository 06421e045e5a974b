"""Throttling of staff sign-in and password reset, kept in the database so that every app
server shares the counts.

Three limits:

- **per e-mail address**: after ``MAX_FAILURES`` failed attempts within ``WINDOW``, further
  attempts for that address are refused, even with the right password, until the oldest of
  those failures leaves the window. A wrong two-factor code counts as a failure of the same
  address, so guessing codes after a stolen password meets the same lock as guessing passwords;
- **per client address**: after ``MAX_FAILURES_PER_CLIENT`` failures from one client address
  within ``WINDOW``, whatever e-mail addresses were tried, sign-in from there is refused for
  every address. This is what stops credential stuffing (many e-mail addresses, one password
  each), which the per-address lock never sees. The limit is generous enough for a council
  office behind one NAT address;
- **password reset requests**: at most ``RESET_PER_CLIENT`` from one client address and
  ``RESET_PER_EMAIL`` links sent to one address an hour, so nobody can use the service to
  flood someone's inbox.

Attempts made while locked are not recorded, so a lock lasts at most ``WINDOW`` after the last
counted failure and nobody can keep an account locked for ever by hammering it. Client
addresses are kept only as keyed hashes (``casereview.public.ratelimit.client_key``), in the
same table as the public pages' rate limits.

TOTP codes also have their own throttling inside django-otp (exponential back-off per device).
"""

from __future__ import annotations

import hashlib
import hmac
from datetime import datetime, timedelta

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone

from casereview.accounts.models import SignInFailure
from casereview.public.models import PublicRateHit
from casereview.public.ratelimit import client_key

MAX_FAILURES = 5
WINDOW = timedelta(minutes=15)
MAX_FAILURES_PER_CLIENT = 20
RESET_PER_CLIENT = 10
RESET_PER_EMAIL = 3
RESET_WINDOW = timedelta(hours=1)

CLIENT_FAILURE_BUCKET = "staff_sign_in_failure"
RESET_CLIENT_BUCKET = "staff_reset_by_client"
RESET_EMAIL_BUCKET = "staff_reset_by_email"


def normalise_email(email: str) -> str:
    """The form in which accounts are stored (see ``UserManager.create_user``)."""
    return email.strip().lower()


def _recent(email: str, now: datetime) -> int:
    return SignInFailure.objects.filter(email=normalise_email(email), at__gt=now - WINDOW).count()


def _hits(bucket: str, key: str, since: datetime) -> int:
    return PublicRateHit.objects.filter(bucket=bucket, client=key, at__gt=since).count()


def _hit(bucket: str, key: str, now: datetime, keep: timedelta) -> None:
    # Pruning here keeps each bucket to its last window without a sweep.
    PublicRateHit.objects.filter(bucket=bucket, at__lte=now - keep).delete()
    PublicRateHit.objects.create(bucket=bucket, client=key, at=now)


def _email_key(email: str) -> str:
    """A keyed hash of an address, so the rate table holds no e-mail addresses."""
    address = normalise_email(email).encode()
    return hmac.new(settings.SECRET_KEY.encode(), address, hashlib.sha256).hexdigest()[:64]


def is_locked(email: str, *, now: datetime | None = None) -> bool:
    """Whether sign-in with this address is refused for now."""
    return _recent(email, now or timezone.now()) >= MAX_FAILURES


def is_client_locked(request: HttpRequest, *, now: datetime | None = None) -> bool:
    """Whether sign-in from this request's client address is refused for now."""
    moment = now or timezone.now()
    return _hits(CLIENT_FAILURE_BUCKET, client_key(request), moment - WINDOW) >= (
        MAX_FAILURES_PER_CLIENT
    )


def record_failure(
    email: str, request: HttpRequest | None = None, *, now: datetime | None = None
) -> None:
    """Count a failed password or two-factor code against the address and, given the
    request, against the client address it came from."""
    moment = now or timezone.now()
    address = normalise_email(email)
    SignInFailure.objects.filter(at__lte=moment - WINDOW).delete()
    SignInFailure.objects.create(email=address, at=moment)
    if request is not None:
        _hit(CLIENT_FAILURE_BUCKET, client_key(request), moment, WINDOW)


def clear_failures(email: str) -> None:
    """Forget an address's failures after a successful sign-in or a password reset. The client
    address's count is kept: one account that works must not reset a stuffing run's count."""
    SignInFailure.objects.filter(email=normalise_email(email)).delete()


def allow_reset_request(request: HttpRequest, *, now: datetime | None = None) -> bool:
    """Count a password reset request from this client; False (and not counted) when the
    client has asked for too many within the hour."""
    moment = now or timezone.now()
    key = client_key(request)
    if _hits(RESET_CLIENT_BUCKET, key, moment - RESET_WINDOW) >= RESET_PER_CLIENT:
        return False
    _hit(RESET_CLIENT_BUCKET, key, moment, RESET_WINDOW)
    return True


def allow_reset_email(email: str, *, now: datetime | None = None) -> bool:
    """Count a reset link for this address; False (and not counted) when enough links have
    gone to it within the hour. The caller then sends nothing and says nothing different."""
    moment = now or timezone.now()
    key = _email_key(email)
    if _hits(RESET_EMAIL_BUCKET, key, moment - RESET_WINDOW) >= RESET_PER_EMAIL:
        return False
    _hit(RESET_EMAIL_BUCKET, key, moment, RESET_WINDOW)
    return True
