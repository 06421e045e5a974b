"""Staff session expiry: a signed-in session ends after ``SESSION_IDLE_MINUTES`` without a
request, and ``SESSION_COOKIE_AGE`` seconds after sign-in however busy it has been.

Django alone gives neither: its session expiry slides forward every time the session is saved,
so a session kept busy (or a stolen cookie kept busy) would live for ever. The two moments are
kept in the session itself; when either limit has passed, the next request is signed out
(``logout`` flushes the session and its key) and sent to the sign-in page with a message
saying why, and with ``next`` so the person comes back to the page they asked for.

Sits after django-otp's middleware and before the messages middleware (see MIDDLEWARE): the
message is therefore stored here, on the redirect, by the messages storage itself.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.contrib.auth.views import redirect_to_login
from django.contrib.messages.storage import default_storage
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import resolve_url
from django.utils import timezone
from django.utils.translation import gettext as _

SIGNED_IN_AT = "accounts.signed_in_at"
LAST_SEEN_AT = "accounts.last_seen_at"
# The last-seen time is written at most this often, so that a page with many requests does not
# write the session row on each of them; the idle limit is accurate to within this.
TOUCH_EVERY_SECONDS = 60


def _now() -> float:
    return timezone.now().timestamp()


@receiver(user_logged_in, dispatch_uid="casereview.accounts.sessions.start")
def start_session_clock(sender: Any, request: HttpRequest | None, **kwargs: Any) -> None:
    """Both clocks start at sign-in (after Django has given the session its new key)."""
    if request is not None and hasattr(request, "session"):
        now = _now()
        request.session[SIGNED_IN_AT] = now
        request.session[LAST_SEEN_AT] = now


def expiry_reason(request: HttpRequest, now: float) -> str | None:
    """Why this signed-in session has ended, or None while it is still live."""
    session = request.session
    signed_in_at = session.get(SIGNED_IN_AT)
    last_seen_at = session.get(LAST_SEEN_AT)
    if not isinstance(signed_in_at, int | float) or not isinstance(last_seen_at, int | float):
        # A session from before these clocks existed: it starts counting now.
        return None
    if now - signed_in_at >= settings.SESSION_COOKIE_AGE:
        hours = settings.SESSION_COOKIE_AGE // 3600
        return _(
            "You have been signed out because you signed in more than %(hours)s hours ago. "
            "Sign in again to continue."
        ) % {"hours": hours}
    if now - last_seen_at >= settings.SESSION_IDLE_MINUTES * 60:
        return _(
            "You have been signed out because you had not used the service for %(minutes)s "
            "minutes. Sign in again to continue."
        ) % {"minutes": settings.SESSION_IDLE_MINUTES}
    return None


class SessionExpiryMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.user.is_authenticated:
            return self.get_response(request)
        now = _now()
        reason = expiry_reason(request, now)
        if reason is not None:
            return self._sign_out(request, reason)
        session = request.session
        if SIGNED_IN_AT not in session:
            session[SIGNED_IN_AT] = now
        last_seen_at = session.get(LAST_SEEN_AT)
        if not isinstance(last_seen_at, int | float) or now - last_seen_at >= TOUCH_EVERY_SECONDS:
            session[LAST_SEEN_AT] = now
        return self.get_response(request)

    def _sign_out(self, request: HttpRequest, reason: str) -> HttpResponse:
        # Back to the page asked for after signing in again; a form sent after expiry cannot
        # be replayed, so that leads to the staff home instead.
        response: HttpResponse = (
            redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
            if request.method == "GET"
            else HttpResponseRedirect(resolve_url(settings.LOGIN_URL))
        )
        logout(request)
        # The messages middleware runs after this one, so it has not set up storage for this
        # request: set it up, add the message and write it onto the redirect, as it would.
        storage = default_storage(request)
        request._messages = storage  # type: ignore[attr-defined]
        messages.info(request, reason)
        storage.update(response)
        return response
