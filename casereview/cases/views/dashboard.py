"""Placeholder replaced in this change."""

from django.http import Http404, HttpRequest, HttpResponse


def dashboard(request: HttpRequest, **kwargs: str) -> HttpResponse:
    raise Http404
