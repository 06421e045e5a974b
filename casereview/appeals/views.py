"""PLACEHOLDER while the pages are being written this session: every view answers 404."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse


def lodge(request: HttpRequest, reference: str, **kwargs: object) -> HttpResponse:
    raise Http404


def appeal(request: HttpRequest, reference: str, **kwargs: object) -> HttpResponse:
    raise Http404


def hear(request: HttpRequest, reference: str, **kwargs: object) -> HttpResponse:
    raise Http404


def send_outcome(request: HttpRequest, reference: str, **kwargs: object) -> HttpResponse:
    raise Http404
