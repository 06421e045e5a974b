"""Reads shared by the publishing pages: which areas a person may see them for, and with what
roles. Each part keeps its own reads in its own ``selectors.py``."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser

from casereview.accounts.models import Role
from casereview.accounts.scoping import RoleArg, scope
from casereview.areas.models import Area
from casereview.areas.selectors import area_by_slug

# Who sees an area's figures, releases (drafts included) and procedure records.
VIEW_ROLES = (Role.COORDINATOR, Role.AREA_ADMINISTRATOR, Role.READ_ONLY)
# Who prepares returns to the PCC and the Home Office.
RETURN_ROLES = (Role.COORDINATOR, Role.AREA_ADMINISTRATOR)
# Who publishes, edits the policy and records consultations and effectiveness reviews.
ADMIN_ROLES = (Role.AREA_ADMINISTRATOR,)


def area_for(
    user: AbstractBaseUser | AnonymousUser | None, slug: str, roles: RoleArg = VIEW_ROLES
) -> Area | None:
    """The area with ``slug`` if ``user`` holds one of ``roles`` in it; None otherwise (the page
    answers 404, so an area the person has no part in is not revealed)."""
    area = area_by_slug(slug)
    if area is None or not scope(user).has(roles, area.pk):
        return None
    return area


@dataclass(frozen=True)
class AreaPublishing:
    area: Area
    is_admin: bool
    can_prepare_returns: bool


def publishing_areas_for(user: AbstractBaseUser | AnonymousUser | None) -> list[AreaPublishing]:
    """Every area where ``user`` may see the publishing pages, by name."""
    grants = scope(user)
    areas = Area.objects.filter(pk__in=sorted(grants.area_ids(VIEW_ROLES))).order_by("name")
    return [
        AreaPublishing(
            area=area,
            is_admin=grants.has(ADMIN_ROLES, area.pk),
            can_prepare_returns=grants.has(RETURN_ROLES, area.pk),
        )
        for area in areas
    ]
