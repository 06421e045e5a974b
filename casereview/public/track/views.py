"""The private tracking page and the way to it: ask for a link by reference and e-mail address,
open the link, see the case's progress and letters, and leave.

Asking for a link answers the same page whether or not the reference and address match a case,
so nobody can find out from it whether a case exists or which address it has. The link itself
is signed and expires (``casereview.public.links``); opening it puts the case in the session
(``casereview.public.access``) and takes it out of the address bar.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from casereview.audit.log import record_view
from casereview.core.language import remember_language
from casereview.public import access, links, ratelimit
from casereview.public.mail import queue_email
from casereview.public.track import selectors
from casereview.public.track.forms import TrackStartForm
from casereview.public.track.progress import progress_of
from casereview.public.victim.actions import available_actions

if TYPE_CHECKING:
    from casereview.cases.models import Case

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def _send_link(reference: str, email: str) -> None:
    """E-mail a tracking link for case ``reference`` to ``email`` if that address is the
    victim's or the applicant's on the case; otherwise do nothing, silently."""
    case = selectors.case_with_reference(reference)
    if case is None:
        return
    wanted = email.strip().lower()
    for address in links.tracking_emails(case):
        if address.strip().lower() == wanted:
            path = reverse(
                "public:track_open", kwargs={"token": links.tracking_token(case, address)}
            )
            queue_email(
                to=address,
                name="track_link",
                context={
                    "reference": case.reference,
                    "link": links.absolute(path),
                    "link_days": str(settings.TRACKING_LINK_DAYS),
                    "council": case.area.official_name or case.area.name,
                },
                language=case.language,
            )
            return


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def track_start(request: HttpRequest) -> HttpResponse:
    form = TrackStartForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        if not ratelimit.allow(request, ratelimit.SEND_LINK):
            return render(request, "public/track/too_many.html", status=429)
        _send_link(form.cleaned_data["reference"], form.cleaned_data["email"])
        return redirect("public:track_sent")
    tracking = access.tracked_case(request) is not None
    return render(request, "public/track/start.html", {"form": form, "tracking": tracking})


@require_safe
def track_sent(request: HttpRequest) -> HttpResponse:
    return render(request, "public/track/sent.html")


@never_cache
@require_safe
def track_open(request: HttpRequest, token: str) -> HttpResponse:
    found = links.read_tracking_token(token)
    if found is None:
        # Expired, tampered with, of another kind, or for an address no longer on the case.
        return render(
            request,
            "public/track/link_invalid.html",
            {"link_days": settings.TRACKING_LINK_DAYS},
            status=404,
        )
    case, address_hash = found
    access.open_tracking(request, case, address_hash)
    # Everything about the case is in the language the person chose when they applied.
    return remember_language(redirect("public:track"), case.language)


@never_cache
@require_safe
@access.tracking_required
def track(request: HttpRequest, case: Case) -> HttpResponse:
    record_view(request, case, "tracking page")
    progress = progress_of(case)
    context = {
        "progress": progress,
        "actions": available_actions(case),
        "council_name": progress.contact.council,
    }
    return render(request, "public/track/case.html", context)


@never_cache
@require_safe
@access.tracking_required
def track_letter(request: HttpRequest, case: Case, pk: int, fmt: str) -> HttpResponse:
    if fmt not in CONTENT_TYPES:
        raise Http404("No such format")
    letter = selectors.victim_letter(case, pk)
    if letter is None:
        raise Http404("No such letter")
    record_view(
        request, case, f"letter {letter.kind} ({fmt}) on the tracking page", kind="download"
    )
    data = bytes(letter.pdf if fmt == "pdf" else letter.docx)
    response = HttpResponse(data, content_type=CONTENT_TYPES[fmt])
    name = f"{case.reference}-{letter.key.replace(':', '-')}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "private, no-store"
    return response


@require_POST
def track_signout(request: HttpRequest) -> HttpResponse:
    access.close_tracking(request)
    messages.success(
        request,
        _("You have left your case's tracking page. Ask for a new link whenever you need one."),
    )
    return redirect("public:track_start")
