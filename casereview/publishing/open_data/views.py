"""Public pages and open data of the published statistics: each area's releases, the national
page, their CSV and JSON, and the JSON Schemas.

Anyone may read these (no sign-in); only published releases are ever shown (the selectors read
nothing else). Unknown areas, periods and revisions are 404s. GET and HEAD only.
"""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from casereview.areas.models import Area
from casereview.areas.selectors import area_by_slug
from casereview.publishing.models import Release
from casereview.publishing.open_data import csv_files, selectors
from casereview.publishing.open_data.charts import statutory_chart, trend_chart
from casereview.publishing.open_data.presenters import (
    PublishedRelease,
    counts_of,
    counts_table,
    definitions_list,
)
from casereview.publishing.open_data.schemas import load_schema, schema_path
from casereview.publishing.periods import Period, PeriodKind

JSON_OPTIONS = {"ensure_ascii": False, "indent": 2}


def _area_or_404(slug: str) -> Area:
    area = area_by_slug(slug)
    if area is None:
        raise Http404("No such area")
    return area


def _period_or_404(slug: str) -> Period:
    period = Period.from_slug(slug)
    if period is None:
        raise Http404("No such period")
    return period


def _revision_asked(request: HttpRequest) -> int | None:
    """``?revision=N``: None when not asked; 404 for anything but a whole number from 1."""
    raw = request.GET.get("revision")
    if raw is None:
        return None
    if not raw.isdecimal() or not raw.isascii() or int(raw) < 1 or len(raw) > 6:
        raise Http404("No such revision")
    return int(raw)


def _release_or_404(request: HttpRequest, slug: str, period_slug: str) -> Release:
    area = _area_or_404(slug)
    release = selectors.published_release(
        area, _period_or_404(period_slug), _revision_asked(request)
    )
    if release is None:
        raise Http404("Nothing published for this period")
    return release


def _open_data_headers(response: HttpResponse, filename: str | None = None) -> HttpResponse:
    # Open data: any web page may fetch it (it is public and carries no cookies' worth).
    response["Access-Control-Allow-Origin"] = "*"
    if filename:
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _release_links(release: Release, *, explicit_revision: bool) -> dict[str, str]:
    kwargs = {"slug": release.area.slug, "period": release.period_slug}
    query = f"?revision={release.revision}" if explicit_revision else ""
    return {
        "page": reverse("publishing:area-release", kwargs=kwargs),
        "csv": reverse("publishing:area-release-csv", kwargs=kwargs) + query,
        "json": reverse("publishing:area-release-json", kwargs=kwargs) + query,
        "schema": reverse("publishing:schema", kwargs={"name": "release-v1"}),
    }


@require_safe
def area_statistics(request: HttpRequest, slug: str) -> HttpResponse:
    area = _area_or_404(slug)
    releases = selectors.area_releases(area)
    latest = PublishedRelease(releases[0].document) if releases else None
    years = [
        PublishedRelease(r.document)
        for r in reversed(releases)
        if r.period_kind == PeriodKind.FINANCIAL_YEAR.value
    ]
    context: dict[str, Any] = {
        "area": area,
        "council_name": area.official_name,
        "releases": [
            {
                "release": PublishedRelease(r.document),
                "links": _release_links(r, explicit_revision=False),
            }
            for r in releases
        ],
        "latest": latest,
        "latest_links": _release_links(releases[0], explicit_revision=False) if releases else None,
        "latest_chart": (
            statutory_chart("latest-chart", latest.document["statutory"], latest.period.label())
            if latest
            else None
        ),
        "trend_chart": (
            trend_chart("trend-chart", [(y.period, y.document["statutory"]) for y in years])
            if len(years) > 1
            else None
        ),
    }
    return TemplateResponse(request, "publishing/open_data/area_statistics.html", context)


@require_safe
def area_release(request: HttpRequest, slug: str, period: str) -> HttpResponse:
    release = _release_or_404(request, slug, period)
    shown = PublishedRelease(release.document)
    revisions = selectors.release_revisions(release.area, shown.period)
    latest_revision = revisions[-1].revision
    context = {
        "area": release.area,
        "council_name": release.area.official_name,
        "release": shown,
        "chart": statutory_chart(
            "release-chart", shown.document["statutory"], shown.period.label()
        ),
        "revisions": [PublishedRelease(r.document) for r in revisions],
        "is_latest": release.revision == latest_revision,
        "links": _release_links(release, explicit_revision=release.revision != latest_revision),
    }
    return TemplateResponse(request, "publishing/open_data/area_release.html", context)


