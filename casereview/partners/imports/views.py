"""The incident import pages of an area: the list of imports with the upload form, one import's
progress and outcome, the template to start from and the full report of rejected rows.

Area administrators upload; coordinators and read-only members see the imports. Other members
of the area get the 403 page; people with no part in the area get 404, as does an import of
another area, so that nothing about it is revealed.
"""

from __future__ import annotations

import csv
import io
from typing import Any
from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from casereview.accounts.access import staff_member_required
from casereview.areas.models import Area
from casereview.areas.selectors import agencies_acting_in
from casereview.cases.views.common import add_service_errors, signed_in_user, staff_navigation
from casereview.core.pagination import govuk_pagination
from casereview.partners.imports import selectors, services
from casereview.partners.imports.csv_format import template_csv
from casereview.partners.imports.forms import UploadForm
from casereview.partners.models import ImportStatus, IncidentImport
from casereview.partners.views import area_or_404

NAVIGATION = "partners:hub"
PER_PAGE = 25
# Rejected rows shown on the page; all of them are in the downloadable report.
PROBLEMS_SHOWN = 500
RUNNING = (ImportStatus.QUEUED, ImportStatus.CHECKING, ImportStatus.IMPORTING)


def _viewed_area(request: HttpRequest, slug: str) -> Area:
    area = area_or_404(request, slug)
    if not selectors.may_view(request.user, area):
        raise PermissionDenied(
            _("Only the area's coordinators and administrators see its imports.")
        )
    return area


def _import_or_404(request: HttpRequest, area: Area, import_id: int) -> IncidentImport:
    upload = selectors.import_of(request.user, area, import_id)
    if upload is None:
        raise Http404("No such import")
    return upload


def _imports_url(area: Area, page: int | None = None) -> str:
    url = reverse("partners:imports", kwargs={"slug": area.slug})
    return f"{url}?{urlencode({'page': page})}" if page else url


def _import_url(upload: IncidentImport) -> str:
    return reverse("partners:import", kwargs={"slug": upload.area.slug, "import_id": upload.pk})


def _pagination(area: Area, page: Any) -> dict[str, Any] | None:
    """govukPagination parameters, or None when every import fits on one page."""
    return govuk_pagination(page, lambda number: _imports_url(area, number))


def _list_page(request: HttpRequest, area: Area, form: UploadForm | None) -> TemplateResponse:
    page = Paginator(selectors.imports_of(request.user, area), PER_PAGE).get_page(
        request.GET.get("page")
    )
    return TemplateResponse(
        request,
        "partners/imports/list.html",
        {
            "area": area,
            "form": form,
            "page": page,
            "imports": [_summary(upload) for upload in page.object_list],
            "pagination": _pagination(area, page),
            "navigation": staff_navigation(current=NAVIGATION),
        },
    )


def _summary(upload: IncidentImport) -> dict[str, Any]:
    """What the list shows of one import."""
    return {
        "upload": upload,
        "href": _import_url(upload),
        "by": (upload.uploaded_by.get_full_name() or upload.uploaded_by.email)
        if upload.uploaded_by
        else "",
        "status_tag": _status_tag(upload),
        "counts": _counts_text(upload),
    }


def _status_tag(upload: IncidentImport) -> dict[str, str]:
    colour = {
        ImportStatus.QUEUED: "govuk-tag--grey",
        ImportStatus.CHECKING: "govuk-tag--blue",
        ImportStatus.IMPORTING: "govuk-tag--blue",
        ImportStatus.DONE: "govuk-tag--green",
        ImportStatus.REJECTED: "govuk-tag--red",
        ImportStatus.FAILED: "govuk-tag--red",
    }[ImportStatus(upload.status)]
    return {"text": upload.get_status_display(), "classes": colour}


