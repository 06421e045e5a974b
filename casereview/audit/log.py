"""Recording reads of case data (see ``casereview.audit.models``)."""

from __future__ import annotations

from django.http import HttpRequest

from casereview.areas.models import Area
from casereview.audit.models import AccessRecord
from casereview.cases.models import Case


def record_view(request: HttpRequest, case: Case, what: str) -> AccessRecord:
    """Record that the signed-in person was shown ``what`` of ``case`` by this request."""
    user = request.user if request.user.is_authenticated else None
    return AccessRecord.objects.create(
        user=user,
        case=case,
        case_reference=case.reference,
        what=what[:200],
        path=request.get_full_path()[:500],
        method=request.method or "",
    )


def record_area_view(request: HttpRequest, area: Area, what: str) -> AccessRecord:
    """Record that the signed-in person was shown ``what``: a list of several victims' data
    across ``area`` (not one case's)."""
    user = request.user if request.user.is_authenticated else None
    return AccessRecord.objects.create(
        user=user,
        area=area,
        case_reference="",
        what=what[:200],
        path=request.get_full_path()[:500],
        method=request.method or "",
    )


def views_of(case: Case) -> list[AccessRecord]:
    """Every recorded read of ``case``, oldest first."""
    return list(AccessRecord.objects.filter(case=case).select_related("user"))
