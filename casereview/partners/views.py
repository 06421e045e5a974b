"""The partners hub: the way in to the agency portal and to each area's partner data."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET

from casereview.accounts.access import staff_member_required
from casereview.partners.selectors import partner_work_for, represented_agencies


@staff_member_required
@require_GET
def hub(request: HttpRequest) -> HttpResponse:
    return TemplateResponse(
        request,
        "partners/hub.html",
        {"areas": partner_work_for(request.user), "agencies": represented_agencies(request.user)},
    )
