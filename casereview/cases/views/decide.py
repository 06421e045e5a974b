"""Placeholder replaced in this change."""

from django.http import Http404, HttpRequest, HttpResponse


def _missing(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise Http404


decide = decline_repeat = _missing
