"""The coordinator's dashboard: the cases a person may see, most urgent first, with filters
and search in one GET form that works without JavaScript (``casereview.cases.dashboard``)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from casereview.accounts.access import staff_member_required
from casereview.accounts.models import User
from casereview.accounts.scoping import scope
from casereview.audit.log import record_search
from casereview.cases.dashboard import (
    AREA_ALL,
    DUE_ANY,
    DUE_OVERDUE,
    DUE_THIS_WEEK,
    DUE_TODAY,
    SHOW_ALL,
    SHOW_MINE,
    SPOC_ANYONE,
    STATUS_OPEN,
    DashboardFilterForm,
    Filters,
    build_dashboard,
    filters_from,
    visible_areas,
)
from casereview.cases.selectors import CASE_WORKER_ROLES
from casereview.cases.views.common import staff_navigation
from casereview.core.pagination import govuk_pagination

# The parameters the filter form reads; anything else in the query is ignored.
FILTER_FIELDS = ("show", "q", "due", "status", "area", "spoc")


def _link(filters: Filters, base: str = "", **changes: Any) -> str:
    """The dashboard with ``filters`` changed by ``changes``; ``base``: its address, when the
    caller has it already (a page makes several links)."""
    query = urlencode(filters.query(**changes))
    return (base or reverse("cases:dashboard")) + (f"?{query}" if query else "")


def _pagination(filters: Filters, page: Any, base: str = "") -> dict[str, Any] | None:
    return govuk_pagination(page, lambda number: _link(filters, base, page=number))


@staff_member_required
@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)  # staff_member_required lets only members through
    areas = visible_areas(user)
    submitted = any(name in request.GET for name in FILTER_FIELDS)
    form = DashboardFilterForm(request.GET if submitted else None, areas=areas)
    if submitted:
        # Fields in error are shown with their message; the valid ones still filter.
        form.is_valid()
    filters = filters_from(form, user)
    if not submitted:
        form = DashboardFilterForm(
            initial={
                "show": filters.show,
                "due": DUE_ANY,
                "status": STATUS_OPEN,
                "area": AREA_ALL,
                "spoc": SPOC_ANYONE,
            },
            areas=areas,
        )
    today = timezone.localdate()
    board = build_dashboard(user, filters, today, request.GET.get("page"))
    if filters.q:  # a search of people by name: recorded, without the words searched
        searched = [area for area in areas if filters.area_id in (None, area.pk)]
        record_search(request, searched, "case search by reference or name")
    can_record = bool(scope(user).area_ids(CASE_WORKER_ROLES))
    here = reverse("cases:dashboard")
    buckets = [
        (DUE_OVERDUE, board.counts[DUE_OVERDUE], "red"),
        (DUE_TODAY, board.counts[DUE_TODAY], "orange"),
        (DUE_THIS_WEEK, board.counts[DUE_THIS_WEEK], "orange"),
    ]
    return TemplateResponse(
        request,
        "cases/dashboard.html",
        {
            "form": form,
            "board": board,
            "filters": filters,
            "today": today,
            "buckets": [
                {
                    "due": due,
                    "count": count,
                    "colour": colour,
                    "href": _link(filters, here, due=due),
                }
                for due, count, colour in buckets
            ],
            "clear_due_href": _link(filters, here, due=""),
            "show_links": {
                SHOW_MINE: _link(filters, here, show=SHOW_MINE, page=""),
                SHOW_ALL: _link(filters, here, show=SHOW_ALL, page=""),
            },
            "pagination": _pagination(filters, board.page, here),
            "several_areas": len(areas) > 1,
            "filtered": bool(
                filters.due
                or filters.status != STATUS_OPEN
                or filters.area_id
                or filters.spoc_id
                or filters.unassigned
            ),
            "can_record": can_record,
            "navigation": staff_navigation("cases:dashboard"),
        },
    )
