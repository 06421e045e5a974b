"""TOTP two-factor through django-otp: setting up an authenticator app, backup codes, and
checking a code. Every check goes through the device's own ``verify_token`` inside a
transaction with the device row locked, so django-otp's throttling (an exponentially growing
wait after each wrong code) always applies and two requests cannot both use one code."""

from __future__ import annotations

import enum
import re
from base64 import b32encode
from dataclasses import dataclass

import qrcode
import qrcode.image.svg
from django.db import transaction
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from markupsafe import Markup

from casereview.accounts.models import User

APP_DEVICE_NAME = "Authenticator app"
BACKUP_DEVICE_NAME = "Backup codes"
BACKUP_CODE_COUNT = 10


class Outcome(enum.Enum):
    ACCEPTED = "accepted"
    WRONG = "wrong"
    # Too many wrong codes lately: django-otp refuses to check any code for a while.
    THROTTLED = "throttled"


@dataclass(frozen=True)
class Check:
    outcome: Outcome
    device: Device | None = None


def confirmed_app(user: User) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()


def pending_app(user: User) -> TOTPDevice:
    """The user's unconfirmed authenticator device, created on first use. Reused afterwards so
    that reloading the set-up page does not change the QR code someone is scanning."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)
    return device


def manual_key(device: TOTPDevice) -> str:
    """The secret in base32, as authenticator apps expect it typed, in groups of four."""
    key = b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def qr_code_svg(device: TOTPDevice) -> Markup:
    """The device's ``otpauth://`` address as an inline SVG QR code.

    The SVG comes from the qrcode library's own image factory, not from string building; the
    XML declaration is dropped so it can sit inside the page. Marked as an image with a text
    alternative, since the key is also shown as text for people who cannot scan it.
    """
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage)
    svg = image.to_string(encoding="unicode")
    svg = re.sub(r"^<\?xml[^>]*\?>\s*", "", svg)
    svg = svg.replace(
        "<svg ", '<svg role="img" aria-label="QR code for your authenticator app" ', 1
    )
    return Markup(svg)


def _check(device_model: type[Device], pk: int, code: str) -> Check:
    with transaction.atomic():
        device = device_model.objects.select_for_update().get(pk=pk)
        allowed, _details = device.verify_is_allowed()
        if not allowed:
            return Check(Outcome.THROTTLED, device)
        if device.verify_token(code):
            return Check(Outcome.ACCEPTED, device)
        return Check(Outcome.WRONG, device)


def confirm_app(device: TOTPDevice, code: str) -> Check:
    """Check the first code from a newly scanned app; on success the device is confirmed."""
    result = _check(TOTPDevice, device.pk, code)
    if result.outcome is Outcome.ACCEPTED:
        TOTPDevice.objects.filter(pk=device.pk).update(confirmed=True)
        device.refresh_from_db()
        return Check(Outcome.ACCEPTED, device)
    return result


def issue_backup_codes(user: User, count: int = BACKUP_CODE_COUNT) -> list[str]:
    """A fresh set of one-time backup codes; any earlier set stops working."""
    with transaction.atomic():
        StaticDevice.objects.filter(user=user).delete()
        device = StaticDevice.objects.create(user=user, name=BACKUP_DEVICE_NAME, confirmed=True)
        codes = [StaticToken.random_token() for _ in range(count)]
        StaticToken.objects.bulk_create(StaticToken(device=device, token=c) for c in codes)
    return codes


def verify(user: User, code: str) -> Check:
    """Check a code at sign-in: 6 digits against the authenticator app, otherwise against the
    backup codes (each works once: django-otp deletes a static token when it is used)."""
    if re.fullmatch(r"\d{6}", code):
        candidates: list[tuple[type[Device], int]] = [
            (TOTPDevice, pk)
            for pk in TOTPDevice.objects.filter(user=user, confirmed=True).values_list(
                "pk", flat=True
            )
        ]
    else:
        candidates = [
            (StaticDevice, pk)
            for pk in StaticDevice.objects.filter(user=user, confirmed=True).values_list(
                "pk", flat=True
            )
        ]
    outcome = Check(Outcome.WRONG)
    for model, pk in candidates:
        result = _check(model, pk, code)
        if result.outcome is Outcome.ACCEPTED:
            return result
        if result.outcome is Outcome.THROTTLED:
            outcome = result
    return outcome
