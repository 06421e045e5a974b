"""Pages of the PLEDGE self-assessment.

Staff pages answer, in this order: 404 for an area the person has no viewing role in (it is not
revealed); 403 for someone who may look but not answer (coordinators and read-only members may
look; area administrators answer); otherwise the page. The public report of an area's latest
completed assessment leaves out the names of staff.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from casereview.accounts.access import staff_member_required
from casereview.accounts.models import User
from casereview.accounts.scoping import scope
from casereview.areas.models import Area
from casereview.areas.selectors import area_by_slug
from casereview.pledge import checklist, selectors, services
from casereview.pledge.evidence import EvidenceStatus
from casereview.pledge.forms import AnswerForm
from casereview.pledge.models import Assessment
from casereview.pledge.report import (
    automatic_evidence,
    build_report,
    pdf_filename,
    report_pdf,
)
from casereview.publishing.selectors import ADMIN_ROLES
from casereview.publishing.views import area_or_404

# How many completed assessments the assessment page lists.
HISTORY = 10


def _user(request: HttpRequest) -> User | None:
    return request.user if isinstance(request.user, User) else None


def _may_answer(request: HttpRequest, area: Area) -> bool:
    return scope(request.user).has(ADMIN_ROLES, area.pk)


def _admin_area(request: HttpRequest, slug: str) -> Area:
    area = area_or_404(request, slug)
    if not _may_answer(request, area):
        raise PermissionDenied(_("Only the area's administrators answer the self-assessment."))
    return area


def _assessment_url(area: Area) -> str:
    return reverse("pledge:assessment", kwargs={"slug": area.slug})


def _item_url(area: Area, code: str) -> str:
    return reverse("pledge:item", kwargs={"slug": area.slug, "code": code})


def _assessment_page(
    request: HttpRequest, area: Area, *, missing: list[str] | None = None
) -> TemplateResponse:
    current = selectors.in_progress(area)
    return TemplateResponse(
        request,
        "pledge/assessment.html",
        {
            "area": area,
            "report": build_report(current) if current else None,
            "history": selectors.completed(area, limit=HISTORY),
            "may_answer": _may_answer(request, area),
            "missing": [
                {"text": str(checklist.BY_CODE[code].question), "href": _item_url(area, code)}
                for code in missing or []
            ],
            "has_errors": bool(missing),
        },
    )


@staff_member_required
@require_GET
def assessment(request: HttpRequest, slug: str) -> HttpResponse:
    return _assessment_page(request, area_or_404(request, slug))


@staff_member_required
@require_POST
def start(request: HttpRequest, slug: str) -> HttpResponse:
    area = _admin_area(request, slug)
    services.start_assessment(area, by=_user(request))
    return HttpResponseRedirect(_item_url(area, checklist.ITEMS[0].code))


@staff_member_required
@require_http_methods(["GET", "POST"])
def item(request: HttpRequest, slug: str, code: str) -> HttpResponse:
    area = area_or_404(request, slug)
    entry = checklist.item(code)
    if entry is None:
        raise Http404("No such item")
    may_answer = _may_answer(request, area)
    if request.method == "POST" and not may_answer:
        raise PermissionDenied(_("Only the area's administrators answer the self-assessment."))
    current = selectors.in_progress(area)
    if current is None:
        messages.info(request, _("Start a self-assessment to answer its items."))
        return HttpResponseRedirect(_assessment_url(area))
    automatic = automatic_evidence(current, entry, timezone.localdate())
    saved = selectors.answers_of(current).get(code)
    initial = {"answer": saved.answer, "evidence": saved.evidence} if saved else {}
    if saved is None and automatic is not None and automatic.status != EvidenceStatus.UNKNOWN:
        # Unanswered: suggest the answer the service's own figures give.
        initial = {"answer": str(automatic.status)}
    form = AnswerForm(
        request.POST if request.method == "POST" else None, item=entry, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.record_answer(
                current,
                code,
                answer=form.cleaned_data["answer"],
                evidence=form.cleaned_data["evidence"],
                by=_user(request),
            )
        except services.AssessmentClosed:
            messages.info(request, _("This self-assessment is already completed."))
            return HttpResponseRedirect(_assessment_url(area))
        following = checklist.next_item(code)
        messages.success(request, _("Your answer is saved."))
        if following is None:
            return HttpResponseRedirect(_assessment_url(area))
        return HttpResponseRedirect(_item_url(area, following.code))
    commitment = next(c for c in checklist.COMMITMENTS if c.number == entry.commitment)
    position = [e.code for e in checklist.ITEMS].index(code) + 1
    return TemplateResponse(
        request,
        "pledge/item.html",
        {
            "area": area,
            "item": entry,
            "commitment": commitment,
            "position": position,
            "count": len(checklist.ITEMS),
            "automatic": automatic,
            "prefilled": saved is None and "answer" in initial,
            "form": form,
            "may_answer": may_answer,
            "saved": saved,
            "back_url": _assessment_url(area),
        },
    )


@staff_member_required
@require_POST
def complete(request: HttpRequest, slug: str) -> HttpResponse:
    area = _admin_area(request, slug)
    current = selectors.in_progress(area)
    if current is None:
        messages.info(request, _("There is no self-assessment in progress to complete."))
        return HttpResponseRedirect(_assessment_url(area))
    try:
        done = services.complete_assessment(current, by=_user(request))
    except services.Unanswered as refused:
        return _assessment_page(request, area, missing=refused.codes)
    except services.AssessmentClosed:
        return HttpResponseRedirect(_assessment_url(area))
    messages.success(request, _("The self-assessment is completed."))
    return HttpResponseRedirect(reverse("pledge:report", kwargs={"slug": area.slug, "pk": done.pk}))


def _completed_or_404(area: Area, pk: int) -> Assessment:
    found = selectors.completed_assessment(area, pk)
    if found is None:
        raise Http404("No such self-assessment")
    return found


@staff_member_required
@require_GET
def report(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    area = area_or_404(request, slug)
    found = _completed_or_404(area, pk)
    return TemplateResponse(
        request,
        "pledge/report.html",
        {
            "area": area,
            "report": build_report(found),
            "pdf_url": reverse("pledge:report-pdf", kwargs={"slug": area.slug, "pk": pk}),
            "back_url": _assessment_url(area),
        },
    )


def _pdf_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@staff_member_required
@require_GET
def report_pdf_view(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    area = area_or_404(request, slug)
    found = build_report(_completed_or_404(area, pk))
    page = request.build_absolute_uri(
        reverse("pledge:report", kwargs={"slug": area.slug, "pk": pk})
    )
    return _pdf_response(report_pdf(found, public=False, page_url=page), pdf_filename(found))


def _public_assessment(slug: str) -> tuple[Area, Assessment]:
    area = area_by_slug(slug)
    if area is None:
        raise Http404("No such area")
    latest = selectors.latest_completed(area)
    if latest is None:
        raise Http404("No completed self-assessment")
    return area, latest


@require_http_methods(["GET", "HEAD"])
def public_report(request: HttpRequest, slug: str) -> HttpResponse:
    area, latest = _public_assessment(slug)
    return TemplateResponse(
        request,
        "pledge/public_report.html",
        {
            "area": area,
            "council_name": area.official_name,
            "report": build_report(latest),
            "area_url": reverse("areas:area", kwargs={"slug": area.slug}),
            "pdf_url": reverse("pledge:public-report-pdf", kwargs={"slug": area.slug}),
        },
    )


@require_http_methods(["GET", "HEAD"])
def public_report_pdf(request: HttpRequest, slug: str) -> HttpResponse:
    _area, latest = _public_assessment(slug)
    found = build_report(latest)
    page = request.build_absolute_uri(reverse("pledge:public-report", kwargs={"slug": slug}))
    return _pdf_response(report_pdf(found, public=True, page_url=page), pdf_filename(found))
