"""What the eligibility check reads: the area, the rules it applies and its relevant bodies.

The check is a public page and must keep working when an area is not on the service or its
policy record cannot be read: it then checks against the law's own defaults and says so.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from casereview.areas import selectors as areas
from casereview.areas.models import Agency, Area
from casereview.rules import STATUTORY_DEFAULTS, LocalPolicy, PolicyError, policy_from_dict

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class CheckArea:
    """An area as the check sees it. ``on_service`` is False when the area does not run its
    review here (or its policy cannot be read); ``policy`` is then the statutory defaults."""

    area: Area
    policy: LocalPolicy
    on_service: bool
    bodies: tuple[Agency, ...]

    def body_name(self, key: str) -> str | None:
        """The name of the relevant body with this key (its primary key as text), if any."""
        return next((body.name for body in self.bodies if str(body.pk) == key), None)


def check_area(slug: str) -> CheckArea | None:
    """The area with this slug and the rules a check there applies, or None for no such area."""
    area = areas.area_by_slug(slug)
    if area is None:
        return None
    policy: LocalPolicy | None = None
    record = areas.current_policy_record(area) if area.on_service else None
    if record is not None:
        try:
            policy = policy_from_dict(record.rules)
        except PolicyError:
            # A damaged record must not take the public check down: it falls back to the law,
            # and the log tells the administrators.
            logger.exception("Policy v%s of %s cannot be read", record.version, area.gss_code)
    bodies = sorted(areas.relevant_bodies(area), key=lambda body: body.name)
    return CheckArea(
        area=area,
        policy=policy if policy is not None else STATUTORY_DEFAULTS,
        on_service=policy is not None,
        bodies=tuple(bodies),
    )
