"""The staff pages of an area's procedure: the current policy with its check against the law,
the policy editor, every version, and the records of consultation and effectiveness reviews.

Coordinators and read-only members see the pages; only area administrators change anything.
Members without that role get 403 on the editing pages; anyone with no part in the area gets 404,
so another area's records, and that the page exists for it, are not revealed.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect, QueryDict
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from casereview.accounts.access import staff_member_required
from casereview.accounts.scoping import scope
from casereview.areas.models import Area
from casereview.areas.selectors import agencies_acting_in
from casereview.cases.views.common import add_service_errors, posted_data, signed_in_user
from casereview.publishing.models import Consultation
from casereview.publishing.procedure import selectors, services
from casereview.publishing.procedure.findings import findings_in_words
from casereview.publishing.procedure.forms import (
    ConsultationForm,
    PolicyForm,
    ReviewForm,
    fingerprint,
    nation_for,
)
from casereview.publishing.procedure.presenters import (
    changes_between,
    settings_of,
    summary_rows,
)
from casereview.publishing.selectors import ADMIN_ROLES
from casereview.publishing.views import area_or_404
from casereview.rules.policy import STATUTORY_DEFAULTS

CHECK, SAVE = "check", "save"


def _administered_area(request: HttpRequest, slug: str) -> Area:
    """The area, for its administrators; 403 for others who may see its procedure pages."""
    area = area_or_404(request, slug)
    if not scope(request.user).has(ADMIN_ROLES, area.pk):
        raise PermissionDenied(_("Only the area's administrators change its procedure."))
    return area


def _overview_url(area: Area) -> str:
    return reverse("publishing:procedure", kwargs={"slug": area.slug})


@staff_member_required
@require_GET
def overview(request: HttpRequest, slug: str) -> HttpResponse:
    area = area_or_404(request, slug)
    versions = selectors.policy_versions(area)
    current = versions[0] if versions else None
    consultations = selectors.consultations_of(area)
    reviews = selectors.reviews_of(area)
    policy = current.policy if current else None
    return TemplateResponse(
        request,
        "publishing/procedure/overview.html",
        {
            "area": area,
            "is_admin": scope(request.user).has(ADMIN_ROLES, area.pk),
            "current": current,
            "settings": summary_rows(settings_of(policy)) if policy else [],
            "findings": findings_in_words(policy) if policy else [],
            "versions": versions,
            "consultations": consultations,
            "reviews": reviews,
            "gaps": selectors.gaps(
                current.record if current else None, consultations, reviews, timezone.localdate()
            ),
        },
    )


def _edit_page(
    request: HttpRequest,
    area: Area,
    form: PolicyForm,
    *,
    next_version: int,
    checked: dict[str, Any] | None = None,
) -> TemplateResponse:
    return TemplateResponse(
        request,
        "publishing/procedure/edit.html",
        {
            "area": area,
            "form": form,
            "next_version": next_version,
            "checked": checked,
            "overview_url": _overview_url(area),
        },
    )


@staff_member_required
@never_cache
@require_http_methods(["GET", "POST"])
def policy_edit(request: HttpRequest, slug: str) -> HttpResponse:
    """Change the policy: "Check the policy" shows the check and the differences for what was
    typed, then "Save as version N" saves it. Saving a policy with findings needs the
    confirmation box; what was checked is fingerprinted, so a policy changed after its check is
    checked again rather than saved unseen."""
    area = _administered_area(request, slug)
    versions = selectors.policy_versions(area)
    current = versions[0].policy if versions and versions[0].policy else None
    next_version = (versions[0].number if versions else 0) + 1
    nation = nation_for(area.nation, current)
    data = posted_data(request)
    if data is None:
        form = PolicyForm(
            initial=PolicyForm.initial_from(current or STATUTORY_DEFAULTS), nation=nation
        )
        return _edit_page(request, area, form, next_version=next_version)

    form = PolicyForm(data, nation=nation)
    if not form.is_valid() or form.policy is None:
        return _edit_page(request, area, form, next_version=next_version)
    policy = form.policy
    findings = findings_in_words(policy)
    checked = {
        "findings": findings,
        "changes": changes_between(current, policy),
        "changed_after_check": False,
    }
    shown_for = fingerprint(policy)
    action = CHECK if CHECK in data else SAVE
    if action == CHECK or form.cleaned_data["checked"] != shown_for:
        # Show the check for exactly this policy; the confirmation is for this check only.
        checked["changed_after_check"] = action == SAVE
        again: QueryDict = data.copy()
        again["checked"] = shown_for
        if action == SAVE:
            again.pop("confirm", None)
        form = PolicyForm(again, nation=nation, findings=len(findings))
        form.is_valid()
        return _edit_page(request, area, form, next_version=next_version, checked=checked)

    form.set_findings(len(findings))
    if findings and not form.cleaned_data["confirm"]:
        form.add_error(
            "confirm",
            _("Confirm that you understand this policy is stricter than the law, or change it"),
        )
        return _edit_page(request, area, form, next_version=next_version, checked=checked)
    try:
        saved = services.save_policy_version(
            area, policy, notes=form.cleaned_data["notes"], by=signed_in_user(request)
        )
    except ValidationError as error:
        add_service_errors(form, error)
        return _edit_page(request, area, form, next_version=next_version, checked=checked)
    messages.success(
        request,
        _("Version %(version)s of the policy is saved. It is in force from today.")
        % {"version": saved.version},
    )
    return HttpResponseRedirect(_overview_url(area))


@staff_member_required
@require_GET
def policy_version(request: HttpRequest, slug: str, version: int) -> HttpResponse:
    area = area_or_404(request, slug)
    found = selectors.policy_version(area, version)
    if found is None:
        raise Http404("No such version")
    return TemplateResponse(
        request,
        "publishing/procedure/version.html",
        {
            "area": area,
            "version": found,
            "settings": summary_rows(settings_of(found.policy)) if found.policy else [],
            "findings": findings_in_words(found.policy) if found.policy else [],
            "overview_url": _overview_url(area),
        },
    )


def _record_page(
    request: HttpRequest, area: Area, template: str, form: Any, **extra: Any
) -> TemplateResponse:
    return TemplateResponse(
        request,
        f"publishing/procedure/{template}",
        {"area": area, "form": form, "overview_url": _overview_url(area), **extra},
    )


@staff_member_required
@never_cache
@require_http_methods(["GET", "POST"])
def consultation_add(request: HttpRequest, slug: str) -> HttpResponse:
    return _consultation_page(request, _administered_area(request, slug), None)


@staff_member_required
@never_cache
@require_http_methods(["GET", "POST"])
def consultation_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    area = _administered_area(request, slug)
    consultation = selectors.consultation_of(area, pk)
    if consultation is None:
        raise Http404("No such consultation")
    return _consultation_page(request, area, consultation)


def _consultation_page(
    request: HttpRequest, area: Area, consultation: Consultation | None
) -> HttpResponse:
    """Record a new consultation (``consultation`` None) or change a recorded one."""
    versions = selectors.policy_records(area)
    initial: dict[str, object]
    if consultation is None:
        initial = {"policy": str(versions[0].version)} if versions else {}
    else:
        initial = {
            "consultee_kind": consultation.consultee_kind,
            "agency": str(consultation.agency_id or ""),
            "consultee_name": "" if consultation.agency_id else consultation.consultee_name,
            "policy": str(consultation.policy.version) if consultation.policy else "",
            "consulted_on": consultation.consulted_on,
            "response_received_on": consultation.response_received_on,
            "response_summary": consultation.response_summary,
            "outcome": consultation.outcome,
        }
    form = ConsultationForm(
        posted_data(request),
        initial=initial,
        agencies=agencies_acting_in(area),
        versions=versions,
    )
    if form.is_bound and form.is_valid():
        try:
            if consultation is None:
                services.record_consultation(area, form.details(), by=signed_in_user(request))
                done = _("The consultation is recorded.")
            else:
                services.update_consultation(
                    consultation, form.details(), by=signed_in_user(request)
                )
                done = _("The consultation is updated.")
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, done)
            return HttpResponseRedirect(_overview_url(area) + "#consultations")
    return _record_page(request, area, "consultation.html", form, consultation=consultation)


@staff_member_required
@never_cache
@require_http_methods(["GET", "POST"])
def review_add(request: HttpRequest, slug: str) -> HttpResponse:
    area = _administered_area(request, slug)
    versions = selectors.policy_records(area)
    initial = {"policy": str(versions[0].version)} if versions else {}
    form = ReviewForm(posted_data(request), initial=initial, versions=versions)
    if form.is_bound and form.is_valid():
        try:
            services.record_review(
                area,
                reviewed_on=form.cleaned_data["reviewed_on"],
                reviewed_by=form.cleaned_data["reviewed_by"],
                findings=form.cleaned_data["findings"],
                changes=form.cleaned_data["changes"],
                policy=form.chosen("policy"),
                resulting_policy=form.chosen("resulting_policy"),
                next_review_due=form.cleaned_data["next_review_due"],
                by=signed_in_user(request),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The review of the procedure is recorded."))
            return HttpResponseRedirect(_overview_url(area) + "#reviews")
    return _record_page(request, area, "review.html", form)
