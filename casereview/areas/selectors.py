"""Reads of areas and their policies."""

from __future__ import annotations

from casereview.areas.models import Area, AreaPolicy
from casereview.rules.policy import LocalPolicy, policy_from_dict


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
