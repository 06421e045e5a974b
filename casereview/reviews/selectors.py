"""Reads for the review's pages that the case object alone does not give: the agencies of an
area, and an action of a case for a person who may only be its owner agency's representative
(agency representatives do not see cases through ``casereview.cases.selectors``)."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Q

from casereview.accounts.models import Role
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
    area in an area role, or represents the agency that owns it there (whether they may update
    it is the caller's question); None otherwise, so that another area's case, or another
    agency's action, is not found."""
    grants = scope(user)
    area_ids = grants.area_ids([role for role in Role if role != Role.AGENCY_REPRESENTATIVE])
    visible = Q(meeting__case__area_id__in=sorted(area_ids)) | grants.agency_q(
        area_field="meeting__case__area", agency_field="owner"
    )
    return (
        Action.objects.select_related("owner", "meeting", "meeting__case", "meeting__case__area")
        .filter(visible, pk=action_id, meeting__case__reference=reference.strip().upper())
        .first()
    )
