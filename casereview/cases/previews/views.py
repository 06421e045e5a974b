"""What will they see: staff preview a case as the victim, a partner agency and the review panel
get it, with what was removed from each and why (``presenters``).

Who may: whoever may see the case page (``case_or_404``: the area's coordinators,
administrators and read-only staff); anyone else gets 404, never 403, so not even a case's
existence is revealed. The case is found before the method is checked, so a 405 never confirms
a case either. A preview only reads: it sends nothing and marks nothing as read; the one thing
it writes is the audit record of the staff member's view of the case.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.template.response import TemplateResponse
from django.urls import reverse

from casereview.accounts.access import staff_member_required
from casereview.audit.log import record_view
from casereview.cases.models import Case
from casereview.cases.previews import presenters, selectors
from casereview.cases.previews.forms import AgencyChoiceForm
from casereview.cases.views.common import case_or_404, case_url, staff_navigation

READ = ("GET", "HEAD")


def _case_for_reading(request: HttpRequest, reference: str) -> Case | HttpResponse:
    case = case_or_404(request, reference)
    if request.method not in READ:
        return HttpResponseNotAllowed(list(READ))
    return case


def _links(case: Case) -> dict[str, str]:
    return {
        audience: reverse(f"previews:{audience}", kwargs={"reference": case.reference})
        for audience in presenters.AUDIENCES
    }


def _page(
    request: HttpRequest,
    case: Case,
    preview: presenters.Preview | None,
    audience: str,
    **extra: Any,
) -> TemplateResponse:
    context: dict[str, Any] = {
        "case": case,
        "case_url": case_url(case),
        "preview": preview,
        "audience": audience,
        "links": _links(case),
        "navigation": staff_navigation("cases:dashboard"),
        **extra,
    }
    return TemplateResponse(request, "previews/preview.html", context)


@staff_member_required
def choose(request: HttpRequest, reference: str) -> HttpResponse:
    """The three previews of the case, to choose from."""
    found = _case_for_reading(request, reference)
    if isinstance(found, HttpResponse):
        return found
    context = {
        "case": found,
        "case_url": case_url(found),
        "links": _links(found),
        "navigation": staff_navigation("cases:dashboard"),
    }
    return TemplateResponse(request, "previews/choose.html", context)


@staff_member_required
def as_victim(request: HttpRequest, reference: str) -> HttpResponse:
    found = _case_for_reading(request, reference)
    if isinstance(found, HttpResponse):
        return found
    preview = presenters.victim_preview(request, found)
    record_view(request, found, "preview as the victim")
    return _page(request, found, preview, presenters.VICTIM)


@staff_member_required
def as_partner(request: HttpRequest, reference: str) -> HttpResponse:
    """``?agency=<code>`` chooses the agency; without it, the first agency asked for
    information (or the area's first relevant body when none has been asked yet)."""
    found = _case_for_reading(request, reference)
    if isinstance(found, HttpResponse):
        return found
    agencies = selectors.agencies_to_preview(found)
    if "agency" in request.GET:
        form = AgencyChoiceForm(request.GET, agencies=agencies)
    else:
        initial = {"agency": agencies[0].code} if agencies else {}
        form = AgencyChoiceForm({**initial}, agencies=agencies)
    if not form.is_valid():
        # Nothing of the case is shown, so there is no view to record.
        return _page(request, found, None, presenters.PARTNER, form=form)
    agency = form.chosen()
    preview = presenters.partner_preview(request, found, agency)
    record_view(request, found, f"preview as a partner agency ({agency.name})")
    return _page(request, found, preview, presenters.PARTNER, form=form)


@staff_member_required
def as_panel(request: HttpRequest, reference: str) -> HttpResponse:
    found = _case_for_reading(request, reference)
    if isinstance(found, HttpResponse):
        return found
    preview = presenters.panel_preview(request, found)
    record_view(request, found, "preview as the panel")
    return _page(request, found, preview, presenters.PANEL)
