"""The demo area's publishing: its procedure's consultations and effectiveness review, a published
release of the current financial year's statistics, and a completed PLEDGE self-assessment.

Everything goes through the same services an area administrator uses, and each piece is added only
once, so running ``seed_demo`` again changes nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.utils import timezone

from casereview.accounts.models import User
from casereview.areas.models import AgencyKind, Area
from casereview.areas.selectors import current_policy_record, relevant_bodies
from casereview.pledge import checklist
from casereview.pledge.evidence import EvidenceStatus, gather
from casereview.pledge.models import Assessment, AssessmentStatus
from casereview.pledge.services import complete_assessment, record_answer, start_assessment
from casereview.publishing.models import (
    Consultation,
    ConsulteeKind,
    EffectivenessReview,
    Release,
    ReleaseStatus,
)
from casereview.publishing.periods import Period
from casereview.publishing.procedure.services import (
    ConsultationDetails,
    record_consultation,
    record_review,
)
from casereview.publishing.releases.services import prepare_draft, publish_release

# The answer the demo gives where the service holds no evidence, or cannot tell.
_UNKNOWN_ANSWER = "partly"


@dataclass
class DemoPublishing:
    added: list[str] = field(default_factory=list)

    def summary(self) -> str:
        if not self.added:
            return "Demo publishing: already present."
        return "Demo publishing: " + "; ".join(self.added) + "."


def seed_demo_publishing(area: Area, *, by: User, today: dt.date | None = None) -> DemoPublishing:
    """Add what the demo area lacks; ``by`` is its area administrator."""
    today = today or timezone.localdate()
    result = DemoPublishing()
    _consultations(area, by, today, result)
    _effectiveness_review(area, by, today, result)
    _release(area, by, today, result)
    _pledge(area, by, today, result)
    return result


def _consultations(area: Area, by: User, today: dt.date, result: DemoPublishing) -> None:
    if Consultation.objects.filter(area=area).exists():
        return
    policy = current_policy_record(area)
    consulted_on = today - dt.timedelta(days=60)
    record_consultation(
        area,
        ConsultationDetails(
            consultee_kind=ConsulteeKind.PCC,
            agency=None,
            consultee_name=f"Police and crime commissioner ({area.police_force.name} area)",
            policy=policy,
            consulted_on=consulted_on,
            response_received_on=consulted_on + dt.timedelta(days=14),
            response_summary="Supports the procedure; asks that victims are offered an advocate.",
            outcome="The procedure now offers every victim an advocate.",
        ),
        by=by,
    )
    housing = [a for a in relevant_bodies(area) if a.kind == AgencyKind.HOUSING]
    for provider in housing:
        record_consultation(
            area,
            ConsultationDetails(
                consultee_kind=ConsulteeKind.HOUSING_PROVIDER,
                agency=provider,
                consultee_name="",
                policy=policy,
                consulted_on=consulted_on,
                response_received_on=None,
                response_summary="",
                outcome="",
            ),
            by=by,
        )
    result.added.append(f"{1 + len(housing)} consultations on the procedure")


def _effectiveness_review(area: Area, by: User, today: dt.date, result: DemoPublishing) -> None:
    if EffectivenessReview.objects.filter(area=area).exists():
        return
    policy = current_policy_record(area)
    reviewed_on = today - dt.timedelta(days=30)
    record_review(
        area,
        reviewed_on=reviewed_on,
        reviewed_by="The community safety partnership's ASB group",
        findings="Decisions are made on time; partners' information often arrives late.",
        changes="Partners are reminded two working days before information is due.",
        policy=policy,
        resulting_policy=None,
        next_review_due=reviewed_on + dt.timedelta(days=365),
        by=by,
    )
    result.added.append("an effectiveness review")


def _release(area: Area, by: User, today: dt.date, result: DemoPublishing) -> None:
    period = Period.financial_year_of(today)
    if Release.objects.filter(
        area=area, period_slug=period.slug, status=ReleaseStatus.PUBLISHED
    ).exists():
        return
    publish_release(prepare_draft(area, period, by=by), by=by)
    result.added.append(f"statistics for {period.slug} published")


def _pledge(area: Area, by: User, today: dt.date, result: DemoPublishing) -> None:
    if Assessment.objects.filter(area=area, status=AssessmentStatus.COMPLETED).exists():
        return
    assessment = start_assessment(area, by=by)
    for item in checklist.ITEMS:
        status = gather(area, today, item.evidence).status if item.evidence else None
        known = status in (EvidenceStatus.YES, EvidenceStatus.PARTLY, EvidenceStatus.NO)
        record_answer(
            assessment,
            item.code,
            answer=str(status) if known else _UNKNOWN_ANSWER,
            evidence="Demo answer: "
            + (
                "as the service's evidence shows."
                if known
                else "in progress, as the demo area's action plan says."
            ),
            by=by,
        )
    completed = complete_assessment(assessment, by=by, today=today)
    result.added.append(f"a PLEDGE self-assessment scoring {completed.percentage}%")
