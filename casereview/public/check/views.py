"""The eligibility check: a start page, two question pages and the result, for one area.

Answers live in the session only (``casereview.public.check.answers``). Each page sends the person
back to the question still to be answered when it is reached out of order or the session has
expired, rather than showing an error.
"""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from casereview.core.forms.rows import kept_values
from casereview.public import page_cache
from casereview.public.check import answers
from casereview.public.check.explain import explain
from casereview.public.check.forms import (
    ComplaintsForm,
    application_date_form,
    initial_from_answers,
    row_to_remove,
    rows_posted,
    without_row,
)
from casereview.public.check.selectors import CheckArea, check_area


def _place(slug: str) -> CheckArea:
    place = check_area(slug)
    if place is None:
        raise Http404("No such area")
    return place


def _render(
    request: HttpRequest, template: str, place: CheckArea, context: dict[str, Any]
) -> HttpResponse:
    return render(
        request,
        f"public/check/{template}",
        {"place": place, "area": place.area, "council_name": place.area.official_name, **context},
    )


def _apply_url(place: CheckArea) -> str | None:
    """The online application for the area, when it runs its review here and the page exists."""
    if not place.on_service:
        return None
    try:
        return reverse("public:apply", kwargs={"slug": place.area.slug})
    except NoReverseMatch:
        return None


@require_http_methods(["GET", "HEAD"])
@page_cache.cached_public_page
def start(request: HttpRequest, slug: str) -> HttpResponse:
    place = _place(slug)
    earlier = answers.load(request.session, place) is not None
    return _render(request, "start.html", place, {"has_answers": earlier})


@require_http_methods(["GET", "HEAD", "POST"])
def complaints(request: HttpRequest, slug: str) -> HttpResponse:
    place = _place(slug)
    if request.method != "POST":
        given = answers.load(request.session, place)
        if given is None:
            return _render(request, "complaints.html", place, {"form": ComplaintsForm(place=place)})
        form = ComplaintsForm(
            initial=initial_from_answers(given.complaints),
            place=place,
            rows=len(given.complaints),
        )
        return _render(request, "complaints.html", place, {"form": form})

    data = request.POST
    rows = rows_posted(data)
    if "add" in data or "remove" in data:
        # Adding or removing a row is not an answer: the page comes back with what was typed
        # and no error messages.
        typed = kept_values(ComplaintsForm(data, place=place, rows=rows), data)
        if "add" in data:
            form = ComplaintsForm(initial=typed, place=place, rows=rows + 1)
        else:
            remove = row_to_remove(data, rows)
            if remove is not None:
                typed = without_row(typed, remove, rows)
                rows = max(1, rows - 1)
            form = ComplaintsForm(initial=typed, place=place, rows=rows)
        return _render(request, "complaints.html", place, {"form": form})

    form = ComplaintsForm(data, place=place, rows=rows)
    if not form.is_valid():
        return _render(request, "complaints.html", place, {"form": form})
    answers.save_complaints(request.session, place, form.complaints())
    return redirect("public:check_application_date", slug=slug)


@require_http_methods(["GET", "HEAD", "POST"])
def application_date(request: HttpRequest, slug: str) -> HttpResponse:
    place = _place(slug)
    given = answers.load(request.session, place)
    if given is None:
        return redirect("public:check_complaints", slug=slug)
    if request.method != "POST":
        form = application_date_form(None, given.apply_on)
        return _render(request, "application_date.html", place, {"form": form})
    form = application_date_form(request.POST, given.apply_on)
    if not form.is_valid():
        return _render(request, "application_date.html", place, {"form": form})
    answers.save_apply_on(request.session, place, form.cleaned_data["apply_on"])
    return redirect("public:check_result", slug=slug)


@require_http_methods(["GET", "HEAD"])
def result(request: HttpRequest, slug: str) -> HttpResponse:
    place = _place(slug)
    given = answers.load(request.session, place)
    if given is None:
        return redirect("public:check_complaints", slug=slug)
    if given.apply_on is None:
        return redirect("public:check_application_date", slug=slug)
    # A date chosen yesterday as "today" has passed: nobody can apply in the past.
    apply_on = max(given.apply_on, timezone.localdate())
    return _render(
        request,
        "result.html",
        place,
        {"result": explain(place, given, apply_on), "apply_url": _apply_url(place)},
    )


@require_POST
def forget(request: HttpRequest, slug: str) -> HttpResponse:
    place = _place(slug)
    answers.forget(request.session)
    return redirect("public:check", slug=place.area.slug)
