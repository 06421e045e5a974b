"""Reads of an area's procedure records: its policy versions, consultations and effectiveness
reviews, and what the law asks of them that is still missing.

Every read takes the area: the pages find the area through the caller's scope
(``casereview.publishing.views.area_or_404``) or, for the public pages, publish only what the
law asks an area to publish about its procedure. None of it is case or victim data.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from casereview.areas.models import AgencyKind, Area, AreaPolicy
from casereview.publishing.models import Consultation, ConsulteeKind, EffectivenessReview
from casereview.rules.policy import LocalPolicy, PolicyError, policy_from_dict

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Version:
    """One version of an area's policy, read, with the day it stopped being in force."""

    record: AreaPolicy
    policy: LocalPolicy | None
    # The effective date of the version that replaced it; None for the current version.
    replaced_on: dt.date | None
    replaced_by: int | None

    @property
    def number(self) -> int:
        return self.record.version

    @property
    def is_current(self) -> bool:
        return self.replaced_by is None


def _read(record: AreaPolicy) -> LocalPolicy | None:
    try:
        return policy_from_dict(record.rules)
    except PolicyError:
        logger.exception("Policy v%s of %s cannot be read", record.version, record.area_id)
        return None


def policy_versions(area: Area) -> list[Version]:
    """Every version of the area's policy, newest first."""
    records = list(
        AreaPolicy.objects.filter(area=area).select_related("created_by").order_by("-version")
    )
    versions = []
    newer: AreaPolicy | None = None
    for record in records:
        versions.append(
            Version(
                record=record,
                policy=_read(record),
                replaced_on=newer.effective_from if newer else None,
                replaced_by=newer.version if newer else None,
            )
        )
        newer = record
    return versions


def policy_version(area: Area, number: int) -> Version | None:
    """Version ``number`` of the area's policy, or None when there is no such version."""
    return next((v for v in policy_versions(area) if v.number == number), None)


def policy_records(area: Area) -> list[AreaPolicy]:
    return list(AreaPolicy.objects.filter(area=area).order_by("-version"))


def consultations_of(area: Area) -> list[Consultation]:
    return list(
        Consultation.objects.filter(area=area)
        .select_related("policy", "agency")
        .order_by("-consulted_on", "consultee_name", "-pk")
    )


def consultation_of(area: Area, pk: int) -> Consultation | None:
    """The consultation ``pk`` of ``area``; None for another area's (the page answers 404)."""
    return Consultation.objects.filter(area=area, pk=pk).select_related("policy", "agency").first()


def reviews_of(area: Area) -> list[EffectivenessReview]:
    return list(
        EffectivenessReview.objects.filter(area=area)
        .select_related("policy", "resulting_policy")
        .order_by("-reviewed_on", "-pk")
    )


@dataclass(frozen=True)
class Gaps:
    """What Schedule 4 asks of the procedure's records that is missing for the current version."""

    pcc_not_consulted: bool
    housing_not_consulted: bool
    no_review: bool
    review_overdue_since: dt.date | None

    @property
    def any(self) -> bool:
        return (
            self.pcc_not_consulted
            or self.housing_not_consulted
            or self.no_review
            or self.review_overdue_since is not None
        )


def _is_housing(consultation: Consultation) -> bool:
    if consultation.consultee_kind == ConsulteeKind.HOUSING_PROVIDER:
        return True
    return consultation.agency is not None and consultation.agency.kind == AgencyKind.HOUSING


def _is_pcc(consultation: Consultation) -> bool:
    if consultation.consultee_kind == ConsulteeKind.PCC:
        return True
    return (
        consultation.agency is not None
        and consultation.agency.kind == AgencyKind.POLICE_AND_CRIME_COMMISSIONER
    )


def gaps(
    current: AreaPolicy | None,
    consultations: list[Consultation],
    reviews: list[EffectivenessReview],
    today: dt.date,
) -> Gaps:
    """Whether the PCC and a social housing provider were consulted on the ``current`` version,
    and whether an effectiveness review has been held and the next one is overdue."""
    on_current = [c for c in consultations if current is not None and c.policy_id == current.pk]
    latest = reviews[0] if reviews else None
    overdue = (
        latest.next_review_due
        if latest is not None
        and latest.next_review_due is not None
        and latest.next_review_due < today
        else None
    )
    return Gaps(
        pcc_not_consulted=current is not None and not any(_is_pcc(c) for c in on_current),
        housing_not_consulted=current is not None and not any(_is_housing(c) for c in on_current),
        no_review=latest is None,
        review_overdue_since=overdue,
    )
