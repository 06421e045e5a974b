"""PLACEHOLDER while the pages are being written this session: every view answers 404."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse


def document_list(request: HttpRequest, reference: str, **kwargs: object) -> HttpResponse:
    raise Http404


def document_file(request: HttpRequest, reference: str, **kwargs: object) -> HttpResponse:
    raise Http404
