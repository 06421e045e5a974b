"""The audit log viewer: an area administrator looks through the records of their own areas,
filters them and exports what the filters select as CSV (the export itself is recorded)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.core.paginator import Page, Paginator
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from casereview.accounts.access import staff_member_required
from casereview.audit import selectors
from casereview.audit.forms import FILTER_FIELDS, AuditFilterForm
from casereview.audit.log import record_export
from casereview.audit.models import AuditRecord, Kind
from casereview.cases.views.common import staff_navigation
from casereview.core.pagination import govuk_pagination

PER_PAGE = 50
# Spreadsheet programs run a cell starting with one of these as a formula: such cells get a
# leading apostrophe, so an address or a path typed by an attacker stays text.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CSV_HEADER = (
    "sequence",
    "at",
    "kind",
    "who",
    "user id",
    "api key id",
    "case reference",
    "object",
    "object id",
    "what",
    "path",
    "method",
    "client address",
    "user agent",
    "request id",
    "hash",
)


def _area_ids_or_refuse(request: HttpRequest) -> frozenset[int]:
    area_ids = selectors.viewer_area_ids(request.user)
    if not area_ids:
        raise PermissionDenied(_("Only area administrators can see the audit log."))
    return area_ids


def _form(request: HttpRequest) -> AuditFilterForm:
    submitted = any(name in request.GET for name in FILTER_FIELDS)
    form = AuditFilterForm(request.GET if submitted else None)
    if submitted:
        # Fields in error are shown with their message; the valid ones still filter.
        form.is_valid()
    return form


def _query(request: HttpRequest, **changes: Any) -> str:
    """This page's query string with ``changes`` (a value of None removes the parameter)."""
    params = {name: value for name, value in request.GET.items() if value}
    for name, value in changes.items():
        if value is None:
            params.pop(name, None)
        else:
            params[name] = str(value)
    return f"?{urlencode(params)}" if params else ""


def _pagination(request: HttpRequest, page: Page[AuditRecord]) -> dict[str, Any] | None:
    base = reverse("audit:log")
    return govuk_pagination(page, lambda number: base + _query(request, page=number))


def _render(request: HttpRequest, form: AuditFilterForm, *, status: int = 200) -> HttpResponse:
    records = selectors.records_for(request.user, form.filters())
    page = Paginator(records, PER_PAGE).get_page(request.GET.get("page"))
    return TemplateResponse(
        request,
        "audit/log.html",
        {
            "form": form,
            "page": page,
            "total": page.paginator.count,
            "kinds": dict(Kind.choices),
            "pagination": _pagination(request, page),
            "export_href": reverse("audit:export") + _query(request, page=None),
            "navigation": staff_navigation("audit:log"),
        },
        status=status,
    )


@staff_member_required
@require_GET
def audit_log(request: HttpRequest) -> HttpResponse:
    _area_ids_or_refuse(request)
    return _render(request, _form(request))


def _safe(cell: object) -> str:
    text = "" if cell is None else str(cell)
    return f"'{text}" if text.startswith(_FORMULA_STARTS) else text


def _rows(records: Iterable[AuditRecord]) -> Iterable[list[str]]:
    for record in records:
        yield [
            _safe(value)
            for value in (
                record.seq,
                timezone.localtime(record.at).isoformat(timespec="seconds"),
                record.kind,
                record.actor,
                record.user_id,
                record.api_key_id,
                record.case_reference,
                record.object_label,
                record.object_pk,
                record.what,
                record.path,
                record.method,
                record.client_address,
                record.user_agent,
                record.request_id,
                record.hash,
            )
        ]


@staff_member_required
@require_GET
def audit_export(request: HttpRequest) -> HttpResponse:
    """The records the filters select, as CSV. Refused filters show the viewer with their
    errors instead of a file of something else than was asked for."""
    area_ids = _area_ids_or_refuse(request)
    form = _form(request)
    if form.is_bound and not form.is_valid():
        return _render(request, form, status=400)
    records = selectors.records_for(request.user, form.filters())
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_HEADER)
    writer.writerows(_rows(records.iterator(chunk_size=2000)))
    record_export(request, area_ids, "audit log export")
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response["Content-Disposition"] = f'attachment; filename="audit-log-{stamp}.csv"'
    response["Cache-Control"] = "private, no-store"
    return response
