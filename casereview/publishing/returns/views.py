"""Staff pages of returns to the police and crime commissioner and the Home Office.

Coordinators and administrators make returns; administrators also keep the area's own layouts.
The area is looked up through ``publishing.views.area_or_404`` (404 for an area the person has
no part in); a read-only member of the area gets 403, as do coordinators on the layout editor.
A layout of another area is 404, and a shared layout cannot be edited or deleted (404 there).
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from casereview.accounts.access import staff_member_required
from casereview.accounts.scoping import scope
from casereview.areas.models import Area
from casereview.cases.views.common import add_service_errors, signed_in_user
from casereview.publishing.models import ReturnLayout
from casereview.publishing.periods import Period, PeriodKind
from casereview.publishing.releases.forms import (
    PeriodForm,
    last_ended_financial_year,
    period_initial,
)
from casereview.publishing.returns.forms import LayoutForm, layout_initial
from casereview.publishing.returns.layouts import FIGURES, columns_from, is_internal
from casereview.publishing.returns.selectors import layout_for, layouts_for, own_layout
from casereview.publishing.returns.services import (
    ReturnExport,
    ReturnRefused,
    delete_layout,
    make_return,
    return_csv,
    save_layout,
)
from casereview.publishing.selectors import ADMIN_ROLES, RETURN_ROLES
from casereview.publishing.views import area_or_404


def _area(request: HttpRequest, slug: str, roles: tuple[str, ...] = RETURN_ROLES) -> Area:
    area = area_or_404(request, slug)
    if not scope(request.user).has(roles, area.pk):
        raise PermissionDenied(_("You cannot prepare returns for %(area)s.") % {"area": area.name})
    return area


def _list_url(area: Area) -> str:
    return reverse("publishing:returns", kwargs={"slug": area.slug})


@staff_member_required
@require_GET
def returns(request: HttpRequest, slug: str) -> HttpResponse:
    area = _area(request, slug)
    layouts = [
        {
            "layout": layout,
            "columns": len(columns_from(layout.columns)),
            "internal": any(is_internal(c.figure) for c in columns_from(layout.columns)),
        }
        for layout in layouts_for(area)
    ]
    return TemplateResponse(
        request,
        "publishing/returns/list.html",
        {
            "area": area,
            "layouts": layouts,
            "is_admin": scope(request.user).has(ADMIN_ROLES, area.pk),
            "hub_url": reverse("publishing:hub"),
        },
    )


# --- Layouts (administrators) -----------------------------------------------------------------


def _layout_page(
    request: HttpRequest, area: Area, form: LayoutForm, layout: ReturnLayout | None
) -> TemplateResponse:
    return TemplateResponse(
        request,
        "publishing/returns/layout.html",
        {
            "area": area,
            "form": form,
            "layout": layout,
            "figures": [{"key": key, "label": str(label)} for key, label in FIGURES.items()],
            "list_url": _list_url(area),
        },
    )


def _save(request: HttpRequest, area: Area, layout: ReturnLayout | None) -> HttpResponse:
    form = LayoutForm(
        request.POST if request.method == "POST" else None,
        initial=layout_initial(layout) if layout else None,
    )
    if request.method == "POST" and form.is_valid():
        try:
            saved = save_layout(
                area,
                by=signed_in_user(request),
                layout=layout,
                name=form.cleaned_data["name"],
                recipient=form.cleaned_data["recipient"],
                period_kind=form.cleaned_data["period_kind"],
                columns=form.cleaned_data["columns"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The layout %(name)s is saved.") % {"name": saved.name})
            return HttpResponseRedirect(_list_url(area))
    return _layout_page(request, area, form, layout)


@staff_member_required
@require_http_methods(["GET", "POST"])
def layout_new(request: HttpRequest, slug: str) -> HttpResponse:
    return _save(request, _area(request, slug, ADMIN_ROLES), None)


def _own_layout_or_404(area: Area, pk: int) -> ReturnLayout:
    layout = own_layout(area, pk)
    if layout is None:
        raise Http404("No such layout of the area")
    return layout


@staff_member_required
@require_http_methods(["GET", "POST"])
def layout_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    area = _area(request, slug, ADMIN_ROLES)
    return _save(request, area, _own_layout_or_404(area, pk))


@staff_member_required
@require_http_methods(["GET", "POST"])
def layout_delete(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    area = _area(request, slug, ADMIN_ROLES)
    layout = _own_layout_or_404(area, pk)
    if request.method == "POST":
        delete_layout(layout, by=signed_in_user(request))
        messages.success(request, _("The layout %(name)s is deleted.") % {"name": layout.name})
        return HttpResponseRedirect(_list_url(area))
    return TemplateResponse(
        request,
        "publishing/returns/delete.html",
        {"area": area, "layout": layout, "list_url": _list_url(area)},
    )


# --- Making a return --------------------------------------------------------------------------


def _layout_or_404(area: Area, pk: int) -> ReturnLayout:
    layout = layout_for(area, pk)
    if layout is None:
        raise Http404("No such layout")
    return layout


def _default_period(layout: ReturnLayout) -> Period:
    """The last period of the layout's kind that has ended."""
    today = timezone.localdate()
    if layout.period_kind == PeriodKind.QUARTER:
        year = Period.financial_year_of(today).year
        quarters = [Period.quarter_of(y, q) for y in (year - 1, year) for q in (1, 2, 3, 4)]
        return [q for q in quarters if q.has_ended(today)][-1]
    if layout.period_kind == PeriodKind.CALENDAR_YEAR:
        return Period.calendar_year(today.year - 1)
    return last_ended_financial_year(today)


