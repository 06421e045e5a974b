"""Who is asking and from where, for the audit log.

``AuditContextMiddleware`` keeps the current request in a context variable for the request's
duration, so that records written deeper down (signal receivers, services) carry who asked and
from where without the request being passed along. Who is worked out when a record is written,
not here: an API request's key is only known once the API has authenticated it. With no request
(a background worker, a management command) records say "system".
"""

from __future__ import annotations

import contextvars
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

current_request: contextvars.ContextVar[HttpRequest | None] = contextvars.ContextVar(
    "audit_request", default=None
)


class AuditContextMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = current_request.set(request)
        try:
            return self.get_response(request)
        finally:
            current_request.reset(token)
