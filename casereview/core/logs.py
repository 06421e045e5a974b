"""Structured logs: every line carries the id of the request it belongs to.

``RequestContextMiddleware`` gives each request an id (the ``X-Request-ID`` header a proxy sent,
when it is a plausible id, or a new one), keeps it in a context variable for the request's
duration and returns it in the response's ``X-Request-ID`` header. ``RequestContextFilter`` puts
it on every log record, and ``JsonFormatter`` writes each record as one JSON object.

The middleware also writes one access line per request to the ``casereview.access`` logger:
method, route, status, duration and the signed-in user's id. Not the path as typed nor the query
string: those can hold a tracking link's token or a search for a person's name. The route is the
URL pattern that matched (``staff/cases/<str:reference>/``), which says what was asked for
without anyone's data in it.
"""

from __future__ import annotations

import contextvars
import datetime as dt
import logging
import re
import time
import uuid
from collections.abc import Callable
from typing import Any

from django.core.signals import request_finished
from django.http import HttpRequest, HttpResponse
from pythonjsonlogger.core import RESERVED_ATTRS
from pythonjsonlogger.json import JsonFormatter as _BaseJsonFormatter

request_id: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="-")

# A proxy's id is kept when it looks like one (a UUID, a hex or base64url token); anything else
# (too short or long, spaces, quotes, line breaks that would forge log lines) is replaced.
_PLAUSIBLE_ID = re.compile(r"[A-Za-z0-9._-]{8,64}")

access_log = logging.getLogger("casereview.access")


def _route(request: HttpRequest) -> str:
    match = getattr(request, "resolver_match", None)
    if match is None:
        return "(no route)"
    return "/" + str(match.route)


def _user_id(request: HttpRequest) -> int | None:
    user = getattr(request, "user", None)
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    pk: Any = user.pk
    return int(pk) if pk is not None else None


class RequestContextMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        given = request.headers.get("X-Request-ID", "")
        value = given if _PLAUSIBLE_ID.fullmatch(given) else uuid.uuid4().hex
        # Not reset when this middleware returns: Django logs a failed response (django.request)
        # after the whole middleware chain, and that line needs the id too. It is cleared when
        # the response is finished (``_forget_request_id``), before the thread serves another.
        request_id.set(value)
        started = time.perf_counter()
        response = self.get_response(request)
        response["X-Request-ID"] = value
        access_log.info(
            "%s %s %s",
            request.method,
            _route(request),
            response.status_code,
            extra={
                "method": request.method,
                "route": _route(request),
                "status": response.status_code,
                "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                "user_id": _user_id(request),
            },
        )
        return response


def _forget_request_id(**kwargs: object) -> None:
    request_id.set("-")


request_finished.connect(_forget_request_id, dispatch_uid="casereview.core.logs.forget_request_id")


class RequestContextFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id.get()
        return True


class JsonFormatter(_BaseJsonFormatter):
    """One JSON object a line: time, level, logger, message, request id and any extra fields."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("fmt", "%(asctime)s %(levelname)s %(name)s %(message)s %(request_id)s")
        kwargs.setdefault(
            "rename_fields", {"asctime": "time", "levelname": "level", "name": "logger"}
        )
        # Django attaches the request object to its own records (django.request, django.server):
        # written out, it is the full URL with its query string, which can hold a person's data.
        kwargs.setdefault("reserved_attrs", [*RESERVED_ATTRS, "request"])
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]

    def formatTime(self, record: logging.LogRecord, datefmt: str | None = None) -> str:
        # ISO 8601 in UTC with milliseconds: sorts as text, and log stores parse it as it is.
        moment = dt.datetime.fromtimestamp(record.created, tz=dt.UTC)
        return moment.isoformat(timespec="milliseconds")
