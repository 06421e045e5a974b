"""The staff figures page of an area (any period, for the area's own use) and its CSV."""

from __future__ import annotations

import csv
from urllib.parse import urlencode

from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from casereview.accounts.access import staff_member_required
from casereview.areas.models import Area
from casereview.publishing.figures import Figures
from casereview.publishing.periods import Period
from casereview.publishing.statistics import presenters
from casereview.publishing.statistics.forms import FIELDS, PeriodForm, initial_for, query_for
from casereview.publishing.statistics.selectors import area_figures
from casereview.publishing.views import area_or_404


def _address(name: str, area: Area, period: Period) -> str:
    return f"{reverse(name, kwargs={'slug': area.slug})}?{urlencode(query_for(period))}"


def _chosen(request: HttpRequest) -> tuple[PeriodForm, Period | None]:
    """The form and the period it names: the current financial year when nothing is asked,
    None when what was asked is not a period (the form then carries the errors)."""
    today = timezone.localdate()
    if not any(name in request.GET for name in FIELDS):
        period = Period.financial_year_of(today)
        return PeriodForm(initial=initial_for(period), today=today), period
    form = PeriodForm(request.GET, today=today)
    return form, (form.period() if form.is_valid() else None)


def _figures(request: HttpRequest, area: Area, period: Period) -> Figures:
    found = area_figures(request.user, area, period)
    if found is None:  # area_or_404 has checked already; never show figures without the role
        raise Http404("No such area")
    return found


@staff_member_required
@require_GET
def figures(request: HttpRequest, slug: str) -> HttpResponse:
    area = area_or_404(request, slug)
    form, period = _chosen(request)
    context: dict[str, object] = {"area": area, "form": form, "period": period}
    if period is not None:
        found = _figures(request, area, period)
        today = timezone.localdate()
        following = presenters.next_period(period)
        context.update(
            {
                "period_label": period.label(),
                "period_ended": period.has_ended(today),
                "statutory": presenters.statutory_rows(found),
                "breakdowns": presenters.breakdown_tables(found),
                "breakdown_definition": presenters.breakdown_definition(),
                "internal": presenters.internal_rows(found),
                "csv_href": _address("publishing:statistics-csv", area, period),
                "previous_href": _address(
                    "publishing:statistics", area, presenters.previous_period(period)
                ),
                "previous_label": presenters.previous_period(period).label(),
                "next_href": (
                    _address("publishing:statistics", area, following)
                    if following.start <= today
                    else None
                ),
                "next_label": following.label(),
            }
        )
    return TemplateResponse(request, "publishing/statistics/figures.html", context)


@staff_member_required
@require_GET
def figures_csv(request: HttpRequest, slug: str) -> HttpResponse:
    """Every figure of the period as CSV (key, label, value), for the area's own use. A query
    that names no period gets the figures page with its errors instead."""
    area = area_or_404(request, slug)
    _form, period = _chosen(request)
    if period is None:
        return figures(request, slug)
    found = _figures(request, area, period)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="{area.slug}-figures-{period.slug}.csv"'
    )
    writer = csv.writer(response)
    # Column names are fixed (not translated): spreadsheets and scripts read them.
    writer.writerow(["key", "label", "value"])
    writer.writerows(presenters.csv_rows(found))
    return response
