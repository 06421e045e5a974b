"""The rules engine's view of a case: its complaints evaluated under its policy version.

Only complaints an agency has confirmed (``ComplaintSource.CONFIRMED_BY_AGENCY``) are evaluated:
a threshold decision rests on the relevant bodies' records, which is why every relevant body is
asked for information. Complaints the applicant stated that no agency has confirmed are listed
as ``unconfirmed_complaints`` so the coordinator can chase them (recording the agency's response
confirms them); ``if_all_confirmed`` says whether the threshold would be met if they were, so a
"not met" that hangs on an unanswered request is visible before the decision.

The stored form (``to_json``) carries the engine's warnings about local rules stricter than the
law and the statutory policy check's findings, so a decision never rests on such a rule without
the record showing it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from casereview.cases.models import Case, Complaint
from casereview.rules import (
    LocalPolicy,
    PolicyFinding,
    ThresholdResult,
    check_policy,
    evaluate_threshold,
    policy_from_dict,
)


@dataclass(frozen=True)
class CaseEvaluation:
    policy_version: int
    result: ThresholdResult
    unconfirmed: tuple[Complaint, ...]
    if_all_confirmed: ThresholdResult
    findings: tuple[PolicyFinding, ...]

    @property
    def threshold_met(self) -> bool:
        return self.result.threshold_met

    def to_json(self, case: Case) -> dict[str, Any]:
        result = self.result
        return {
            "application_date": case.received_on.isoformat(),
            "policy_version": self.policy_version,
            "threshold_met": result.threshold_met,
            "threshold": result.threshold,
            "policy_threshold": result.policy_threshold,
            "qualifying_count": result.qualifying_count,
            "complaints": [
                {
                    "id": outcome.id,
                    "qualifying": outcome.qualifying,
                    "counted": outcome.counted,
                    "same_as": outcome.same_as,
                    "reasons": [reason.value for reason in outcome.reasons],
                    "report_by": outcome.report_by.isoformat(),
                    "apply_by": outcome.apply_by.isoformat(),
                }
                for outcome in result.complaints
            ],
            "unconfirmed_complaints": [str(complaint.pk) for complaint in self.unconfirmed],
            "if_all_confirmed": {
                "threshold_met": self.if_all_confirmed.threshold_met,
                "qualifying_count": self.if_all_confirmed.qualifying_count,
            },
            "warnings": list(result.warnings),
            "policy_findings": [
                {"code": f.code, "message": f.message, "reference": f.reference}
                for f in self.findings
            ],
        }


def case_policy(case: Case) -> LocalPolicy:
    """The rules of the policy version ``case`` was received under."""
    return policy_from_dict(case.policy.rules)


def evaluate_case(case: Case) -> CaseEvaluation:
    """Evaluate ``case``'s complaints as at its receipt date (module docstring)."""
    policy = case_policy(case)
    complaints = list(case.complaints.select_related("agency").order_by("reported_on", "pk"))
    confirmed = [c.to_rules() for c in complaints if c.is_confirmed]
    return CaseEvaluation(
        policy_version=case.policy.version,
        result=evaluate_threshold(case.received_on, confirmed, policy),
        unconfirmed=tuple(c for c in complaints if not c.is_confirmed),
        if_all_confirmed=evaluate_threshold(
            case.received_on, [c.to_rules() for c in complaints], policy
        ),
        findings=tuple(check_policy(policy)),
    )
