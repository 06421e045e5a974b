"""Who is calling the partner API, and how often they may.

``AgencyKey`` reads ``Authorization: Bearer crk_...`` and sets ``request.auth`` to the
``AgencyToken`` the key belongs to; anything else (no header, another scheme, a malformed,
unknown or revoked key) is refused with 401 by the API's error handler. The key is the only
identity an API request has: a session cookie that happens to come with it is ignored, so that
nothing a person may see in the browser leaks into what the key may see, and the access log
records the key, not a person.

``AgencyKeyThrottle`` limits each key to ``settings.API_RATE_LIMIT`` requests ("600/m" unless
set), read on every request so that a deployment (or a test) can change it without a restart.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest
from ninja.security import HttpBearer
from ninja.throttling import SimpleRateThrottle

from casereview.partners.models import AgencyToken
from casereview.partners.tokens.services import authenticate

DEFAULT_RATE = "600/m"


class AgencyKey(HttpBearer):
    """An agency's API key, issued by an area administrator."""

    openapi_bearerFormat = "crk_<prefix>_<secret>"
    openapi_description = (
        "An API key of one agency in one area, issued by the area's administrator on the "
        "service's API keys page: send it as `Authorization: Bearer crk_...`. It gives access "
        "to that agency's data in that area only."
    )

    def authenticate(self, request: HttpRequest, token: str) -> AgencyToken | None:
        found = authenticate(token)
        if found is not None:
            request.user = AnonymousUser()
        return found


def token_of(request: HttpRequest) -> AgencyToken:
    """The key the request was authenticated with (operations of the partner router only)."""
    token = getattr(request, "auth", None)
    assert isinstance(token, AgencyToken)
    return token


class AgencyKeyThrottle(SimpleRateThrottle):
    """At most ``API_RATE_LIMIT`` requests per key (by its prefix) per period."""

    scope = "agency-key"

    def __init__(self) -> None:
        super().__init__(rate=self.get_rate())

    def get_rate(self) -> str:
        return str(getattr(settings, "API_RATE_LIMIT", DEFAULT_RATE) or DEFAULT_RATE)

    def allow_request(self, request: HttpRequest) -> bool:
        self.rate = self.get_rate()
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return bool(super().allow_request(request))

    def get_cache_key(self, request: HttpRequest) -> str | None:
        token: Any = getattr(request, "auth", None)
        if not isinstance(token, AgencyToken):
            return None
        return self.cache_format % {"scope": self.scope, "ident": token.prefix}
