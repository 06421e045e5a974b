"""Values every template needs: the service name and the council the page belongs to."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest


def service(request: HttpRequest) -> dict[str, Any]:
    return {"service_name": settings.SERVICE_NAME, "site_url": settings.SITE_URL}
