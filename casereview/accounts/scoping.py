"""The one scoping function: what a signed-in person may see, derived from their memberships.

Least privilege by default. A person sees an area only through a membership of it; superusers
and Django's ``is_staff`` flag grant nothing here, because they are about the admin site, not
about case data. Anonymous and deactivated users have an empty scope. A user object keeps its
scope once read (one query per request, not one per question), until any membership changes.

Every read of case data starts from ``scope(user)``. Case selectors (added with the cases app)
filter with ``Scope.area_q`` for area roles and ``Scope.agency_q`` for agency representatives,
who see only what concerns their own agency in the areas where they represent it.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Q, QuerySet
from django.db.models.signals import post_delete, post_save

from casereview.accounts.models import Membership, Role, User
from casereview.areas.models import Agency, Area
from casereview.core.prepared import Prepared

RoleArg = Role | str | Collection[Role | str] | None


@dataclass(frozen=True)
class Grant:
    """One membership, reduced to the ids that scoping needs."""

    area_id: int
    role: str
    agency_id: int | None = None


@dataclass(frozen=True)
class Scope:
    """A frozen description of what one user may see: their grants, nothing else."""

    user_id: int | None
    grants: tuple[Grant, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not self.grants

    def roles_in(self, area_id: int) -> frozenset[str]:
        return frozenset(g.role for g in self.grants if g.area_id == area_id)

    def area_ids(self, roles: RoleArg = None) -> frozenset[int]:
        """Areas where the user holds any of ``roles`` (any role at all when None)."""
        wanted = _role_set(roles)
        return frozenset(g.area_id for g in self.grants if wanted is None or g.role in wanted)

    def agency_ids(self, area_id: int | None = None) -> frozenset[int]:
        """Agencies the user represents, optionally only within one area."""
        return frozenset(
            g.agency_id
            for g in self.grants
            if g.agency_id is not None and (area_id is None or g.area_id == area_id)
        )

    def has(self, roles: RoleArg, area_id: int) -> bool:
        wanted = _role_set(roles)
        return any(
            g.area_id == area_id and (wanted is None or g.role in wanted) for g in self.grants
        )

    def area_q(self, field: str = "area", roles: RoleArg = None) -> Q:
        """A filter keeping rows whose ``field`` is an area where the user holds ``roles``.

        With no matching grants this is a filter that matches nothing, never an empty ``Q()``
        (which would match everything).
        """
        ids = self.area_ids(roles)
        return Q(**{f"{field}__in": sorted(ids)}) if ids else Q(pk__in=[])

    def agency_q(self, *, area_field: str = "area", agency_field: str = "agency") -> Q:
        """A filter keeping rows of an agency the user represents, in the area where they
        represent it. Matches nothing for a user who represents no agency."""
        q = Q(pk__in=[])
        for grant in self.grants:
            if grant.agency_id is not None:
                q |= Q(**{area_field: grant.area_id, agency_field: grant.agency_id})
        return q


def _role_set(roles: RoleArg) -> frozenset[str] | None:
    if roles is None:
        return None
    if isinstance(roles, str):  # Role is a str too
        return frozenset({str(roles)})
    return frozenset(str(r) for r in roles)


def _user_id(user: AbstractBaseUser | AnonymousUser | None) -> int | None:
    if user is None or not user.is_authenticated or not user.is_active:
        return None
    pk = user.pk
    return int(pk) if pk is not None else None


# Where a user object keeps the scope read for it: (memberships generation, user id, Scope).
# A page asks for the signed-in person's scope several times (the access check, the view, its
# selectors, the navigation); the user object Django's authentication middleware makes lives
# for one request, so the memberships are read once per request instead of once per question.
_SCOPE_ATTRIBUTE = "_casereview_scope"
# Bumped whenever a membership is saved or deleted in this process (signals below), so a scope
# kept on a user object is never used after its memberships changed: within one request, or
# in a test or a command that holds the same user object across a change.
_generation = 0


def _memberships_changed(**_kwargs: object) -> None:
    global _generation
    _generation += 1


post_save.connect(_memberships_changed, sender=Membership, dispatch_uid="scoping.saved")
post_delete.connect(_memberships_changed, sender=Membership, dispatch_uid="scoping.deleted")


# A person's memberships, read once per request (``scope``): a prepared statement, compiled once
# per connection (casereview.core.prepared).
_MEMBERSHIPS = Prepared(
    lambda user_id: (
        Membership.objects.filter(user_id=user_id)
        .order_by("area_id", "role", "agency_id")
        .values_list("area_id", "role", "agency_id")
    )
)


def scope(user: AbstractBaseUser | AnonymousUser | None) -> Scope:
    """Everything ``user`` may see, from their memberships: read once for a user object, and
    again whenever a membership has changed since (see ``_SCOPE_ATTRIBUTE``)."""
    user_id = _user_id(user)
    if user_id is None:
        return Scope(user_id=None)
    generation = _generation
    kept = getattr(user, _SCOPE_ATTRIBUTE, None)
    if isinstance(kept, tuple) and kept[0] == generation and kept[1] == user_id:
        cached: Scope = kept[2]
        return cached
    rows = _MEMBERSHIPS.tuples(user_id)
    found = Scope(user_id=user_id, grants=tuple(Grant(a, r, g) for a, r, g in rows))
    setattr(user, _SCOPE_ATTRIBUTE, (generation, user_id, found))
    return found


def areas_for(
    user: AbstractBaseUser | AnonymousUser | None, *, roles: RoleArg = None
) -> QuerySet[Area]:
    """The areas ``user`` is a member of (with one of ``roles`` when given)."""
    return Area.objects.filter(pk__in=sorted(scope(user).area_ids(roles))).order_by("name")


def agencies_for(user: AbstractBaseUser | AnonymousUser | None) -> QuerySet[Agency]:
    """The agencies ``user`` represents."""
    return Agency.objects.filter(pk__in=sorted(scope(user).agency_ids())).order_by("name")


def can(user: AbstractBaseUser | AnonymousUser | None, role: RoleArg, area: Area | int) -> bool:
    """Whether ``user`` holds ``role`` (or any of several roles) in ``area``."""
    area_id = area if isinstance(area, int) else area.pk
    return scope(user).has(role, area_id)


def has_any_membership(user: AbstractBaseUser | AnonymousUser | None) -> bool:
    # The scope, not an EXISTS query of its own: the page that asks goes on to read the scope.
    return not scope(user).is_empty


def coordinators_of(area: Area | int) -> QuerySet[User]:
    """The active coordinators of ``area``, by name: who may be a case's single point of
    contact there, and who hears about its cases when no one has been made that."""
    area_id = area if isinstance(area, int) else area.pk
    return (
        User.objects.filter(
            is_active=True, memberships__area_id=area_id, memberships__role=Role.COORDINATOR
        )
        .distinct()
        .order_by("full_name", "email")
    )
