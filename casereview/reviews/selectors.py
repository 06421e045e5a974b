"""Reads for the review's pages that the case object alone does not give: the agencies of an
area, and an action of a case for a person who may only be its owner agency's representative
(agency representatives do not see cases through ``casereview.cases.selectors``)."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

from casereview.accounts.scoping import scope
from casereview.areas.models import Agency, Area
from casereview.reviews.models import Action


def area_agencies(area: Area) -> list[Agency]:
    """Every agency with a part in ``area`` (its relevant bodies and the other services that
    may sit on a panel), by name: who a recommendation or an action can be for."""
    return list(Agency.objects.filter(area_agencies__area=area).distinct().order_by("name"))


def action_for_member(
    user: AbstractBaseUser | AnonymousUser | None, reference: str, action_id: int
) -> Action | None:
    """The action ``action_id`` of the case ``reference``, if ``user`` is a member of the case's
    area in any role (whether they may update it is the caller's question); None otherwise, so
    that a case of another area is not found."""
    areas = scope(user).area_ids()
    if not areas:
        return None
    return (
        Action.objects.select_related("owner", "meeting", "meeting__case", "meeting__case__area")
        .filter(
            pk=action_id,
            meeting__case__reference=reference.strip().upper(),
            meeting__case__area_id__in=sorted(areas),
        )
        .first()
    )
