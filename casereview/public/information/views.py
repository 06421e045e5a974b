"""The information pages of an area: the published procedure (page and PDF), what to do when
unhappy with how a review was handled, and the letter to the Victims' Commissioner."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils.translation import get_language
from django.views.decorators.http import require_http_methods

from casereview.areas.models import Area
from casereview.letters.rendering import html_to_pdf
from casereview.public import page_cache
from casereview.public.information import letter as letters
from casereview.public.information import selectors
from casereview.public.information.forms import CommissionerLetterForm, posted_pairs
from casereview.public.information.procedure import ProcedurePresenter, pdf_filename
from casereview.public.information.unhappy import UnhappyPresenter
from casereview.public.links import absolute


def _optional_url(name: str, **kwargs: str) -> str | None:
    # The apply and tracking journeys are other parts of the public app: link them when present.
    try:
        return reverse(name, kwargs=kwargs or None)
    except NoReverseMatch:
        return None


def _area_context(area: Area) -> dict[str, Any]:
    return {
        "area": area,
        "council_name": area.official_name,
        "area_url": reverse("areas:area", args=[area.slug]),
    }


def _not_on_service(request: HttpRequest, area: Area) -> HttpResponse:
    return render(
        request, "public/information/not_on_service.html", _area_context(area), status=404
    )


def _procedure_context(
    area: Area,
    live: selectors.LivePolicy,
    *,
    printing: bool,
    records: selectors.ProcedureRecords | None = None,
) -> dict[str, Any]:
    apply_url = _optional_url("public:apply", slug=area.slug)
    track_url = _optional_url("public:track_start")
    unhappy_url = reverse("public:unhappy", args=[area.slug])
    records = records if records is not None else selectors.procedure_records(area)
    presenter = ProcedurePresenter(
        area, live, selectors.relevant_bodies(area), apply_url=apply_url, records=records
    )

    def shown(url: str | None) -> str | None:
        # In the PDF a link cannot be followed, so it is written out in full.
        return absolute(url) if url and printing else url

    if presenter.is_current:
        pdf_url = reverse("public:procedure_pdf", args=[area.slug])
        page_url = reverse("public:procedure", args=[area.slug])
    else:
        pdf_url = reverse("public:procedure-version-pdf", args=[area.slug, live.version])
        page_url = reverse("public:procedure-version", args=[area.slug, live.version])
    return {
        **_area_context(area),
        "procedure": presenter,
        "apply_url": shown(apply_url),
        "track_url": shown(track_url),
        "unhappy_url": shown(unhappy_url),
        "pdf_url": pdf_url,
        "page_url": absolute(page_url),
        "current_url": shown(reverse("public:procedure", args=[area.slug])),
        "versions_url": shown(reverse("public:procedure-versions", args=[area.slug])),
        "printing": printing,
    }


def _pdf_response(area: Area, context: dict[str, Any], version: int) -> HttpResponse:
    html = render_to_string("public/information/procedure_print.html", context)
    response = HttpResponse(html_to_pdf(html), content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="{pdf_filename(area, version, get_language())}"'
    )
    return response


@require_http_methods(["GET", "HEAD"])
@page_cache.cached_public_page
def procedure(request: HttpRequest, slug: str) -> HttpResponse:
    area = selectors.area_or_404(slug)
    live = selectors.live_policy(area)
    if live is None:
        return _not_on_service(request, area)
    return render(
        request,
        "public/information/procedure.html",
        _procedure_context(area, live, printing=False),
    )


@require_http_methods(["GET", "HEAD"])
def procedure_pdf(request: HttpRequest, slug: str) -> HttpResponse:
    area = selectors.area_or_404(slug)
    live = selectors.live_policy(area)
    if live is None:
        return _not_on_service(request, area)
    return _pdf_response(area, _procedure_context(area, live, printing=True), live.version)


@require_http_methods(["GET", "HEAD"])
def procedure_versions(request: HttpRequest, slug: str) -> HttpResponse:
    """Every version of the area's procedure, newest first, each with the dates it was in
    force and what changed."""
    area = selectors.area_or_404(slug)
    if selectors.live_policy(area) is None:
        return _not_on_service(request, area)
    records = selectors.procedure_records(area)
    return render(
        request,
        "public/information/procedure_versions.html",
        {
            **_area_context(area),
            "versions": records.versions,
            "procedure_url": reverse("public:procedure", args=[area.slug]),
        },
    )


def _version_or_404(
    request: HttpRequest, slug: str, version: int
) -> HttpResponse | tuple[Area, selectors.LivePolicy, selectors.ProcedureRecords]:
    area = selectors.area_or_404(slug)
    if selectors.live_policy(area) is None:
        return _not_on_service(request, area)
    records = selectors.procedure_records(area)
    live = selectors.version_policy(area, records, version)
    if live is None:
        raise Http404("No such version")
    return area, live, records


@require_http_methods(["GET", "HEAD"])
def procedure_version(request: HttpRequest, slug: str, version: int) -> HttpResponse:
    found = _version_or_404(request, slug, version)
    if isinstance(found, HttpResponse):
        return found
    area, live, records = found
    return render(
        request,
        "public/information/procedure_version.html",
        _procedure_context(area, live, printing=False, records=records),
    )


@require_http_methods(["GET", "HEAD"])
def procedure_version_pdf(request: HttpRequest, slug: str, version: int) -> HttpResponse:
    found = _version_or_404(request, slug, version)
    if isinstance(found, HttpResponse):
        return found
    area, live, records = found
    context = _procedure_context(area, live, printing=True, records=records)
    return _pdf_response(area, context, live.version)


@require_http_methods(["GET", "HEAD"])
def unhappy(request: HttpRequest, slug: str) -> HttpResponse:
    area = selectors.area_or_404(slug)
    live = selectors.live_policy(area)
    presenter = UnhappyPresenter(
        area,
        live.policy if live else None,
        track_url=_optional_url("public:track_start") if live else None,
        letter_url=reverse("public:commissioner_letter", args=[area.slug]),
    )
    return render(
        request, "public/information/unhappy.html", {**_area_context(area), "unhappy": presenter}
    )


@require_http_methods(["GET", "HEAD", "POST"])
def commissioner_letter(request: HttpRequest, slug: str) -> HttpResponse:
    """The form (GET, or a POST asking to change the letter), then the letter made from the
    posted answers, or one of its files when a download button posted them."""
    area = selectors.area_or_404(slug)
    case = selectors.tracked_case_facts(request, area)
    context = {
        **_area_context(area),
        "unhappy_url": reverse("public:unhappy", args=[area.slug]),
    }
    if request.method != "POST":
        initial = {"reference": case.reference, "applied_on": case.received_on} if case else {}
        form = CommissionerLetterForm(initial=initial)
        return render(
            request, "public/information/commissioner_letter_form.html", {**context, "form": form}
        )
    form = CommissionerLetterForm(request.POST)
    if "change" in request.POST or not form.is_valid():
        return render(
            request, "public/information/commissioner_letter_form.html", {**context, "form": form}
        )
    live = selectors.live_policy(area)
    letter = letters.build_letter(
        form.cleaned_data, area=area, policy=live.policy if live else None, case=case
    )
    fmt = request.POST.get("download", "")
    if fmt in letters.CONTENT_TYPES:
        response = HttpResponse(
            letters.letter_file(letter, fmt), content_type=letters.CONTENT_TYPES[fmt]
        )
        response["Content-Disposition"] = (
            f'attachment; filename="{letters.letter_filename(fmt, get_language())}"'
        )
        return response
    return render(
        request,
        "public/information/commissioner_letter.html",
        {
            **context,
            "letter": letter,
            "pairs": posted_pairs(form),
            "commissioner_url": letters.VICTIMS_COMMISSIONER_URL,
        },
    )
