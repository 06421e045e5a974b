"""Staff pages of a case's review documents: the list of every document (agenda, terms of
reference, chair's pack, proportionality assessment, minutes, action plan) for each audience, and
each one as a PDF or Word file, generated from the case as it is now.

The case is found through the caller's scope (``case_or_404``): another area's case is a 404.
An unknown kind, audience or format, or a document the case has no data for yet, is a 404 too.
"""

from __future__ import annotations

import logging
from typing import Any

from django.contrib import messages
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

from casereview.accounts.access import staff_member_required
from casereview.audit.log import record_view
from casereview.cases.views.common import case_or_404, case_url, staff_navigation
from casereview.letters.services import RestrictedDataInLetter
from casereview.reviews.documents import (
    CONTENT_TYPES,
    DOCUMENTS,
    DocumentNotAvailable,
    available_documents,
    document_filename,
    render_document,
)

logger = logging.getLogger(__name__)

READ = ("GET", "HEAD")


def _not_a_read(request: HttpRequest) -> HttpResponse | None:
    """405 for anything but GET or HEAD. Checked after the case is found in the caller's scope,
    so a person of another area gets 404 whatever the method: not even a 405 hints at a case."""
    if request.method in READ:
        return None
    return HttpResponseNotAllowed(list(READ))


@staff_member_required
def document_list(request: HttpRequest, reference: str) -> HttpResponse:
    case = case_or_404(request, reference)
    if (refused := _not_a_read(request)) is not None:
        return refused
    record_view(request, case, "review documents")
    documents = [
        {
            "spec": spec,
            "links": {
                fmt: reverse(
                    "reviews:document",
                    kwargs={
                        "reference": case.reference,
                        "kind": spec.kind,
                        "audience": spec.audience,
                        "fmt": fmt,
                    },
                )
                for fmt in CONTENT_TYPES
            },
        }
        for spec in available_documents(case)
    ]
    context: dict[str, Any] = {
        "case": case,
        "case_url": case_url(case),
        "documents": documents,
        "navigation": staff_navigation("cases:dashboard"),
    }
    return TemplateResponse(request, "reviews/document_list.html", context)


@staff_member_required
def document_file(
    request: HttpRequest, reference: str, kind: str, audience: str, fmt: str
) -> HttpResponse:
    case = case_or_404(request, reference)
    if (refused := _not_a_read(request)) is not None:
        return refused
    spec = DOCUMENTS.get(kind)
    if spec is None or audience not in spec.audiences or fmt not in CONTENT_TYPES:
        raise Http404("No such document")
    try:
        data = render_document(case, kind, audience, fmt)
    except DocumentNotAvailable as error:
        raise Http404("Not available yet") from error
    except RestrictedDataInLetter as error:
        # The victim's version shows restricted data (a recommendation or a visible action that
        # names the people alleged responsible): refuse it, and say what to correct.
        logger.error("%s", error)
        messages.error(
            request,
            _(
                "The victim's version of the %(title)s was not produced: its text contains "
                "restricted information about the people alleged to be responsible. Check the "
                "wording of the recommendations and of the actions the victim may see."
            )
            % {"title": str(spec.title).lower()},
        )
        return HttpResponseRedirect(reverse("reviews:documents", args=[case.reference]))
    record_view(request, case, f"document {kind} ({audience}, {fmt})", kind="download")
    response = HttpResponse(data, content_type=CONTENT_TYPES[fmt])
    filename = document_filename(case, kind, audience, fmt)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response
