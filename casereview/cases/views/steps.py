"""Placeholder replaced in this change."""

from django.http import Http404, HttpRequest, HttpResponse


def _missing(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise Http404


acknowledge = assign_spoc = add_complaint = request_information = record_response = _missing
victim_contact = withdraw = close = _missing