def _counts_text(upload: IncidentImport) -> str:
    if upload.status == ImportStatus.DONE:
        return _("%(created)s new, %(updated)s changed, %(unchanged)s unchanged") % {
            "created": f"{upload.created:,}",
            "updated": f"{upload.updated:,}",
            "unchanged": f"{upload.unchanged:,}",
        }
    if upload.status == ImportStatus.REJECTED:
        rows = len({p.get("row") for p in upload.problems})
        return translation.ngettext(
            "%(count)s row has problems", "%(count)s rows have problems", rows
        ) % {"count": f"{rows:,}"}
    if upload.status in RUNNING and upload.total_rows:
        return _("%(done)s of %(total)s rows") % {
            "done": f"{upload.rows_done:,}",
            "total": f"{upload.total_rows:,}",
        }
    return ""


@staff_member_required
@require_http_methods(["GET", "POST"])
def imports(request: HttpRequest, slug: str) -> HttpResponse:
    area = _viewed_area(request, slug)
    can_upload = selectors.may_upload(request.user, area)
    if request.method == "POST" and not can_upload:
        raise PermissionDenied(_("Only the area's administrators upload incidents."))
    if not can_upload:
        return _list_page(request, area, None)
    agencies = agencies_acting_in(area)
    if request.method != "POST":
        return _list_page(request, area, UploadForm(agencies=agencies))
    form = UploadForm(request.POST, request.FILES, agencies=agencies)
    if form.is_valid():
        try:
            upload = services.upload_import(
                area,
                form.chosen_agency(),
                file_name=form.file_name(),
                content=form.content(),
                by=signed_in_user(request),
                language=translation.get_language() or "en",
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return HttpResponseRedirect(_import_url(upload))
    return _list_page(request, area, form)


@staff_member_required
@require_GET
def detail(request: HttpRequest, slug: str, import_id: int) -> HttpResponse:
    area = _viewed_area(request, slug)
    upload = _import_or_404(request, area, import_id)
    running = upload.status in RUNNING
    return TemplateResponse(
        request,
        "partners/imports/detail.html",
        {
            "area": area,
            "upload": upload,
            "summary": _summary(upload),
            "running": running,
            "progress": _progress(upload) if running else None,
            "problems": upload.problems[:PROBLEMS_SHOWN],
            "more_problems": max(0, len(upload.problems) - PROBLEMS_SHOWN),
            "rejected_rows": len({p.get("row") for p in upload.problems}),
            "imports_url": _imports_url(area),
            "problems_url": reverse(
                "partners:import-problems", kwargs={"slug": area.slug, "import_id": upload.pk}
            ),
            "navigation": staff_navigation(current=NAVIGATION),
        },
    )


def _progress(upload: IncidentImport) -> dict[str, Any]:
    """The progress bar of a running import: which stage, how far, and the same in words."""
    stage = {
        ImportStatus.QUEUED: _("Waiting to start"),
        ImportStatus.CHECKING: _("Checking the rows"),
        ImportStatus.IMPORTING: _("Importing the rows"),
    }[ImportStatus(upload.status)]
    total = upload.total_rows
    done = min(upload.rows_done, total)
    return {
        "stage": stage,
        "value": done,
        "max": max(total, 1),
        "known": bool(total),
        "text": _("%(done)s of %(total)s rows") % {"done": f"{done:,}", "total": f"{total:,}"},
    }


@staff_member_required
@require_GET
def template(request: HttpRequest, slug: str) -> HttpResponse:
    _viewed_area(request, slug)
    response = HttpResponse(template_csv(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="incidents-template.csv"'
    return response


@staff_member_required
@require_GET
def problems_csv(request: HttpRequest, slug: str, import_id: int) -> HttpResponse:
    """Every rejected row of an import, as a CSV file to work through beside the original."""
    area = _viewed_area(request, slug)
    upload = _import_or_404(request, area, import_id)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([_("Row"), _("Reference"), _("Column"), _("Problem")])
    for problem in upload.problems:
        writer.writerow(
            [
                problem.get("row"),
                problem.get("reference"),
                problem.get("field"),
                problem.get("message"),
            ]
        )
    response = HttpResponse(
        "\ufeff" + out.getvalue(), content_type="text/csv; charset=utf-8"
    )  # the mark lets Excel read the file as UTF-8
    response["Content-Disposition"] = f'attachment; filename="import-{upload.pk}-problems.csv"'
    return response
