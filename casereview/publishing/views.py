"""The publishing hub, and the one lookup of a publishing page's area."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, reverse
from django.views.decorators.http import require_GET

from casereview.accounts.access import staff_member_required
from casereview.accounts.scoping import RoleArg
from casereview.areas.models import Area
from casereview.publishing.selectors import VIEW_ROLES, area_for, publishing_areas_for


def area_or_404(request: HttpRequest, slug: str, roles: RoleArg = VIEW_ROLES) -> Area:
    """The area of a publishing page, for a person holding one of ``roles`` there; 404
    otherwise."""
    area = area_for(request.user, slug, roles)
    if area is None:
        raise Http404("No such area")
    return area


def _link(name: str, slug: str) -> str | None:
    try:
        return reverse(name, kwargs={"slug": slug})
    except NoReverseMatch:
        return None


@staff_member_required
@require_GET
def hub(request: HttpRequest) -> HttpResponse:
    areas = [
        {
            "work": work,
            "links": {
                name: _link(name, work.area.slug)
                for name in (
                    "publishing:statistics",
                    "publishing:releases",
                    "publishing:returns",
                    "publishing:procedure",
                    "pledge:assessment",
                    "publishing:area-statistics",
                )
            },
        }
        for work in publishing_areas_for(request.user)
    ]
    return TemplateResponse(request, "publishing/hub.html", {"areas": areas})
