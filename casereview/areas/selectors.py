"""Reads of areas, their relevant bodies and their policies. Views read through here."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Case, F, Q, QuerySet, Value, When
from django.utils.text import slugify

from casereview.areas.models import Agency, Area, AreaPolicy, Nation
from casereview.rules.policy import LocalPolicy, policy_from_dict

# Longest search the directory accepts; longer input is an error, not a slow query.
SEARCH_MAX_LENGTH = 100


@dataclass(frozen=True)
class Region:
    """A region of England (or Wales as a whole) with its areas, for browsing the directory."""

    name: str
    slug: str
    nation: str
    areas: list[Area] = field(default_factory=list, compare=False)


def current_policy_record(area: Area) -> AreaPolicy | None:
    return area.policies.order_by("-version").first()


def current_local_policy(gss_code: str) -> LocalPolicy | None:
    """The rules of the current policy of the area with this GSS code, or None when the area is
    unknown or has no policy on this service."""
    record = (
        AreaPolicy.objects.filter(area__gss_code=gss_code.strip().upper())
        .order_by("-version")
        .first()
    )
    return policy_from_dict(record.rules) if record else None


def _normalise(q: str) -> str:
    return " ".join(q.split())


def search_areas(q: str) -> QuerySet[Area]:
    """Areas whose name, official name or one of whose alternative names contains ``q``,
    ignoring case and extra spaces. An empty search finds nothing."""
    q = _normalise(q)[:SEARCH_MAX_LENGTH]
    if not q:
        return Area.objects.none()
    # Best matches first: "Hull" should put Kingston upon Hull (whose other names include
    # "Hull City") above Solihull, which only contains the letters.
    rank = Case(
        When(name__iexact=q, then=Value(0)),
        When(name__istartswith=q, then=Value(1)),
        When(Q(official_name__istartswith=q) | Q(alt_names__istartswith=q), then=Value(2)),
        When(alt_names__icontains="\n" + q, then=Value(2)),
        default=Value(3),
    )
    return (
        Area.objects.filter(
            Q(name__icontains=q) | Q(official_name__icontains=q) | Q(alt_names__icontains=q)
        )
        .annotate(rank=rank)
        .order_by("rank", "name")
    )


def region_slug(region: str) -> str:
    return slugify(region)


def areas_by_region() -> list[Region]:
    """Every region with its areas: England's regions in alphabetical order, then Wales."""
    regions: dict[str, Region] = {}
    for area in Area.objects.order_by("name"):
        region = regions.get(area.region)
        if region is None:
            region = regions[area.region] = Region(
                area.region, region_slug(area.region), area.nation
            )
        region.areas.append(area)
    nation_order = {nation: index for index, nation in enumerate(Nation.values)}
    return sorted(regions.values(), key=lambda r: (nation_order.get(r.nation, 99), r.name))


def region_by_slug(slug: str) -> Region | None:
    return next((r for r in areas_by_region() if r.slug == slug), None)


def area_by_slug(slug: str) -> Area | None:
    return (
        Area.objects.select_related("council", "county_council", "police_force")
        .filter(slug=slug)
        .first()
    )


def agencies_acting_in(area: Area) -> list[Agency]:
    """Every agency acting in ``area``, by name: its council, police force and county council,
    and every agency its administrator has added. Who may send the area incident data and hold
    one of its API keys."""
    own = [pk for pk in (area.council_id, area.police_force_id, area.county_council_id) if pk]
    return list(
        Agency.objects.filter(Q(area_agencies__area=area) | Q(pk__in=own))
        .distinct()
        .order_by("name")
    )


def acts_in(area: Area, agency: Agency) -> bool:
    """Whether ``agency`` is one of ``agencies_acting_in(area)``."""
    if agency.pk in (area.council_id, area.police_force_id, area.county_council_id):
        return True
    return agency.area_agencies.filter(area=area).exists()


def relevant_bodies(area: Area) -> list[Agency]:
    """The relevant bodies of ``area`` on record: always its council and police force, the
    county council in two-tier areas, and any others its administrator has added."""
    return list(
        Agency.objects.filter(area_agencies__area=area, area_agencies__relevant_body=True).order_by(
            "kind", "name"
        )
    )


def current_policy_rules(area_ids: Iterable[int]) -> dict[int, dict[str, Any]]:
    """The rules of ``current_policy_record`` of many areas in one query (only the rules are
    read), by area id; an area without a policy is absent."""
    found: dict[int, dict[str, Any]] = {}
    rows = (
        AreaPolicy.objects.filter(area_id__in=list(area_ids))
        .order_by("area_id", "-version")
        .values_list("area_id", "rules")
    )
    for area_id, rules in rows:
        found.setdefault(area_id, rules)
    return found


def relevant_bodies_of(area_ids: Iterable[int]) -> dict[int, list[Agency]]:
    """``relevant_bodies`` of many areas in one query, by area id, each list in the same order;
    an area without relevant bodies is absent."""
    found: dict[int, list[Agency]] = {}
    agencies = (
        Agency.objects.filter(
            area_agencies__area_id__in=list(area_ids), area_agencies__relevant_body=True
        )
        .annotate(for_area=F("area_agencies__area_id"))
        .order_by("kind", "name")
    )
    for agency in agencies:
        found.setdefault(agency.for_area, []).append(agency)
    return found
