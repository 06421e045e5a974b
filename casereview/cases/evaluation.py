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
from itertools import compress
from operator import not_
from typing import Any

from django.db import connection
from django.db.models import BooleanField, ExpressionWrapper, Q, TextField
from django.db.models.functions import Cast

from casereview.cases.models import Case, Complaint, ComplaintSource
from casereview.rules import (
    LocalPolicy,
    PolicyFinding,
    ThresholdResult,
    check_policy,
    policy_from_dict,
)
from casereview.rules.threshold import ThresholdCount, evaluate_records


@dataclass(frozen=True)
class CaseEvaluation:
    policy_version: int
    result: ThresholdResult
    # The primary keys of the complaints no agency has confirmed, in evaluation order: all the
    # stored form and the decision page use of them. Loading them as model instances here cost
    # a query and a model per row; the step that chases them reads them itself
    # (step_forms.unconfirmed_complaints).
    unconfirmed: tuple[int, ...]
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
            "unconfirmed_complaints": [str(pk) for pk in self.unconfirmed],
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


@dataclass(frozen=True)
class _RowsStatement:
    sql: str
    params: tuple[Any, ...]
    case_at: int  # the position of the case id among ``params``
    text_dates: bool  # whether the dates come back as ISO text

    def parameters(self, case_id: int) -> list[Any]:
        params = list(self.params)
        params[self.case_at] = case_id
        return params


# The complaint rows' statement, compiled once per database connection setting (alias and
# vendor): compiling the queryset cost Django about as much as SQLite took to run it.
_ROWS_SQL: dict[tuple[str, str], _RowsStatement] = {}
# The case id the statement is compiled with, replaced by the real one when it runs.
_ANY_CASE = -1


def _complaint_rows_sql() -> _RowsStatement:
    """The statement reading a case's complaints as the rules engine needs them, in evaluation
    order (id, behaviour date, reported date, incident key, kind, whether confirmed).

    On SQLite a date column comes back through Django's registered converter, a Python call
    per value (``parse_date``); cast to text it comes back as the stored ISO text, which
    ``date.fromisoformat`` reads faster. Other databases (psycopg) return dates as dates.
    Whether a complaint is confirmed comes back as a comparison, not its source's text."""
    key = (connection.alias, connection.vendor)
    found = _ROWS_SQL.get(key)
    if found is not None:
        return found
    text_dates = connection.vendor == "sqlite"
    rows = Complaint.objects.filter(case_id=_ANY_CASE).annotate(
        confirmed=ExpressionWrapper(
            Q(source=ComplaintSource.CONFIRMED_BY_AGENCY.value), output_field=BooleanField()
        )
    )
    if text_dates:
        rows = rows.annotate(
            behaviour_text=Cast("behaviour_on", TextField()),
            reported_text=Cast("reported_on", TextField()),
        )
        dates = ("behaviour_text", "reported_text")
    else:
        dates = ("behaviour_on", "reported_on")
    query = rows.order_by("reported_on", "pk").values_list(
        "pk", *dates, "incident_key", "kind", "confirmed"
    )
    sql, params = query.query.sql_with_params()
    if list(params).count(_ANY_CASE) != 1:
        raise RuntimeError(f"the complaint rows' statement has parameters {params!r}")
    found = _ROWS_SQL[key] = _RowsStatement(
        sql, tuple(params), list(params).index(_ANY_CASE), text_dates
    )
    return found


def evaluate_case(case: Case) -> CaseEvaluation:
    """Evaluate ``case``'s complaints as at its receipt date (module docstring).

    The complaints are read as plain rows through the cursor and handed to the engine field by
    field (``rules.threshold.evaluate_records``: each is ``Complaint.to_rules`` less the agency,
    which plays no part in evaluation), rather than as model instances, ``values_list`` rows or
    the engine's ``Complaint`` objects: a case can have tens of thousands of complaints, and
    each of those cost more per complaint than evaluating it (bench/fixes/b1_b2.toml)."""
    policy = case_policy(case)
    statement = _complaint_rows_sql()
    with connection.cursor() as cursor:
        cursor.execute(statement.sql, statement.parameters(case.pk))
        rows = cursor.fetchall()
    if rows:
        pks, behaviour, reported, incidents, kinds, confirmed = zip(*rows, strict=True)
    else:
        pks = behaviour = reported = incidents = kinds = confirmed = ()
    if statement.text_dates:
        behaviour = tuple(map(date.fromisoformat, behaviour))
        reported = tuple(map(date.fromisoformat, reported))
    include = list(map(bool, confirmed))
    # The confirmed complaints' evaluation and the count "if all were confirmed" share the
    # per-complaint pass.
    result, if_all_confirmed = evaluate_records(
        case.received_on,
        list(map(str, pks)),
        behaviour,
        reported,
        incidents,
        kinds,
        include,
        policy,
    )
    return CaseEvaluation(
        policy_version=case.policy.version,
        result=result,
        unconfirmed=tuple(compress(pks, map(not_, include))),
        if_all_confirmed=if_all_confirmed,
        findings=tuple(check_policy(policy)),
    )
