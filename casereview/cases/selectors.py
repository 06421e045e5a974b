"""Reads of case data. Every read that serves a person goes through ``cases_for``, which applies
their scope (``casereview.accounts.scoping``)."""

from __future__ import annotations

from collections.abc import Sequence

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Q, QuerySet

from casereview.accounts.models import Role
from casereview.accounts.scoping import scope
from casereview.areas.models import Area
from casereview.cases.models import (
    Case,
    normalise_name,
    normalise_phone,
    normalise_postcode,
)
from casereview.cases.workflow import FINAL_STATUSES
from casereview.core.prepared import Prepared

# Roles that see every case of their area. Agency representatives, chairs and appeal reviewers
# are granted narrower views by later issues; until then they see none.
AREA_CASE_ROLES = (Role.COORDINATOR, Role.AREA_ADMINISTRATOR, Role.READ_ONLY)
# Roles that may take the steps of a case.
CASE_WORKER_ROLES = (Role.COORDINATOR, Role.AREA_ADMINISTRATOR)


def cases_for(user: AbstractBaseUser | AnonymousUser | None) -> QuerySet[Case]:
    """The cases ``user`` may see: their areas' cases for area roles, nothing otherwise."""
    return Case.objects.filter(scope(user).area_q("area", roles=AREA_CASE_ROLES)).select_related(
        "area", "spoc"
    )


def _case_by_reference(
    areas: list[int], reference: str, *, related: tuple[str, ...]
) -> QuerySet[Case]:
    """The case with ``reference`` among the cases of ``areas``, as ``cases_for`` reads it."""
    return Case.objects.filter(area__in=areas, reference=reference).select_related(
        "area", "spoc", *related
    )[:1]


# Every staff page of a case starts by finding it: compiled once per connection and shape.
_CASE_BY_REFERENCE = Prepared(_case_by_reference)


def case_for(
    user: AbstractBaseUser | AnonymousUser | None, reference: str, *, related: Sequence[str] = ()
) -> Case | None:
    """The case with ``reference`` if ``user`` may see it; None otherwise (views answer 404).
    ``related``: relations to read in the same query, for a page that shows them.

    The same as ``cases_for(user).filter(reference=...).first()`` (the areas where the user
    holds an area role, no area for no such role), through a prepared statement."""
    areas = sorted(scope(user).area_ids(AREA_CASE_ROLES))
    return _CASE_BY_REFERENCE.first(areas, reference.strip().upper(), related=tuple(related))


def victim_keys(name: str, postcode: str, email: str, phone: str) -> tuple[str, str, str, str]:
    """What a victim is matched by: their name and postcode, e-mail address and phone number,
    each normalised as the case stores it (ignoring case and spacing)."""
    return (
        normalise_name(name),
        normalise_postcode(postcode),
        email.strip().lower(),
        normalise_phone(phone),
    )


def victim_match(name_key: str, postcode_key: str, email_key: str, phone_key: str) -> Q:
    """Cases of the victim with these keys (``victim_keys``): the same name and postcode, or
    the same e-mail address, or the same phone number; a key left empty matches nothing."""
    match = Q(pk__in=[])
    if name_key and postcode_key:
        match |= Q(victim_name_key=name_key, victim_postcode_key=postcode_key)
    if email_key:
        match |= Q(victim_email_key=email_key)
    if phone_key:
        match |= Q(victim_phone_key=phone_key)
    return match


def earlier_cases_of_victim(
    area: Area,
    *,
    name: str = "",
    postcode: str = "",
    email: str = "",
    phone: str = "",
    exclude: Case | None = None,
) -> QuerySet[Case]:
    """Cases of the same victim in ``area``, newest first (``victim_match``).

    Not scoped: it serves the screening of a new application, which the caller is already
    entitled to act on in ``area``.
    """
    found = Case.objects.filter(victim_match(*victim_keys(name, postcode, email, phone)), area=area)
    if exclude is not None and exclude.pk is not None:
        found = found.exclude(pk=exclude.pk)
    return found.order_by("-received_on", "-pk")


def earlier_cases_of(case: Case) -> QuerySet[Case]:
    """Other cases of ``case``'s victim in its area."""
    return earlier_cases_of_victim(
        case.area,
        name=case.victim_name,
        postcode=case.victim_postcode,
        email=case.victim_email,
        phone=case.victim_phone,
        exclude=case,
    )


def pending_cases(cases: QuerySet[Case]) -> QuerySet[Case]:
    """Those of ``cases`` not yet in a final status: their actions are still pending."""
    return cases.exclude(status__in=FINAL_STATUSES)
