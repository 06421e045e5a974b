"""The partners hub: the way in to the agency portal and to each area's partner data."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET

from casereview.accounts.access import staff_member_required
from casereview.accounts.scoping import RoleArg
from casereview.areas.models import Area
from casereview.partners.selectors import area_for, partner_work_for, represented_agencies


def area_or_404(request: HttpRequest, slug: str, roles: RoleArg = None) -> Area:
    """The area of a partner page, for a person holding one of ``roles`` there; 404 otherwise."""
    area = area_for(request.user, slug, roles)
    if area is None:
        raise Http404("No such area")
    return area


@staff_member_required
@require_GET
def hub(request: HttpRequest) -> HttpResponse:
    return TemplateResponse(
        request,
        "partners/hub.html",
        {"areas": partner_work_for(request.user), "agencies": represented_agencies(request.user)},
    )
