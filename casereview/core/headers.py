"""Response headers Django has no setting for.

``Permissions-Policy`` switches off the powerful browser features the service never uses, so
that a script injected despite the Content-Security-Policy (or a page framed by mistake) still
cannot reach the camera, the microphone or the person's location. Django's SecurityMiddleware
sends the other headers (HSTS, nosniff, Referrer-Policy, Cross-Origin-Opener-Policy) and
XFrameOptionsMiddleware sends X-Frame-Options; their settings are in casereview/settings.py.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

# Every feature listed is refused to every origin, the service's own included: "()" is the
# empty allow-list.
DISABLED_FEATURES = (
    "accelerometer",
    "autoplay",
    "camera",
    "display-capture",
    "encrypted-media",
    "fullscreen",
    "geolocation",
    "gyroscope",
    "magnetometer",
    "microphone",
    "midi",
    "payment",
    "picture-in-picture",
    "publickey-credentials-get",
    "screen-wake-lock",
    "serial",
    "usb",
    "xr-spatial-tracking",
)
PERMISSIONS_POLICY = ", ".join(f"{feature}=()" for feature in DISABLED_FEATURES)


class PermissionsPolicyMiddleware:
    """Adds ``Permissions-Policy`` to every response that does not set its own."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
