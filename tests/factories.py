"""Small factory functions for tests: plain functions with sensible defaults, no factory library.

Every object gets unique codes from a counter, so tests can call a factory as often as they like
without thinking about unique constraints.
"""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

from casereview.accounts.models import Membership, Role, User
from casereview.areas.models import (
    Agency,
    AgencyKind,
    Area,
    AreaAgency,
    AreaPolicy,
    AreaType,
    Nation,
)
from casereview.rules import REFERENCE_PROCEDURE, LocalPolicy, policy_to_dict

# Long enough for the production validators (12 characters) and not a common password.
PASSWORD = "correct-horse-battery-42"

_sequence = itertools.count(1)


def _next() -> int:
    return next(_sequence)


def make_agency(
    name: str | None = None, kind: str = AgencyKind.OTHER, *, code: str | None = None, **extra: Any
) -> Agency:
    n = _next()
    return Agency.objects.create(
        code=code or f"agency-{n}",
        name=name or f"Test Agency {n}",
        kind=kind,
        nation=extra.pop("nation", Nation.ENGLAND),
        **extra,
    )


def make_area(
    name: str | None = None,
    *,
    gss_code: str | None = None,
    nation: str = Nation.ENGLAND,
    on_service: bool = True,
    police_force: Agency | None = None,
    **extra: Any,
) -> Area:
    """An area with its own council and a police force (shared if one is given)."""
    n = _next()
    name = name or f"Testshire {n}"
    gss_code = gss_code or f"{'E' if nation == Nation.ENGLAND else 'W'}0{n:07d}"
    council = make_agency(f"{name} Council", AgencyKind.COUNCIL, nation=nation, gss_code=gss_code)
    police = police_force or make_agency(f"{name} Police", AgencyKind.POLICE, nation=nation)
    area = Area.objects.create(
        gss_code=gss_code,
        la_code=extra.pop("la_code", _la_code(n)),
        slug=extra.pop("slug", f"testshire-{n}"),
        name=name,
        official_name=extra.pop("official_name", f"{name} District Council"),
        nation=nation,
        region=extra.pop("region", "East of England" if nation == Nation.ENGLAND else "Wales"),
        area_type=extra.pop("area_type", AreaType.NON_METROPOLITAN_DISTRICT),
        council=council,
        police_force=police,
        on_service=on_service,
        **extra,
    )
    add_agency(area, council)
    add_agency(area, police)
    return area


def _la_code(n: int) -> str:
    # Real codes are three letters; a leading digit keeps test codes clear of them.
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    return "9" + digits[(n // 36) % 36] + digits[n % 36]


def add_agency(area: Area, agency: Agency, *, relevant_body: bool = True) -> AreaAgency:
    link, _ = AreaAgency.objects.get_or_create(
        area=area, agency=agency, defaults={"relevant_body": relevant_body}
    )
    return link


def make_policy(
    area: Area,
    policy: LocalPolicy = REFERENCE_PROCEDURE,
    version: int = 1,
    *,
    effective_from: dt.date = dt.date(2025, 1, 1),
) -> AreaPolicy:
    return AreaPolicy.objects.create(
        area=area, version=version, rules=policy_to_dict(policy), effective_from=effective_from
    )


def make_user(
    email: str | None = None,
    role: str | None = None,
    area: Area | None = None,
    agency: Agency | None = None,
    *,
    password: str | None = PASSWORD,
    full_name: str | None = None,
    **extra: Any,
) -> User:
    """A user, with a membership when ``role`` and ``area`` are given.

    An agency representative without an explicit agency represents the area's police force.
    """
    n = _next()
    user = User.objects.create_user(
        email or f"user{n}@example.test",
        password,
        full_name=full_name or f"Test User {n}",
        **extra,
    )
    if role is not None:
        if area is None:
            raise ValueError("make_user needs an area to give a role in")
        if role == Role.AGENCY_REPRESENTATIVE and agency is None:
            agency = area.police_force
        Membership.objects.create(user=user, role=role, area=area, agency=agency)
    return user
