"""Staff pages of letters, under /staff/letters/: a letter as a printable page, its PDF and Word
files, the queue of letters to post, and the two changes of a delivery record staff make
(marking a letter posted, trying a failed e-mail again).

A letter is found through its case, and the case through the caller's scope
(``casereview.cases.views.common.case_or_404``): another area's letter is a 404, like its case.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseNotAllowed,
    HttpResponseRedirect,
)
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from markupsafe import Markup

from casereview.accounts.access import safe_next, staff_member_required
from casereview.accounts.models import User
from casereview.audit.log import record_view
from casereview.cases.models import Case
from casereview.cases.views.common import can_act, case_or_404, case_url, staff_navigation
from casereview.letters import services
from casereview.letters.models import DeliveryStatus, Letter
from casereview.letters.selectors import letter_of, letters_to_post
from casereview.letters.tasks import attachment_name

READ = ("GET", "HEAD")

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


class _WrongMethod(Exception):
    def __init__(self, allowed: list[str]) -> None:
        self.allowed = allowed


def _letter_or_404(
    request: HttpRequest, reference: str, pk: int, *, methods: tuple[str, ...]
) -> tuple[Case, Letter]:
    """The letter in the caller's scope, then the method: a person of another area gets 404
    whatever the method, so not even a 405 hints at what exists."""
    case = case_or_404(request, reference)
    letter = letter_of(case, pk)
    if letter is None:
        raise Http404("No such letter")
    if request.method not in methods:
        raise _WrongMethod(list(methods))
    return case, letter


def _methods(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Answer ``_WrongMethod`` from ``_letter_or_404`` with 405 Method Not Allowed."""

    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except _WrongMethod as wrong:
            return HttpResponseNotAllowed(wrong.allowed)

    return wrapped


def _letter_body(letter: Letter) -> Markup:
    """The stored letter's body, to show inside a page. The stored HTML was rendered by our own
    autoescaping templates, so it is trusted markup; it is shown exactly as it was sent."""
    page = letter.html
    start = page.find(">", page.find("<body")) + 1 if "<body" in page else 0
    end = page.rfind("</body>")
    return Markup(page[start : end if end != -1 else len(page)])


def _signed_in(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)  # staff_member_required has checked
    return user


@staff_member_required
@_methods
def letter(request: HttpRequest, reference: str, pk: int) -> HttpResponse:
    case, found = _letter_or_404(request, reference, pk, methods=READ)
    record_view(request, case, f"letter {found.kind}")
    context: dict[str, Any] = {
        "case": case,
        "letter": found,
        "body": _letter_body(found),
        "case_url": case_url(case),
        "can_act": can_act(request, case),
        "can_mark_posted": found.status == DeliveryStatus.TO_POST,
        "can_resend": found.status == DeliveryStatus.FAILED,
        "navigation": staff_navigation("cases:dashboard"),
    }
    return TemplateResponse(request, "letters/pages/letter.html", context)


def _download(request: HttpRequest, reference: str, pk: int, extension: str) -> HttpResponse:
    case, found = _letter_or_404(request, reference, pk, methods=READ)
    record_view(request, case, f"letter {found.kind} ({extension})", kind="download")
    data = bytes(found.pdf if extension == "pdf" else found.docx)
    response = HttpResponse(data, content_type=CONTENT_TYPES[extension])
    response["Content-Disposition"] = f'attachment; filename="{attachment_name(found, extension)}"'
    response["Cache-Control"] = "private, no-store"
    return response


@staff_member_required
@_methods
def pdf(request: HttpRequest, reference: str, pk: int) -> HttpResponse:
    return _download(request, reference, pk, "pdf")


@staff_member_required
@_methods
def docx(request: HttpRequest, reference: str, pk: int) -> HttpResponse:
    return _download(request, reference, pk, "docx")


@staff_member_required
@require_safe
def post_queue(request: HttpRequest) -> HttpResponse:
    waiting = list(letters_to_post(request.user))
    context = {
        "letters": waiting,
        "navigation": staff_navigation("letters:post-queue"),
    }
    return TemplateResponse(request, "letters/pages/post_queue.html", context)


def _back(request: HttpRequest, case: Case) -> HttpResponseRedirect:
    return HttpResponseRedirect(safe_next(request, case_url(case)))


@staff_member_required
@_methods
def mark_posted(request: HttpRequest, reference: str, pk: int) -> HttpResponse:
    case, found = _letter_or_404(request, reference, pk, methods=("POST",))
    if not can_act(request, case):
        raise PermissionDenied(_("You can see this case but not act on it."))
    try:
        services.letter_mark_posted(found, by=_signed_in(request))
    except services.LetterNotPostable as error:
        messages.error(request, str(error))
        return _back(request, case)
    messages.success(
        request,
        _("The letter to %(name)s is marked as posted.") % {"name": found.recipient_name},
    )
    return _back(request, case)


@staff_member_required
@_methods
def resend(request: HttpRequest, reference: str, pk: int) -> HttpResponse:
    case, found = _letter_or_404(request, reference, pk, methods=("POST",))
    if not can_act(request, case):
        raise PermissionDenied(_("You can see this case but not act on it."))
    try:
        services.letter_retry(found, by=_signed_in(request))
    except services.LetterNotResendable as error:
        messages.error(request, str(error))
        return _back(request, case)
    messages.success(
        request,
        _("The letter to %(name)s will be e-mailed again in a moment.")
        % {"name": found.recipient_name},
    )
    return HttpResponseRedirect(
        safe_next(request, reverse("letters:letter", kwargs={"reference": reference, "pk": pk}))
    )
