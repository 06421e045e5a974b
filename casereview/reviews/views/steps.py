"""PLACEHOLDER while the pages are being written this session: every view answers 404."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse


def victim_voice(request: HttpRequest, reference: str, **kwargs: object) -> HttpResponse:
    raise Http404


def statement_file(request: HttpRequest, reference: str, **kwargs: object) -> HttpResponse:
    raise Http404


def schedule_meeting(request: HttpRequest, reference: str, **kwargs: object) -> HttpResponse:
    raise Http404


def record_meeting(request: HttpRequest, reference: str, **kwargs: object) -> HttpResponse:
    raise Http404


def send_outcome(request: HttpRequest, reference: str, **kwargs: object) -> HttpResponse:
    raise Http404


def circulate_minutes(request: HttpRequest, reference: str, **kwargs: object) -> HttpResponse:
    raise Http404


def victim_comment(request: HttpRequest, reference: str, **kwargs: object) -> HttpResponse:
    raise Http404


def finalise_plan(request: HttpRequest, reference: str, **kwargs: object) -> HttpResponse:
    raise Http404


def update_action(request: HttpRequest, reference: str, **kwargs: object) -> HttpResponse:
    raise Http404


def change_lead_agency(request: HttpRequest, reference: str, **kwargs: object) -> HttpResponse:
    raise Http404
