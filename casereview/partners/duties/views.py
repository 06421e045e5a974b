"""Staff pages of the proactive duties of an area (under /staff/partners/areas/<slug>/duties/):

- the second-report prompts: victims to tell about the Case Review, a prompt's details with its
  ready letter (PDF and Word, English and Welsh), and the form recording it was explained;
- the repeat-victim check: people whose incidents meet the threshold with no open application,
  each with "Open a case".

Coordinators and area administrators act; read-only members see the pages without the forms;
anyone else gets 404 (never 403), so the pages reveal nothing about another area. Every page
shows victims' data, so every request is recorded in the access log (``record_area_view``).
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from casereview.accounts.access import staff_member_required
from casereview.areas.models import Area
from casereview.audit.log import record_area_view
from casereview.cases.selectors import AREA_CASE_ROLES
from casereview.cases.views.common import (
    add_service_errors,
    case_url,
    posted_data,
    signed_in_user,
    staff_navigation,
)
from casereview.partners.duties import letter as letters
from casereview.partners.duties import selectors
from casereview.partners.duties.forms import ExplainedForm, OpenCaseForm
from casereview.partners.duties.repeat_victims import repeat_victims as find_repeat_victims
from casereview.partners.duties.repeat_victims import rule_for
from casereview.partners.duties.selectors import PromptRow
from casereview.partners.duties.services import open_partner_case, prompt_record_explained
from casereview.partners.views import area_or_404


def _area_or_404(request: HttpRequest, slug: str) -> Area:
    return area_or_404(request, slug, AREA_CASE_ROLES)


def _prompt_or_404(request: HttpRequest, area: Area, prompt_id: int) -> PromptRow:
    row = selectors.prompt_for(request.user, area, prompt_id, today=timezone.localdate())
    if row is None:
        raise Http404("No such prompt")
    return row


def _context(request: HttpRequest, area: Area, **extra: Any) -> dict[str, Any]:
    return {
        "area": area,
        "can_act": selectors.can_act(request.user, area),
        "navigation": staff_navigation(),
        **extra,
    }


@staff_member_required
@require_safe
def second_reports(request: HttpRequest, slug: str) -> HttpResponse:
    area = _area_or_404(request, slug)
    record_area_view(request, area, "second-report prompts")
    waiting, settled = selectors.prompts_for(request.user, area, today=timezone.localdate())
    return TemplateResponse(
        request,
        "partners/duties/second_reports.html",
        _context(request, area, waiting=waiting, settled=settled),
    )


@staff_member_required
@require_http_methods(["GET", "POST"])
def second_report(request: HttpRequest, slug: str, prompt_id: int) -> HttpResponse:
    area = _area_or_404(request, slug)
    row = _prompt_or_404(request, area, prompt_id)
    record_area_view(request, area, f"second-report prompt {row.prompt.pk}")
    acting = selectors.can_act(request.user, area)
    if request.method == "POST" and not acting:
        raise PermissionDenied(_("You can see this page but not act on it."))
    form = ExplainedForm(posted_data(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            prompt_record_explained(
                row.prompt,
                by=signed_in_user(request),
                on=data["on"],
                how=data["how"],
                note=data["note"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Recorded: the ASB Case Review was explained to %(name)s.")
                % {"name": row.victim_name},
            )
            return HttpResponseRedirect(
                reverse("partners:second-reports", kwargs={"slug": area.slug})
            )
    letter_links = [
        {
            "href": reverse(
                "partners:second-report-letter",
                kwargs={"slug": area.slug, "prompt_id": row.prompt.pk, "fmt": fmt, "lang": lang},
            ),
            "fmt": fmt,
            "lang": lang,
        }
        for lang in letters.LANGUAGES
        for fmt in letters.CONTENT_TYPES
    ]
    return TemplateResponse(
        request,
        "partners/duties/second_report.html",
        _context(request, area, row=row, form=form, letter_links=letter_links),
    )


@staff_member_required
@require_safe
def second_report_letter(
    request: HttpRequest, slug: str, prompt_id: int, fmt: str, lang: str
) -> HttpResponse:
    area = _area_or_404(request, slug)
    row = _prompt_or_404(request, area, prompt_id)
    if fmt not in letters.CONTENT_TYPES or lang not in letters.LANGUAGES:
        raise Http404("No such letter format")
    record_area_view(
        request, area, f"second-report letter {row.prompt.pk} ({fmt}, {lang})", kind="download"
    )
    response = HttpResponse(
        letters.letter_file(row.prompt, fmt, lang), content_type=letters.CONTENT_TYPES[fmt]
    )
    name = letters.file_name(row.prompt, fmt, lang)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "private, no-store"
    return response


@staff_member_required
@require_http_methods(["GET", "POST"])
def repeat_victims(request: HttpRequest, slug: str) -> HttpResponse:
    area = _area_or_404(request, slug)
    record_area_view(request, area, "repeat-victim check", kind="search")
    acting = selectors.can_act(request.user, area)
    if request.method == "POST" and not acting:
        raise PermissionDenied(_("You can see this page but not act on it."))
    today = timezone.localdate()
    form = OpenCaseForm(posted_data(request))
    chosen: int | None = None
    if request.method == "POST" and form.is_valid():
        chosen = form.cleaned_data["person"]
        try:
            case = open_partner_case(area, chosen, by=signed_in_user(request))
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Case %(reference)s is opened for %(name)s.")
                % {"reference": case.reference, "name": case.victim_name},
            )
            return HttpResponseRedirect(case_url(case))
    rows = find_repeat_victims(area, on=today)
    return TemplateResponse(
        request,
        "partners/duties/repeat_victims.html",
        _context(
            request,
            area,
            rows=rows,
            rule=rule_for(area, on=today),
            form=form,
            chosen=chosen,
        ),
    )
