"""The one NinjaAPI object of the service.

Mounted at /api/ (casereview/api/urls.py): the OpenAPI description is at /api/openapi.json, the
docs at /api/docs, and every endpoint under /api/v1/. Each group of endpoints is a router in its
own module, added here: the public rule endpoints take no authentication; the partner endpoints
(``casereview.api.partners``) take an agency's API key and are rate-limited per key.

Every error a client can cause comes back as ``{"errors": [...]}``, each item naming the
``field`` and saying what is wrong in ``message``. The rule endpoints keep the shape their
threshold-check contract defines (each item also names the ``complaint``, or null); the partner
endpoints name the agency's ``record`` instead (its own reference, or null). Nothing a client
sends is answered with a 500: unreadable bodies, missing or bad keys, unknown ids, too many
requests and invalid values are all 4xx in this shape.
"""

from __future__ import annotations

import json
from typing import Any

from django.core.exceptions import RequestDataTooBig
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, Throttled, ValidationError

from casereview.api import partners, rules
from casereview.partners.models import AgencyToken
from casereview.rules import ContractError, FieldError

api = NinjaAPI(
    title="Case Review API",
    version="1",
    description=(
        "The statutory ASB Case Review (Anti-social Behaviour, Crime and Policing Act 2014, "
        "s.104 and Schedule 4).\n\n"
        "**Rules** (no key needed): the threshold check and working days.\n\n"
        "**Partner agencies** (an API key per agency and area, issued by the area's "
        "administrator, sent as `Authorization: Bearer crk_...`): send incident records in "
        "batches, read and answer information requests, read and update the actions the "
        "agency owns. Lists are paged (`page`, `page_size` up to 100, with `count`). Each key "
        "may make a limited number of requests a minute (429 beyond it, with `Retry-After`). "
        'Every error is `{"errors": [{"field", "record", "message"}]}`, listing every problem '
        "found."
    ),
    urls_namespace="api-v1",
    docs_url="/docs",
    openapi_url="/openapi.json",
)

api.add_router("/v1", rules.router)
api.add_router("/v1", partners.router)


def _is_partner_request(request: HttpRequest) -> bool:
    return isinstance(getattr(request, "auth", None), AgencyToken)


def _partner_errors(
    request: HttpRequest, status: int, errors: list[dict[str, Any]]
) -> HttpResponse:
    return api.create_response(request, {"errors": errors}, status=status)


def _rules_errors(request: HttpRequest, status: int, field: str, message: str) -> HttpResponse:
    body = ContractError([FieldError(field, None, message)]).to_json()
    return api.create_response(request, body, status=status)


def _field_from_location(location: tuple[object, ...] | list[object]) -> str:
    # Ninja reports locations like ("query", "add") or ("body", "payload", "complaints", 2).
    parts = [str(part) for part in location[1:]] or [str(part) for part in location]
    return ".".join(parts) or "request"


def _partner_field(location: tuple[object, ...]) -> tuple[str, list[object]]:
    """The field a partner client knows, from ninja's location: without the part of the request
    (``body``, ``query``, ``path``) and, in a body, without the view's parameter name."""
    parts = list(location)
    if parts and parts[0] == "body":
        parts = parts[2:]
    elif parts and parts[0] in {"query", "path", "header", "cookie"}:
        parts = parts[1:]
    return ".".join(str(part) for part in parts) or "body", parts


def _record_reference(request: HttpRequest, parts: list[object]) -> str | None:
    """The agency's reference of the record a body error is in (``incidents.3...``), if the
    body says; read again from the raw body because the record did not validate."""
    if len(parts) < 2 or parts[0] != "incidents" or not isinstance(parts[1], int):
        return None
    try:
        record = json.loads(request.body.decode("utf-8"))["incidents"][parts[1]]
        reference = record["agency_reference"]
    except (ValueError, KeyError, IndexError, TypeError, RecursionError, RequestDataTooBig):
        return None
    return reference if isinstance(reference, str) and reference.strip() else None


@api.exception_handler(ValidationError)
def validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    if _is_partner_request(request):
        errors = []
        for item in exc.errors:
            field, parts = _partner_field(tuple(item.get("loc", ())))
            errors.append(
                {
                    "field": field,
                    "record": _record_reference(request, parts),
                    "message": str(item.get("msg")),
                }
            )
        return _partner_errors(request, 422, errors)
    errors_ = [
        FieldError(_field_from_location(tuple(item.get("loc", ()))), None, str(item.get("msg")))
        for item in exc.errors
    ]
    return api.create_response(request, ContractError(errors_).to_json(), status=422)


@api.exception_handler(partners.ApiProblem)
def partner_problem(request: HttpRequest, exc: partners.ApiProblem) -> HttpResponse:
    return _partner_errors(request, exc.status, exc.errors)


@api.exception_handler(AuthenticationError)
def not_authenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    response = _partner_errors(
        request,
        401,
        [
            {
                "field": "Authorization",
                "record": None,
                "message": _(
                    "Send a valid API key of your agency as “Authorization: Bearer crk_...”. "
                    "This request had none, or one that is unknown or has been revoked."
                ),
            }
        ],
    )
    response["WWW-Authenticate"] = 'Bearer realm="Case Review API"'
    return response


@api.exception_handler(Throttled)
def throttled(request: HttpRequest, exc: Throttled) -> HttpResponse:
    return _partner_errors(
        request,
        429,
        [
            {
                "field": "request",
                "record": None,
                "message": _("Too many requests with this key: wait and try again."),
            }
        ],
    )


@api.exception_handler(HttpError)
def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    # Ninja raises these for a body it cannot parse (400) and the like.
    status = exc.status_code
    message = _("The request body is not valid JSON.") if status == 400 else str(exc)
    if _is_partner_request(request):
        return _partner_errors(
            request, status, [{"field": "body", "record": None, "message": message}]
        )
    return _rules_errors(request, status, "request", message)


@api.exception_handler(RequestDataTooBig)
def too_large(request: HttpRequest, exc: RequestDataTooBig) -> HttpResponse:
    # A body over Django's DATA_UPLOAD_MAX_MEMORY_SIZE.
    message = _("The request body is too large: send fewer records at a time.")
    if _is_partner_request(request):
        return _partner_errors(
            request, 413, [{"field": "body", "record": None, "message": message}]
        )
    return _rules_errors(request, 413, "request", message)


@api.exception_handler(Http404)
def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    message = _("Not found.")
    if _is_partner_request(request):
        return _partner_errors(
            request, 404, [{"field": "request", "record": None, "message": message}]
        )
    return _rules_errors(request, 404, "request", message)
