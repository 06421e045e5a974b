"""Reads for the partners hub: what waits for whom, per area, scoped to the caller."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

from casereview.accounts.models import Role
from casereview.accounts.scoping import RoleArg, scope
from casereview.areas.models import Agency, Area
from casereview.areas.selectors import area_by_slug
from casereview.partners.models import IncidentLink, LinkStatus, SecondReportPrompt, VictimLink

# Who works with an area's partner data (matching, duties, imports): the area's own staff.
AREA_PARTNER_ROLES = (Role.COORDINATOR, Role.AREA_ADMINISTRATOR, Role.READ_ONLY)


def area_for(
    user: AbstractBaseUser | AnonymousUser | None, slug: str, roles: RoleArg = None
) -> Area | None:
    """The area with ``slug`` if ``user`` holds one of ``roles`` in it (any role when None);
    None otherwise, so that the partner pages answer 404 and an area the person has no part in
    is not revealed even by a 403."""
    area = area_by_slug(slug)
    if area is None or not scope(user).has(roles, area.pk):
        return None
    return area


@dataclass(frozen=True)
class AreaPartnerWork:
    area: Area
    is_admin: bool
    proposed_matches: int
    open_prompts: int


def partner_work_for(user: AbstractBaseUser | AnonymousUser | None) -> list[AreaPartnerWork]:
    """For each area where ``user`` holds an area role: how many matches wait for a decision and
    how many victims wait to be told about the Case Review."""
    grants = scope(user)
    areas = Area.objects.filter(pk__in=sorted(grants.area_ids(AREA_PARTNER_ROLES))).order_by("name")
    return [
        AreaPartnerWork(
            area=area,
            is_admin=grants.has(Role.AREA_ADMINISTRATOR, area.pk),
            proposed_matches=IncidentLink.objects.filter(
                area=area, status=LinkStatus.PROPOSED
            ).count()
            + VictimLink.objects.filter(area=area, status=LinkStatus.PROPOSED).count(),
            open_prompts=SecondReportPrompt.objects.filter(
                area=area, explained_on__isnull=True
            ).count(),
        )
        for area in areas
    ]


def represented_agencies(user: AbstractBaseUser | AnonymousUser | None) -> list[Agency]:
    """The agencies ``user`` represents (in any area)."""
    grants = scope(user)
    ids = {g.agency_id for g in grants.grants if g.role == Role.AGENCY_REPRESENTATIVE}
    return list(Agency.objects.filter(pk__in=sorted(i for i in ids if i)).order_by("name"))
