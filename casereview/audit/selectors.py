"""Reads of the audit log for its viewer, scoped to the caller: an area administrator sees the
records of the areas they administer (a case's records belong to the case's area), nothing else.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import QuerySet
from django.utils import timezone

from casereview.accounts.models import Role
from casereview.accounts.scoping import scope
from casereview.audit.models import AuditRecord

VIEWER_ROLES = (Role.AREA_ADMINISTRATOR,)


@dataclass(frozen=True)
class AuditFilters:
    who: str = ""
    kind: str = ""
    case_reference: str = ""
    date_from: dt.date | None = None
    date_to: dt.date | None = None


def viewer_area_ids(user: AbstractBaseUser | AnonymousUser) -> frozenset[int]:
    """The areas whose audit records ``user`` may see."""
    return scope(user).area_ids(VIEWER_ROLES)


def _start_of(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def records_for(
    user: AbstractBaseUser | AnonymousUser, filters: AuditFilters
) -> QuerySet[AuditRecord]:
    """The audit records ``user`` may see that ``filters`` select, newest first."""
    records = AuditRecord.objects.filter(scope(user).area_q("area_id", VIEWER_ROLES))
    if filters.who:
        records = records.filter(actor__icontains=filters.who)
    if filters.kind:
        records = records.filter(kind=filters.kind)
    if filters.case_reference:
        records = records.filter(case_reference__icontains=filters.case_reference)
    if filters.date_from is not None:
        records = records.filter(at__gte=_start_of(filters.date_from))
    if filters.date_to is not None:
        records = records.filter(at__lt=_start_of(filters.date_to + dt.timedelta(days=1)))
    return records.order_by("-seq")
