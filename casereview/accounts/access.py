"""The single gate in front of every staff page.

``staff_member_required`` (for function views) and ``StaffRequiredMixin`` (for class-based
views) apply the same three checks, in order:

1. anonymous -> the sign-in page, with ``next`` set to the page asked for;
2. signed in with a password but not yet through two-factor (when it is required) -> set up an
   authenticator app if the user has none, otherwise enter a code;
3. signed in but a member of no area -> 403 "You do not have access to any area yet".

Which *data* a member may see is then the job of ``casereview.accounts.scoping``.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar, cast
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django_otp import user_has_device

from casereview.accounts.scoping import has_any_membership

View = TypeVar("View", bound=Callable[..., HttpResponse])


def safe_next(request: HttpRequest, default: str = "") -> str:
    """The ``next`` address from the query or form, if it stays on this site; else ``default``."""
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return default or reverse(settings.LOGIN_REDIRECT_URL)


def with_next(url_name: str, next_url: str) -> str:
    return f"{reverse(url_name)}?{urlencode({'next': next_url})}" if next_url else reverse(url_name)


def is_two_factor_verified(request: HttpRequest) -> bool:
    is_verified = getattr(request.user, "is_verified", None)
    return bool(is_verified and is_verified())


def needs_two_factor(request: HttpRequest) -> bool:
    """Whether this signed-in user must still enter a code before seeing staff pages.

    Required of everyone when ``REQUIRE_TWO_FACTOR`` is on (always in production); when it is
    off (development), still required of anyone who has chosen to set up an authenticator app.
    """
    if is_two_factor_verified(request):
        return False
    if getattr(settings, "REQUIRE_TWO_FACTOR", True):
        return True
    return user_has_device(request.user, confirmed=True)


def two_factor_redirect(request: HttpRequest, next_url: str) -> HttpResponseRedirect:
    """Send a password-authenticated user to set up or to verify, keeping where they were going."""
    step = (
        "accounts:two-factor-verify"
        if user_has_device(request.user, confirmed=True)
        else "accounts:two-factor-setup"
    )
    return HttpResponseRedirect(with_next(step, next_url))


def refuse_without_membership(request: HttpRequest) -> HttpResponse:
    return TemplateResponse(request, "accounts/no_access.html", status=403)


def check_staff_access(request: HttpRequest) -> HttpResponse | None:
    """None when the request may go on to a staff view; otherwise the response to send."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
    if needs_two_factor(request):
        return two_factor_redirect(request, request.get_full_path())
    if not has_any_membership(request.user):
        return refuse_without_membership(request)
    return None


def staff_member_required(view: View) -> View:
    """Decorate a function view so that only verified members of an area reach it."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        refusal = check_staff_access(request)
        if refusal is not None:
            return refusal
        return view(request, *args, **kwargs)

    return cast(View, wrapper)


class StaffRequiredMixin:
    """The class-based form of ``staff_member_required``; put it first in the bases."""

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        refusal = check_staff_access(request)
        if refusal is not None:
            return refusal
        return super().dispatch(request, *args, **kwargs)  # type: ignore[misc]
