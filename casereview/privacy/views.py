"""The privacy pages (staff/privacy/), for area administrators only.

- overview: what retention will do next in the person's areas, recent anonymisations, erasure
  requests;
- people: find a person's records in the areas the person administers, then export them
  (JSON or PDF) or ask to erase them;
- erase: the assessment of each record against the erasure rule, then the erasure itself;
- erasure: one recorded erasure request and its outcome.

Staff who administer no area get 403; a record or request of an area the person does not
administer is 404, exactly like one that does not exist. Searches and exports are recorded in
the audit log, one record per area searched or exported from (never the search terms).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from casereview.accounts.access import staff_member_required
from casereview.accounts.scoping import scope
from casereview.audit.log import record_area_view
from casereview.cases.views.common import signed_in_user
from casereview.privacy import selectors, services, subject_access
from casereview.privacy.forms import PDF, ErasureForm, PersonSearchForm, RecordsForm
from casereview.privacy.selectors import Match, UnknownRecord

# How far ahead the overview looks for cases whose retention period is ending.
LOOK_AHEAD_DAYS = 90
_SEARCH_FIELDS = ("name", "email", "phone", "postcode")


def _admin_area_ids(request: HttpRequest) -> list[int]:
    ids = selectors.administered_area_ids(scope(request.user))
    if not ids:
        raise PermissionDenied(_("Only area administrators use the privacy pages."))
    return ids


def _resolve(request: HttpRequest, area_ids: list[int]) -> list[Match]:
    try:
        return selectors.resolve(request.POST.getlist("records"), area_ids)
    except UnknownRecord as error:
        raise Http404("No such record") from error


def _search_query(data: Mapping[str, Any]) -> dict[str, str]:
    return {name: data.get(name, "") for name in _SEARCH_FIELDS}


@staff_member_required
@require_GET
def overview(request: HttpRequest) -> HttpResponse:
    area_ids = _admin_area_ids(request)
    today = timezone.localdate()
    plan = selectors.retention_plan(today, area_ids=area_ids, within_days=LOOK_AHEAD_DAYS)
    return TemplateResponse(
        request,
        "privacy/overview.html",
        {
            "areas": [
                (area, selectors.retention_of(area.pk))
                for area in selectors.administered_areas(scope(request.user))
            ],
            "due_now": [item for item in plan if item.due_on <= today],
            "due_soon": [item for item in plan if item.due_on > today],
            "look_ahead_days": LOOK_AHEAD_DAYS,
            "drafts": len(selectors.stale_drafts(today, area_ids)),
            "anonymisations": selectors.recent_anonymisations(area_ids),
            "erasures": selectors.erasure_requests(area_ids),
            "erasure_rule": services.ERASURE_RULE,
        },
    )


def _people_page(
    request: HttpRequest,
    area_ids: list[int],
    search: PersonSearchForm,
    records: RecordsForm | None = None,
) -> TemplateResponse:
    matches: list[Match] = []
    searched = search.is_bound and search.is_valid()
    if searched:
        matches = selectors.find_person(search.person(), area_ids)
        for area in selectors.administered_areas(scope(request.user)):
            record_area_view(request, area, "privacy: subject access search")
    return TemplateResponse(
        request,
        "privacy/people.html",
        {
            "search": search,
            "searched": searched,
            "matches": matches,
            "form": records or search,
            "records_error": records.errors.get("records") if records is not None else None,
            "query": _search_query(search.data) if search.is_bound else {},
        },
    )


@staff_member_required
@never_cache
@require_GET
def people(request: HttpRequest) -> HttpResponse:
    area_ids = _admin_area_ids(request)
    bound = any(name in request.GET for name in _SEARCH_FIELDS)
    search = PersonSearchForm(request.GET if bound else None)
    return _people_page(request, area_ids, search)


@staff_member_required
@never_cache
@require_POST
def export(request: HttpRequest) -> HttpResponse:
    """The picked records as one JSON or PDF document, recorded in the audit log."""
    area_ids = _admin_area_ids(request)
    matches = _resolve(request, area_ids)
    form = RecordsForm(request.POST, matches=matches)
    if not form.is_valid():
        search = PersonSearchForm(_search_query(request.POST))
        return _people_page(request, area_ids, search, form)
    document = subject_access.document_for(matches)
    for area in {match.area.pk: match.area for match in matches}.values():
        tokens = ", ".join(match.token for match in matches if match.area.pk == area.pk)
        record_area_view(request, area, f"privacy: subject access export of {tokens}")
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    if form.cleaned_data.get("format") == PDF:
        response = HttpResponse(subject_access.as_pdf(document), content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="subject-access-{stamp}.pdf"'
    else:
        response = HttpResponse(
            subject_access.as_json(document), content_type="application/json; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="subject-access-{stamp}.json"'
    return response


@staff_member_required
@never_cache
@require_http_methods(["POST"])
def erase(request: HttpRequest) -> HttpResponse:
    """First the assessment of each picked record (what will be erased, what must be kept and
    why); with the confirmation ticked, the erasure, recorded as an ``ErasureRequest``."""
    area_ids = _admin_area_ids(request)
    matches = _resolve(request, area_ids)
    records = RecordsForm(request.POST, matches=matches)
    if not records.is_valid():
        search = PersonSearchForm(_search_query(request.POST))
        return _people_page(request, area_ids, search, records)
    confirming = "erase" in request.POST
    form = ErasureForm(request.POST if confirming else None)
    if confirming and form.is_valid():
        done = services.erase(
            matches, by=signed_in_user(request), received_how=form.cleaned_data["received_how"]
        )
        return HttpResponseRedirect(reverse("privacy:erasure", kwargs={"pk": done.pk}))
    return TemplateResponse(
        request,
        "privacy/erase.html",
        {
            "form": form,
            "assessments": services.assess_erasure(matches),
            "erasure_rule": services.ERASURE_RULE,
            "query": _search_query(request.POST),
        },
    )


@staff_member_required
@require_GET
def erasure(request: HttpRequest, pk: int) -> HttpResponse:
    area_ids = _admin_area_ids(request)
    found = selectors.erasure_request(pk, area_ids)
    if found is None:
        raise Http404("No such erasure request")
    return TemplateResponse(
        request,
        "privacy/erasure.html",
        {"erasure": found, "erasure_rule": services.ERASURE_RULE},
    )