def _export(
    request: HttpRequest, area: Area, layout: ReturnLayout
) -> tuple[PeriodForm, ReturnExport | None]:
    """The period form from the query string and, when it names a period, the return."""
    kinds = [layout.period_kind]
    if "year" not in request.GET:
        return PeriodForm(initial=period_initial(_default_period(layout)), kinds=kinds), None
    form = PeriodForm(request.GET, kinds=kinds)
    if not form.is_valid():
        return form, None
    try:
        return form, make_return(area, layout, form.period())
    except ReturnRefused as refusal:
        form.add_error("year", str(refusal))
        return form, None


@staff_member_required
@require_GET
def make(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    area = _area(request, slug)
    layout = _layout_or_404(area, pk)
    form, export = _export(request, area, layout)
    context: dict[str, Any] = {
        "area": area,
        "layout": layout,
        "form": form,
        "export": export,
        "list_url": _list_url(area),
        "page_url": reverse("publishing:return", kwargs={"slug": area.slug, "pk": layout.pk}),
    }
    if export is not None:
        context["csv_url"] = (
            reverse("publishing:return-csv", kwargs={"slug": area.slug, "pk": layout.pk})
            + "?"
            + request.GET.urlencode()
        )
        context["rows"] = [
            {"key": {"text": heading}, "value": {"text": value or _("(blank)")}}
            for heading, value in zip(export.headings, export.values, strict=True)
        ]
    return TemplateResponse(request, "publishing/returns/return.html", context)


@staff_member_required
@require_GET
def download_csv(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    area = _area(request, slug)
    layout = _layout_or_404(area, pk)
    _form, export = _export(request, area, layout)
    if export is None:
        # Bad or missing period: the return's page shows what is wrong with it.
        page = reverse("publishing:return", kwargs={"slug": area.slug, "pk": layout.pk})
        query = request.GET.urlencode()
        return HttpResponseRedirect(f"{page}?{query}" if query else page)
    response = HttpResponse(return_csv(export), content_type="text/csv; charset=utf-8")
    disposition = content_disposition_header(as_attachment=True, filename=export.filename)
    if disposition:
        response["Content-Disposition"] = disposition
    return response
