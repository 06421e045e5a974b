"""API keys of partner agencies: issuing, revoking, and recognising a key on a request.

A key looks like ``crk_<prefix>_<secret>``: the prefix (8 letters and digits) is stored as it
is, to find the key's row and to tell keys apart on the admin page; the secret is 43 URL-safe
characters from ``secrets.token_urlsafe(32)``. Only the SHA-256 of the whole key is stored, so
the key is shown once, when it is issued, and a copy of the database cannot be used to call the
API. SHA-256 (not a slow password hash) is enough here because the secret is 256 random bits,
not something a person chose, and it keeps every API call cheap.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import string
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from casereview.accounts.models import Role, User
from casereview.areas.models import Agency, Area
from casereview.areas.selectors import acts_in
from casereview.cases.step_support import check_actor
from casereview.partners.models import AgencyToken

KEY_START = "crk_"
PREFIX_LENGTH = 8
_PREFIX_ALPHABET = string.ascii_letters + string.digits
# token_urlsafe(32) is always 43 characters of the URL-safe base64 alphabet.
_KEY = re.compile(r"crk_([A-Za-z0-9]{8})_([A-Za-z0-9_-]{43})")
# How stale ``last_used_at`` may be: writing it on every call would make each read a write.
LAST_USED_PRECISION = timedelta(minutes=1)
NAME_MAX_LENGTH = AgencyToken._meta.get_field("name").max_length or 100


def key_hash(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def _new_prefix() -> str:
    return "".join(secrets.choice(_PREFIX_ALPHABET) for _ in range(PREFIX_LENGTH))


def issue_key(area: Area, agency: Agency, *, name: str, by: User | None) -> tuple[AgencyToken, str]:
    """A new key for ``agency``'s systems in ``area``: the stored token and the plaintext key,
    which the caller shows once and never keeps."""
    check_actor(by, area, roles=[Role.AREA_ADMINISTRATOR])
    errors: dict[str, list[str]] = {}
    name = name.strip()
    if not name:
        errors["name"] = [_("Enter what the key is for, such as the system that will use it.")]
    elif len(name) > NAME_MAX_LENGTH:
        errors["name"] = [
            _("What the key is for must be %(count)s characters or fewer.")
            % {"count": NAME_MAX_LENGTH}
        ]
    if not acts_in(area, agency):
        errors["agency"] = [
            _("%(agency)s has no part in %(area)s: choose one of the area's agencies.")
            % {"agency": agency.name, "area": area.name}
        ]
    if errors:
        raise ValidationError(errors)
    # A clash of random 8-character prefixes is all but impossible; retry rather than fail.
    for _attempt in range(5):
        prefix = _new_prefix()
        key = f"{KEY_START}{prefix}_{secrets.token_urlsafe(32)}"
        try:
            with transaction.atomic():
                token = AgencyToken.objects.create(
                    area=area,
                    agency=agency,
                    name=name,
                    prefix=prefix,
                    key_hash=key_hash(key),
                    created_by=by,
                )
        except IntegrityError:
            continue
        return token, key
    raise RuntimeError("Could not find an unused key prefix")


def revoke_key(token: AgencyToken, *, by: User | None) -> AgencyToken:
    """Stop ``token`` working from now on. Revoking a revoked key changes nothing."""
    check_actor(by, token.area, roles=[Role.AREA_ADMINISTRATOR])
    with transaction.atomic():
        token = AgencyToken.objects.select_for_update().get(pk=token.pk)
        if token.revoked_at is None:
            token.revoked_at = timezone.now()
            token.revoked_by = by
            token.save(update_fields=["revoked_at", "revoked_by"])
    return token


def authenticate(key: str) -> AgencyToken | None:
    """The active token ``key`` belongs to, or None for anything else (malformed, unknown,
    wrong secret, revoked, or of an agency that no longer acts in the key's area)."""
    match = _KEY.fullmatch(key.strip())
    if match is None:
        return None
    token = (
        AgencyToken.objects.select_related("area", "agency")
        .filter(prefix=match.group(1), revoked_at__isnull=True)
        .first()
    )
    if token is None or not hmac.compare_digest(token.key_hash, key_hash(match.group(0))):
        return None
    if not acts_in(token.area, token.agency):
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_PRECISION:
        AgencyToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token
