"""Who may see a case's tracking page: whoever opened a tracking link in this browser session.

Opening a link (``open_tracking``) puts the case and the address hash in the session and the
tracking pages read it back (``tracked_case``), checking each time that the address is still on
the case. The link itself then leaves the address bar, so it is not kept in history or sent on
as a referrer.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from casereview.cases.models import Case
from casereview.public.links import email_hash, tracking_emails

SESSION_KEY = "public.track"


def open_tracking(request: HttpRequest, case: Case, address_hash: str) -> None:
    # A new session key when access is granted, so a session fixed by someone else gains nothing.
    request.session.cycle_key()
    request.session[SESSION_KEY] = {"case": case.pk, "email": address_hash}


def close_tracking(request: HttpRequest) -> None:
    request.session.pop(SESSION_KEY, None)


def tracked_case(request: HttpRequest) -> Case | None:
    """The case this session may track, or None."""
    held = request.session.get(SESSION_KEY)
    if not isinstance(held, dict):
        return None
    try:
        case = Case.objects.select_related("area", "policy").get(pk=int(held["case"]))
    except (KeyError, TypeError, ValueError, Case.DoesNotExist):
        return None
    if held.get("email") not in {email_hash(e) for e in tracking_emails(case)}:
        return None
    return case


def tracking_required(
    view: Callable[..., HttpResponse],
) -> Callable[..., HttpResponse]:
    """Call ``view(request, case, ...)`` for a session holding a tracking link; send anyone
    else to the page where a new link can be asked for."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        case = tracked_case(request)
        if case is None:
            return redirect("public:track_start")
        return view(request, case, *args, **kwargs)

    return wrapped
