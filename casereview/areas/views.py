"""Public pages of the national directory: the start page, search, regions and area pages."""

from __future__ import annotations

import logging

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse

from casereview.areas import selectors
from casereview.areas.forms import AreaSearchForm
from casereview.areas.models import Area
from casereview.areas.presenters import AreaPagePresenter
from casereview.pledge.selectors import completed_results
from casereview.publishing.open_data.selectors import latest_area_release
from casereview.publishing.procedure.statement import policy_statement
from casereview.rules.policy import PolicyError, policy_from_dict

logger = logging.getLogger(__name__)

# The public journey's pages live in casereview.public; until a deployment has one, the area page
# says "Apply online (coming soon)" (or leaves the link out) rather than linking to nowhere.
APPLY_URL_NAME = "public:apply"


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "areas/home.html")


def directory(request: HttpRequest) -> HttpResponse:
    # Bound only once someone has searched, so the page opens without an error message.
    form = AreaSearchForm(request.GET if "q" in request.GET else None)
    results: list[Area] | None = None
    if form.is_bound and form.is_valid():
        results = list(selectors.search_areas(form.cleaned_data["q"]))
    return render(
        request,
        "areas/directory.html",
        {
            "form": form,
            "results": results,
            "regions": selectors.areas_by_region(),
            "pledge_results": completed_results(a.pk for a in results or []),
        },
    )


def region(request: HttpRequest, region_slug: str) -> HttpResponse:
    found = selectors.region_by_slug(region_slug)
    if found is None:
        raise Http404("No such region")
    return render(
        request,
        "areas/region.html",
        {"region": found, "pledge_results": completed_results(a.pk for a in found.areas)},
    )


def _optional_url(name: str, **kwargs: str) -> str | None:
    try:
        return reverse(name, kwargs=kwargs or None)
    except NoReverseMatch:
        return None


def _apply_url(area: Area) -> str | None:
    return _optional_url(APPLY_URL_NAME, slug=area.slug)


def area(request: HttpRequest, slug: str) -> HttpResponse:
    found = selectors.area_by_slug(slug)
    if found is None:
        raise Http404("No such area")
    record = selectors.current_policy_record(found)
    policy = None
    if record is not None:
        try:
            policy = policy_from_dict(record.rules)
        except PolicyError:
            # A damaged policy record must not take the public page down: the page falls back
            # to the "contact the council" text, and the log tells the administrators.
            logger.exception("Policy v%s of %s cannot be read", record.version, found.gss_code)
    presenter = AreaPagePresenter(
        found,
        policy=policy,
        policy_version=record.version if record and policy else None,
        policy_effective_from=record.effective_from if record and policy else None,
        relevant_bodies=selectors.relevant_bodies(found),
        apply_url=_apply_url(found),
        check_url=_optional_url("public:check", slug=found.slug),
        track_url=_optional_url("public:track_start"),
        procedure_url=_optional_url("public:procedure", slug=found.slug),
        unhappy_url=_optional_url("public:unhappy", slug=found.slug),
    )
    return render(
        request,
        "areas/area.html",
        {
            "area": found,
            "page": presenter,
            "council_name": found.official_name,
            # Shown only for an area on the service: the policy check in plain words, its
            # latest published statistics and its latest completed PLEDGE self-assessment.
            "policy_statement": policy_statement(policy) if found.on_service else None,
            "latest_release": latest_area_release(found) if found.on_service else None,
            "pledge_result": completed_results([found.pk]).get(found.pk),
        },
    )
