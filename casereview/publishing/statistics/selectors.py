"""Reads of the staff figures page: an area's figures, only for someone who may see them."""

from __future__ import annotations

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser

from casereview.accounts.scoping import scope
from casereview.areas.models import Area
from casereview.publishing.figures import Figures
from casereview.publishing.periods import Period
from casereview.publishing.selectors import VIEW_ROLES
from casereview.publishing.statistics.compute import compute_figures


def area_figures(
    user: AbstractBaseUser | AnonymousUser | None, area: Area, period: Period
) -> Figures | None:
    """The figures of ``area`` for ``period`` if ``user`` may see the area's publishing pages;
    None otherwise (the page answers 404)."""
    if not scope(user).has(VIEW_ROLES, area.pk):
        return None
    return compute_figures(area, period)
