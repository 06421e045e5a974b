"""The API key pages of an area (area administrators only).

Other members of the area get the 403 page; people with no part in the area get 404, so that an
area's keys, and even that a page for them exists, are not revealed. A new key is shown once,
on the answer to the form that issued it, and never again: only its hash is kept.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from casereview.accounts.access import staff_member_required
from casereview.areas.models import Area
from casereview.areas.selectors import agencies_acting_in
from casereview.cases.views.common import add_service_errors, signed_in_user, staff_navigation
from casereview.partners.models import AgencyToken
from casereview.partners.tokens import selectors, services
from casereview.partners.tokens.forms import IssueKeyForm
from casereview.partners.views import area_or_404

NAVIGATION = "partners:hub"


def _administered_area(request: HttpRequest, slug: str) -> Area:
    area = area_or_404(request, slug)
    if not selectors.is_area_administrator(request.user, area):
        raise PermissionDenied(_("Only the area's administrators manage its API keys."))
    return area


def _keys_url(area: Area) -> str:
    return reverse("partners:api-keys", kwargs={"slug": area.slug})


def _keys_page(request: HttpRequest, area: Area, form: IssueKeyForm) -> TemplateResponse:
    keys = list(selectors.keys_of(area))
    by_agency: dict[str, list[AgencyToken]] = {}
    for key in keys:
        by_agency.setdefault(key.agency.name, []).append(key)
    return TemplateResponse(
        request,
        "partners/tokens/keys.html",
        {
            "area": area,
            "form": form,
            "keys_by_agency": sorted(by_agency.items()),
            "docs_url": "/api/docs",
            "navigation": staff_navigation(current=NAVIGATION),
        },
    )


@staff_member_required
@never_cache
@require_http_methods(["GET", "POST"])
def keys(request: HttpRequest, slug: str) -> HttpResponse:
    area = _administered_area(request, slug)
    form = IssueKeyForm(
        request.POST if request.method == "POST" else None,
        agencies=agencies_acting_in(area),
    )
    if request.method == "POST" and form.is_valid():
        try:
            token, key = services.issue_key(
                area,
                form.chosen_agency(),
                name=form.cleaned_data["name"],
                by=signed_in_user(request),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            # Shown in the answer to this POST, never stored or redirected to: reloading or
            # going back cannot show the key again (never_cache keeps it out of caches too).
            return TemplateResponse(
                request,
                "partners/tokens/issued.html",
                {
                    "area": area,
                    "token": token,
                    "key": key,
                    "keys_url": _keys_url(area),
                    "docs_url": "/api/docs",
                    "navigation": staff_navigation(current=NAVIGATION),
                },
            )
    return _keys_page(request, area, form)


@staff_member_required
@require_http_methods(["GET", "POST"])
def revoke(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    area = _administered_area(request, slug)
    token = selectors.key_of(area, pk)
    if token is None:
        raise Http404("No such key")
    if request.method == "POST":
        if token.is_active:
            services.revoke_key(token, by=signed_in_user(request))
            messages.success(
                request,
                _("Key %(prefix)s of %(agency)s revoked: it no longer works.")
                % {"prefix": token.prefix, "agency": token.agency.name},
            )
        return HttpResponseRedirect(_keys_url(area))
    return TemplateResponse(
        request,
        "partners/tokens/revoke.html",
        {
            "area": area,
            "token": token,
            "keys_url": _keys_url(area),
            "navigation": staff_navigation(current=NAVIGATION),
        },
    )
