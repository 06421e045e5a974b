"""The 403, 404 and 500 pages, in the service's own style (wired as handler403/404/500)."""

from __future__ import annotations

import logging

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "errors/403.html", status=403)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "errors/404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    """Rendered without the request: its context processors, session or user may be what failed.

    If even the template cannot render, a plain sentence is still better than a second traceback.
    """
    context = {
        "service_name": settings.SERVICE_NAME,
        "site_url": settings.SITE_URL,
        # GOV.UK's inline script needs the response's nonce, which the request still carries.
        "csp_nonce": str(getattr(request, "csp_nonce", "")) or None,
    }
    try:
        body = render_to_string("errors/500.html", context)
    except Exception:
        logger.exception("The 500 page itself failed to render")
        return HttpResponseServerError(
            "Sorry, there is a problem with the service. Try again later.",
            content_type="text/plain; charset=utf-8",
        )
    return HttpResponseServerError(body)
