"""Reads of the matching pages, scoped to the caller through ``casereview.accounts.scoping``.

The matches of an area are seen by its coordinators, area administrators and read-only members
(they show victims' data across agencies); only coordinators and administrators decide them.
Agency representatives see none: an agency sees only its own records, and a match is always
two agencies' records.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Count, QuerySet

from casereview.accounts.scoping import scope
from casereview.areas.models import Area
from casereview.cases.selectors import AREA_CASE_ROLES, CASE_WORKER_ROLES
from casereview.partners.models import (
    IncidentLink,
    LinkStatus,
    MatchDecision,
    MatchKind,
    VictimLink,
)

AnyUser = AbstractBaseUser | AnonymousUser


def can_decide(user: AnyUser, area: Area) -> bool:
    """Whether ``user`` may confirm or split the matches of ``area``."""
    return scope(user).has(CASE_WORKER_ROLES, area.pk)


def incident_links(user: AnyUser, area: Area, status: str | None = None) -> QuerySet[IncidentLink]:
    """The incident matches of ``area`` the user may see, best first; of one status if given."""
    links = IncidentLink.objects.filter(scope(user).area_q("area", AREA_CASE_ROLES), area=area)
    if status:
        links = links.filter(status=status)
    return links.select_related("first__agency", "second__agency").order_by("-score", "pk")


def victim_links(user: AnyUser, area: Area, status: str | None = None) -> QuerySet[VictimLink]:
    """The victim matches of ``area`` the user may see, best first; of one status if given."""
    links = VictimLink.objects.filter(scope(user).area_q("area", AREA_CASE_ROLES), area=area)
    if status:
        links = links.filter(status=status)
    return links.select_related("first__agency", "second__agency").order_by("-score", "pk")


def incident_link(user: AnyUser, area: Area, link_id: int) -> IncidentLink | None:
    return (
        incident_links(user, area)
        .select_related("area", "decided_by", "first__victim", "second__victim")
        .filter(pk=link_id)
        .first()
    )


def victim_link(user: AnyUser, area: Area, link_id: int) -> VictimLink | None:
    return victim_links(user, area).select_related("area", "decided_by").filter(pk=link_id).first()


def status_counts(user: AnyUser, area: Area, kind: str) -> dict[str, int]:
    """How many matches of ``kind`` the area has in each status (every status present)."""
    links = incident_links(user, area) if kind == MatchKind.INCIDENT else victim_links(user, area)
    counts = dict.fromkeys(LinkStatus.values, 0)
    for row in links.order_by().values("status").annotate(n=Count("pk")):
        counts[row["status"]] = row["n"]
    return counts


def decisions_of(user: AnyUser, area: Area, kind: str, link_id: int) -> list[MatchDecision]:
    """Every decision on one link, oldest first, with who made it."""
    return list(
        MatchDecision.objects.filter(
            scope(user).area_q("area", AREA_CASE_ROLES), area=area, kind=kind, link_id=link_id
        )
        .select_related("by")
        .order_by("at", "pk")
    )
