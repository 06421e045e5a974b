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
from datetime import date
from typing import Any

from django.db import connection

from casereview.cases.models import Case, Complaint, ComplaintSource
from casereview.rules import Complaint as RulesComplaint
from casereview.rules import ComplaintKind as RulesComplaintKind
from casereview.rules import (
    LocalPolicy,
    PolicyFinding,
    ThresholdResult,
    check_policy,
    policy_from_dict,
)
from casereview.rules.threshold import ThresholdCount, evaluate_threshold_and_count


@dataclass(frozen=True)
class CaseEvaluation:
    policy_version: int
    result: ThresholdResult
    unconfirmed: tuple[Complaint, ...]
    # Only the verdict and the count: what the page and the stored form show of it.
    if_all_confirmed: ThresholdCount
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


def _as_date(value: date | str) -> date:
    # SQLite returns a date column as its ISO text; PostgreSQL as a date.
    return date.fromisoformat(value) if isinstance(value, str) else value


def _rules_complaints(case: Case) -> tuple[list[RulesComplaint], list[bool]]:
    """Every complaint of ``case`` as the rules engine sees it (``Complaint.to_rules``), in the
    order evaluation uses, and whether each is confirmed. Read as plain rows through the cursor
    rather than model instances or ``values_list``: a case can have tens of thousands of
    complaints, and building a model instance per row cost more than evaluating it, and Django's
    per-value date converters a third of the read (bench/fixes/b1_b2.toml). The statement is the
    queryset's own, compiled once per call."""
    query = case.complaints.order_by("reported_on", "pk").values_list(
        "pk", "behaviour_on", "reported_on", "agency__code", "incident_key", "kind", "source"
    )
    sql, params = query.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    kinds = {kind.value: kind for kind in RulesComplaintKind}
    confirmed_source = ComplaintSource.CONFIRMED_BY_AGENCY.value
    make = RulesComplaint.from_record
    complaints: list[RulesComplaint] = []
    confirmed: list[bool] = []
    for pk, behaviour_on, reported_on, agency_code, incident_key, kind, source in rows:
        complaints.append(
            make(
                str(pk),
                _as_date(behaviour_on),
                _as_date(reported_on),
                agency_code,
                incident_key,
                kinds[kind],
            )
        )
        confirmed.append(source == confirmed_source)
    return complaints, confirmed


def evaluate_case(case: Case) -> CaseEvaluation:
    """Evaluate ``case``'s complaints as at its receipt date (module docstring)."""
    policy = case_policy(case)
    complaints, confirmed = _rules_complaints(case)
    # The confirmed complaints' evaluation and the count "if all were confirmed" share the
    # per-complaint pass (rules.threshold.evaluate_threshold_and_count).
    result, if_all_confirmed = evaluate_threshold_and_count(
        case.received_on, complaints, confirmed, policy
    )
    unconfirmed: tuple[Complaint, ...] = ()
    if not all(confirmed):
        unconfirmed = tuple(
            case.complaints.exclude(source=ComplaintSource.CONFIRMED_BY_AGENCY)
            .select_related("agency")
            .order_by("reported_on", "pk")
        )
    return CaseEvaluation(
        policy_version=case.policy.version,
        result=result,
        unconfirmed=unconfirmed,
        if_all_confirmed=if_all_confirmed,
        findings=tuple(check_policy(policy)),
    )
