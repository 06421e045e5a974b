"""Reads for the API key pages: an area's keys, and the area itself for its administrators."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import QuerySet

from casereview.accounts.models import Role
from casereview.accounts.scoping import scope
from casereview.areas.models import Area
from casereview.partners.models import AgencyToken

User = AbstractBaseUser | AnonymousUser | None


def is_area_administrator(user: User, area: Area) -> bool:
    return scope(user).has(Role.AREA_ADMINISTRATOR, area.pk)


def keys_of(area: Area) -> QuerySet[AgencyToken]:
    """Every key of ``area``, active and revoked, by agency and newest first."""
    return (
        AgencyToken.objects.filter(area=area)
        .select_related("agency", "created_by", "revoked_by")
        .order_by("agency__name", "-created_at", "-pk")
    )


def key_of(area: Area, pk: int) -> AgencyToken | None:
    return keys_of(area).filter(pk=pk).first()
