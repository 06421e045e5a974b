"""Rate limits for anonymous requests that write or send something (submitting an application,
e-mailing a link), instead of a CAPTCHA, which would shut out people using screen readers.

Counts live in the database so every app server shares them; the address is kept only as a
keyed hash, and rows older than the longest window are pruned as new ones are written.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone

from casereview.public.models import PublicRateHit


@dataclass(frozen=True)
class Limit:
    bucket: str
    count: int
    window: timedelta


# Generous enough for a family applying for several households from one address, or a
# support worker's office; small enough to stop a script.
SUBMIT = Limit("submit", 20, timedelta(hours=1))
SEND_LINK = Limit("send_link", 10, timedelta(hours=1))
KEEP = timedelta(days=1)


def client_address(request: HttpRequest) -> str:
    """The client's address: from the header a trusted proxy sets (``CLIENT_ADDRESS_HEADER``,
    e.g. ``X-Real-IP``), else the connection's own. Only the last comma-separated value counts,
    which is the one the nearest proxy wrote; anything before it came from the client."""
    header = settings.CLIENT_ADDRESS_HEADER
    if header:
        meta_name = "HTTP_" + header.upper().replace("-", "_")
        forwarded = str(request.META.get(meta_name, "")).split(",")[-1].strip()
        if forwarded:
            return forwarded
    return str(request.META.get("REMOTE_ADDR", "")) or "unknown"


def client_key(request: HttpRequest) -> str:
    address = client_address(request)
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, address.encode(), hashlib.sha256).hexdigest()[:64]


def allow(request: HttpRequest, limit: Limit) -> bool:
    """Count this request against ``limit``; False when the client is over it (and then the
    request is not counted, so waiting always frees the client)."""
    now = timezone.now()
    client = client_key(request)
    used = PublicRateHit.objects.filter(
        bucket=limit.bucket, client=client, at__gt=now - limit.window
    ).count()
    if used >= limit.count:
        return False
    PublicRateHit.objects.filter(at__lt=now - KEEP).delete()
    PublicRateHit.objects.create(bucket=limit.bucket, client=client, at=now)
    return True
