"""The one NinjaAPI object of the service.

Mounted at /api/ (casereview/api/urls.py): the OpenAPI description is at /api/openapi.json, the
docs at /api/docs, and every endpoint under /api/v1/. Each group of endpoints is a router in its
own module, added here; public rule endpoints take no authentication, and the partner endpoints
to come add their own token auth per router or per operation.

Every error a client can cause comes back in one shape, the one the threshold-check contract
defines: ``{"errors": [{"field": ..., "complaint": ... or null, "message": ...}]}``.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import ValidationError

from casereview.api import rules
from casereview.rules import ContractError, FieldError

api = NinjaAPI(
    title="Case Review API",
    version="1",
    description=(
        "The rules of the statutory ASB Case Review (Anti-social Behaviour, Crime and Policing "
        "Act 2014, s.104 and Schedule 4) as a public API: the threshold check and working days."
    ),
    urls_namespace="api-v1",
    docs_url="/docs",
    openapi_url="/openapi.json",
)

api.add_router("/v1", rules.router)


def _field_from_location(location: tuple[object, ...] | list[object]) -> str:
    # Ninja reports locations like ("query", "add") or ("body", "payload", "complaints", 2).
    parts = [str(part) for part in location[1:]] or [str(part) for part in location]
    return ".".join(parts) or "request"


@api.exception_handler(ValidationError)
def validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    errors = [
        FieldError(_field_from_location(tuple(item.get("loc", ()))), None, str(item.get("msg")))
        for item in exc.errors
    ]
    return api.create_response(request, ContractError(errors).to_json(), status=422)