@require_safe
def area_release_csv(request: HttpRequest, slug: str, period: str) -> HttpResponse:
    release = _release_or_404(request, slug, period)
    text = csv_files.to_csv(csv_files.RELEASE_COLUMNS, csv_files.release_rows(release.document))
    filename = f"{release.area.slug}-{release.period_slug}-revision-{release.revision}.csv"
    return _open_data_headers(HttpResponse(text, content_type="text/csv; charset=utf-8"), filename)


@require_safe
def area_release_json(request: HttpRequest, slug: str, period: str) -> HttpResponse:
    release = _release_or_404(request, slug, period)
    return _open_data_headers(JsonResponse(release.document, json_dumps_params=JSON_OPTIONS))


def _national_context(
    period: Period, periods: list[Period], document: dict[str, Any]
) -> dict[str, Any]:
    kwargs = {"period": period.slug}
    return {
        "period": period,
        "document": document,
        "counts": counts_of(document["statutory"]),
        "national_definitions": definitions_list(counts_of(document["statutory"])),
        "national_counts_table": counts_table(
            counts_of(document["statutory"]),
            _("Statutory figures for England and Wales: %(period)s") % {"period": period.label()},
        ),
        "areas": [
            {
                "entry": entry,
                "counts": counts_of(entry["statutory"]),
                "href": reverse(
                    "publishing:area-release", kwargs={"slug": entry["slug"], "period": period.slug}
                ),
            }
            for entry in document["areas"]
        ],
        "chart": statutory_chart("national-chart", document["statutory"], period.label()),
        "other_periods": [
            {
                "label": p.label(),
                "href": reverse("publishing:national-period", kwargs={"period": p.slug}),
            }
            for p in periods
            if p != period
        ],
        "links": {
            "csv": reverse("publishing:national-period-csv", kwargs=kwargs),
            "json": reverse("publishing:national-period-json", kwargs=kwargs),
            "schema": reverse("publishing:schema", kwargs={"name": "national-v1"}),
        },
    }


@require_safe
def national(request: HttpRequest) -> HttpResponse:
    """The latest financial year any area has published, with links to the other years."""
    periods = selectors.national_periods()
    context: dict[str, Any] = {"period": None}
    if periods:
        document = selectors.national_document_for(periods[0])
        context = _national_context(periods[0], periods, document)
    return TemplateResponse(request, "publishing/open_data/national.html", context)


def _national_document_or_404(period_slug: str) -> dict[str, Any]:
    document = selectors.national_document_for(_period_or_404(period_slug))
    if not document["areas_published"]:
        raise Http404("No area has published this period")
    return document


@require_safe
def national_period(request: HttpRequest, period: str) -> HttpResponse:
    found = _period_or_404(period)
    document = _national_document_or_404(period)
    context = _national_context(found, selectors.national_periods(), document)
    return TemplateResponse(request, "publishing/open_data/national.html", context)


@require_safe
def national_period_csv(request: HttpRequest, period: str) -> HttpResponse:
    document = _national_document_or_404(period)
    text = csv_files.to_csv(csv_files.NATIONAL_COLUMNS, csv_files.national_rows(document))
    return _open_data_headers(
        HttpResponse(text, content_type="text/csv; charset=utf-8"),
        f"case-review-statistics-{document['period']['slug']}.csv",
    )


@require_safe
def national_period_json(request: HttpRequest, period: str) -> HttpResponse:
    return _open_data_headers(
        JsonResponse(_national_document_or_404(period), json_dumps_params=JSON_OPTIONS)
    )


@require_safe
def schema(request: HttpRequest, name: str) -> HttpResponse:
    if schema_path(name) is None:
        raise Http404("No such schema")
    return _open_data_headers(
        JsonResponse(
            load_schema(name),
            json_dumps_params=JSON_OPTIONS,
            content_type="application/schema+json",
        )
    )
