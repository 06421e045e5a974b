"""Reads for the incident import pages: the area as its staff see it, its agencies, and its
imports, each scoped to the caller."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import QuerySet

from casereview.accounts.models import Role
from casereview.accounts.scoping import scope
from casereview.areas.models import Area
from casereview.partners.models import IncidentImport

User = AbstractBaseUser | AnonymousUser | None

# Who may see an area's imports (the hub links every area role to them); only administrators
# upload.
VIEW_ROLES = (Role.COORDINATOR, Role.AREA_ADMINISTRATOR, Role.READ_ONLY)
UPLOAD_ROLES = (Role.AREA_ADMINISTRATOR,)


def may_view(user: User, area: Area) -> bool:
    return scope(user).has(VIEW_ROLES, area.pk)


def may_upload(user: User, area: Area) -> bool:
    return scope(user).has(UPLOAD_ROLES, area.pk)


def imports_of(user: User, area: Area) -> QuerySet[IncidentImport]:
    """The imports of ``area`` that ``user`` may see, newest first (their files are rows of
    their own, ``IncidentImportFile``, never read here)."""
    return (
        IncidentImport.objects.filter(scope(user).area_q(roles=VIEW_ROLES), area=area)
        .select_related("agency", "uploaded_by")
        .order_by("-uploaded_at", "-pk")
    )


def import_of(user: User, area: Area, import_id: int) -> IncidentImport | None:
    return imports_of(user, area).filter(pk=import_id).first()
