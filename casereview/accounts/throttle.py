"""Throttling of password sign-in by e-mail address.

After ``MAX_FAILURES`` failed attempts within ``WINDOW``, further attempts for that address are
refused, even with the right password, until the oldest of those failures leaves the window.
Attempts made while locked are not recorded, so a lock lasts at most ``WINDOW`` after the last
counted failure and nobody can keep an account locked for ever by hammering it.

TOTP codes have their own throttling inside django-otp (exponential back-off per device).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.utils import timezone

from casereview.accounts.models import SignInFailure

MAX_FAILURES = 5
WINDOW = timedelta(minutes=15)


def normalise_email(email: str) -> str:
    """The form in which accounts are stored (see ``UserManager.create_user``)."""
    return email.strip().lower()


def _recent(email: str, now: datetime) -> int:
    return SignInFailure.objects.filter(email=normalise_email(email), at__gt=now - WINDOW).count()


def is_locked(email: str, *, now: datetime | None = None) -> bool:
    """Whether sign-in with this address is refused for now."""
    return _recent(email, now or timezone.now()) >= MAX_FAILURES


def record_failure(email: str, *, now: datetime | None = None) -> None:
    moment = now or timezone.now()
    address = normalise_email(email)
    # Pruning here keeps the table to the last window's worth of failures without a sweep.
    SignInFailure.objects.filter(at__lte=moment - WINDOW).delete()
    SignInFailure.objects.create(email=address, at=moment)


def clear_failures(email: str) -> None:
    """Forget failures after a successful sign-in or a password reset."""
    SignInFailure.objects.filter(email=normalise_email(email)).delete()
