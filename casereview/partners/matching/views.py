"""The matching pages of an area: proposed, confirmed and split matches of incidents and of
victims across agencies, and the page of one match where staff confirm or split it.

Every page answers 404 for an area the person has no area role in (never 403: the pages of
other areas reveal nothing), and records the read in the access log, since it shows victims'
data across agencies.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Page, Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from casereview.accounts.access import staff_member_required
from casereview.areas.models import Area
from casereview.audit.log import record_area_view
from casereview.cases.selectors import AREA_CASE_ROLES
from casereview.cases.views.common import posted_data, signed_in_user
from casereview.core.pagination import govuk_pagination
from casereview.partners.matching import presenters, selectors
from casereview.partners.matching.forms import (
    CONFIRM,
    STATUS_ALL,
    DecisionForm,
    StatusFilterForm,
)
from casereview.partners.matching.services import Link, confirm_link, split_link
from casereview.partners.models import LinkStatus, MatchKind
from casereview.partners.views import area_or_404

PER_PAGE = 25
# The two lists of the page, as named in its address (``?kind=victims``).
KINDS = {"incidents": MatchKind.INCIDENT, "victims": MatchKind.VICTIM}


def _area_or_404(request: HttpRequest, slug: str) -> Area:
    return area_or_404(request, slug, AREA_CASE_ROLES)


def _list_url(area: Area, **query: Any) -> str:
    base = reverse("partners:matches", kwargs={"slug": area.slug})
    kept = {name: value for name, value in query.items() if value not in ("", None)}
    return base + (f"?{urlencode(kept)}" if kept else "")


def _pagination(page: Page[Any], link: Any) -> dict[str, Any] | None:
    return govuk_pagination(page, link)


def _row(link: Link) -> dict[str, Any]:
    return {
        "link": link,
        "reasons": presenters.reason_texts(link.reasons),
        "status_tag": presenters.status_tag(link.status),
        "score": presenters.score_text(link.score),
    }


@staff_member_required
@require_GET
def matches(request: HttpRequest, slug: str) -> HttpResponse:
    area = _area_or_404(request, slug)
    kind_name = request.GET.get("kind", "incidents")
    if kind_name not in KINDS:
        kind_name = "incidents"
    kind = KINDS[kind_name]
    form = StatusFilterForm(request.GET if "status" in request.GET else None)
    status = form.chosen()
    if not form.is_bound:
        form = StatusFilterForm(initial={"status": status})
    wanted = None if status == STATUS_ALL else status
    links = (
        selectors.incident_links(request.user, area, wanted)
        if kind == MatchKind.INCIDENT
        else selectors.victim_links(request.user, area, wanted)
    )
    page = Paginator(links, PER_PAGE).get_page(request.GET.get("page"))
    record_area_view(
        request,
        area,
        f"cross-agency {'incident' if kind == MatchKind.INCIDENT else 'victim'} matches",
        kind="search",
    )
    counts = {
        name: selectors.status_counts(request.user, area, value)[LinkStatus.PROPOSED]
        for name, value in KINDS.items()
    }
    return TemplateResponse(
        request,
        "partners/matching/list.html",
        {
            "area": area,
            "kind": kind_name,
            "form": form,
            "status": status,
            "rows": [_row(link) for link in page.object_list],
            "total": page.paginator.count,
            "pagination": _pagination(
                page, lambda number: _list_url(area, kind=kind_name, status=status, page=number)
            ),
            "tabs": [
                {
                    "name": name,
                    "href": _list_url(area, kind=name, status=status),
                    "current": name == kind_name,
                    "waiting": counts[name],
                }
                for name in KINDS
            ],
            "can_decide": selectors.can_decide(request.user, area),
        },
    )


def _match_page(request: HttpRequest, slug: str, link_id: int, kind: str) -> HttpResponse:
    area = _area_or_404(request, slug)
    link: Link | None = (
        selectors.incident_link(request.user, area, link_id)
        if kind == MatchKind.INCIDENT
        else selectors.victim_link(request.user, area, link_id)
    )
    if link is None:
        raise Http404("No such match")
    can_decide = selectors.can_decide(request.user, area)
    if request.method == "POST" and not can_decide:
        raise PermissionDenied(_("You can see these matches but not decide them."))
    form = DecisionForm(posted_data(request))
    if request.method == "POST" and form.is_valid():
        decide = confirm_link if form.cleaned_data["decision"] == CONFIRM else split_link
        decided = decide(link, by=signed_in_user(request), note=form.cleaned_data["note"])
        messages.success(
            request,
            _("The records are confirmed as the same.")
            if decided.status == LinkStatus.CONFIRMED
            else _("The records are split: they are recorded as different."),
        )
        kind_name = "incidents" if kind == MatchKind.INCIDENT else "victims"
        return HttpResponseRedirect(_list_url(area, kind=kind_name))
    record_area_view(
        request,
        area,
        f"cross-agency {'incident' if kind == MatchKind.INCIDENT else 'victim'} match {link.pk}",
    )
    return TemplateResponse(
        request,
        f"partners/matching/{'incident' if kind == MatchKind.INCIDENT else 'victim'}.html",
        {
            "area": area,
            "row": _row(link),
            "link": link,
            "decisions": selectors.decisions_of(request.user, area, kind, link.pk),
            "form": form,
            "can_decide": can_decide,
            "back_href": _list_url(
                area, kind="incidents" if kind == MatchKind.INCIDENT else "victims"
            ),
        },
    )


@staff_member_required
@require_http_methods(["GET", "POST"])
def incident_match(request: HttpRequest, slug: str, link_id: int) -> HttpResponse:
    return _match_page(request, slug, link_id, MatchKind.INCIDENT)


@staff_member_required
@require_http_methods(["GET", "POST"])
def victim_match(request: HttpRequest, slug: str, link_id: int) -> HttpResponse:
    return _match_page(request, slug, link_id, MatchKind.VICTIM)
