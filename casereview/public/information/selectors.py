"""Reads for the information pages: an area, its live policy, and the facts of the case this
browser is tracking (only when it belongs to the area asked about)."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from django.http import Http404, HttpRequest

from casereview.areas import selectors as area_selectors
from casereview.areas.models import Agency, Area, AreaPolicy
from casereview.public.access import tracked_case
from casereview.publishing.models import Consultation, EffectivenessReview
from casereview.publishing.procedure import selectors as procedure_selectors
from casereview.publishing.procedure.selectors import Version
from casereview.rules.policy import LocalPolicy, PolicyError, policy_from_dict

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class LivePolicy:
    """The policy version in force in an area on the service, read and checked."""

    record: AreaPolicy
    policy: LocalPolicy

    @property
    def version(self) -> int:
        return self.record.version

    @property
    def effective_from(self) -> dt.date:
        return self.record.effective_from


@dataclass(frozen=True)
class CaseFacts:
    """What a letter may say about the person's own case: its reference and its dates."""

    reference: str
    received_on: dt.date
    decided_on: dt.date | None
    threshold_met: bool | None
    ended_on: dt.date | None


def area_or_404(slug: str) -> Area:
    found = area_selectors.area_by_slug(slug)
    if found is None:
        raise Http404("No such area")
    return found


def live_policy(area: Area) -> LivePolicy | None:
    """The area's current policy when the area runs its review on this service; None when it
    does not, has no policy, or its policy record cannot be read (logged for administrators)."""
    if not area.on_service:
        return None
    record = area_selectors.current_policy_record(area)
    if record is None:
        return None
    try:
        return LivePolicy(record, policy_from_dict(record.rules))
    except PolicyError:
        logger.exception("Policy v%s of %s cannot be read", record.version, area.gss_code)
        return None


@dataclass(frozen=True)
class ProcedureRecords:
    """What the published procedure says about its own making: every version, who was
    consulted on it (Schedule 4 paragraphs 1-2) and the reviews of how well it works
    (paragraph 4)."""

    versions: list[Version]
    consultations: list[Consultation]
    reviews: list[EffectivenessReview]

    @property
    def current(self) -> Version | None:
        return self.versions[0] if self.versions else None


def procedure_records(area: Area) -> ProcedureRecords:
    return ProcedureRecords(
        versions=procedure_selectors.policy_versions(area),
        consultations=procedure_selectors.consultations_of(area),
        reviews=procedure_selectors.reviews_of(area),
    )


def version_policy(area: Area, records: ProcedureRecords, number: int) -> LivePolicy | None:
    """Version ``number`` of the policy of an area on the service, read; None when the area is
    not on the service, there is no such version or it cannot be read (logged)."""
    if not area.on_service:
        return None
    found = next((v for v in records.versions if v.number == number), None)
    if found is None or found.policy is None:
        return None
    return LivePolicy(found.record, found.policy)


def relevant_bodies(area: Area) -> list[Agency]:
    return area_selectors.relevant_bodies(area)


def tracked_case_facts(request: HttpRequest, area: Area) -> CaseFacts | None:
    """The facts of the case this session tracks, if it is a case of ``area``."""
    case = tracked_case(request)
    if case is None or case.area_id != area.pk:
        return None
    return CaseFacts(
        reference=case.reference,
        received_on=case.received_on,
        decided_on=case.decided_on,
        threshold_met=case.threshold_met,
        ended_on=case.ended_on,
    )
