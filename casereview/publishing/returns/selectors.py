"""Reads of return layouts, for an area a page has already checked the person may use."""

from __future__ import annotations

from django.db.models import F, Q

from casereview.areas.models import Area
from casereview.publishing.models import ReturnLayout


def layouts_for(area: Area) -> list[ReturnLayout]:
    """The layouts an area may export: its own and the shared ones, shared ones first."""
    return list(
        ReturnLayout.objects.filter(Q(area=area) | Q(area__isnull=True)).order_by(
            F("area").asc(nulls_first=True), "name"
        )
    )


def layout_for(area: Area, pk: int) -> ReturnLayout | None:
    """Layout ``pk`` if the area may export it (its own or a shared one), else None."""
    return ReturnLayout.objects.filter(Q(area=area) | Q(area__isnull=True), pk=pk).first()


def own_layout(area: Area, pk: int) -> ReturnLayout | None:
    """Layout ``pk`` if it is the area's own (the only ones its administrators may change)."""
    return ReturnLayout.objects.filter(area=area, pk=pk).first()
