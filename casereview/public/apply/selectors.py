"""Reads for the online application: the area and its live policy, and the draft this browser
session is filling in. Views read through here."""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass

from django.http import HttpRequest

from casereview.areas import selectors as areas
from casereview.areas.models import Agency, Area
from casereview.public.models import ApplicationDraft
from casereview.rules import LocalPolicy, PolicyError, policy_from_dict

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ApplyArea:
    """An area taking applications online: on the service, with a readable live policy."""

    area: Area
    policy: LocalPolicy
    bodies: list[Agency]


def area_by_slug(slug: str) -> Area | None:
    return areas.area_by_slug(slug)


def taking_applications(area: Area) -> ApplyArea | None:
    """The area with its live policy and relevant bodies, or None when it does not take
    applications on this service (not on it, no policy, or a policy that cannot be read)."""
    if not area.on_service:
        return None
    record = areas.current_policy_record(area)
    if record is None:
        return None
    try:
        policy = policy_from_dict(record.rules)
    except PolicyError:
        # The start page then says to contact the council; the log tells the administrators.
        logger.exception("Policy v%s of %s cannot be read", record.version, area.gss_code)
        return None
    return ApplyArea(area, policy, sorted(areas.relevant_bodies(area), key=lambda a: a.name))


def session_key(area: Area) -> str:
    return f"public.apply.{area.slug}"


def draft_in_session(request: HttpRequest, area: Area) -> ApplicationDraft | None:
    """The draft this browser session holds for ``area``, if it still exists."""
    held = request.session.get(session_key(area))
    try:
        pk = uuid.UUID(str(held))
    except (TypeError, ValueError):
        return None
    return ApplicationDraft.objects.select_related("area", "case").filter(pk=pk, area=area).first()
