"""The statutory policy check: every way a local policy is stricter than the law.

A local procedure may lower the threshold or widen the windows, but not the other way round. A
stricter policy is stored as written (so it can be published and challenged); this check is what
the area administrator, the PLEDGE self-assessment and the published procedure show about it.
"""

from __future__ import annotations

from dataclasses import dataclass

from casereview.rules.policy import (
    STATUTORY_APPLICATION_WINDOW_MONTHS,
    STATUTORY_MAX_THRESHOLD,
    LocalPolicy,
)
from casereview.rules.threshold import SECTION_QUALIFYING, SECTION_THRESHOLD

# The longest calendar month: a window of fewer days than this is shorter than "one month" for
# behaviour on some date (30 days from 1 January ends on 31 January, one month on 1 February).
_DAYS_IN_LONGEST_MONTH = 31


@dataclass(frozen=True)
class PolicyFinding:
    code: str
    message: str
    reference: str


def check_policy(policy: LocalPolicy) -> list[PolicyFinding]:
    """Findings in a fixed order; an empty list means nothing is stricter than the law."""
    findings: list[PolicyFinding] = []
    if policy.threshold > STATUTORY_MAX_THRESHOLD:
        findings.append(
            PolicyFinding(
                "threshold_above_statutory",
                f"The policy asks for {policy.threshold} qualifying complaints; the law does not "
                f"allow a threshold above {STATUTORY_MAX_THRESHOLD}. Evaluation applies "
                f"{STATUTORY_MAX_THRESHOLD}.",
                SECTION_THRESHOLD,
            )
        )
    window = policy.report_within
    if window.days is not None and window.days < _DAYS_IN_LONGEST_MONTH:
        findings.append(
            PolicyFinding(
                "report_window_under_one_month",
                f"Complaints must be made within {window.describe()} of the behaviour; the law "
                "counts any complaint made within one calendar month, which is longer for "
                "behaviour in a month of 31 days or at the end of a month.",
                SECTION_QUALIFYING,
            )
        )
    if policy.application_within_months < STATUTORY_APPLICATION_WINDOW_MONTHS:
        findings.append(
            PolicyFinding(
                "application_window_under_six_months",
                f"Applications must be made within {policy.application_within_months} months of "
                f"a complaint; the law allows {STATUTORY_APPLICATION_WINDOW_MONTHS} months.",
                SECTION_QUALIFYING,
            )
        )
    if not policy.diary_sheets_count:
        findings.append(
            PolicyFinding(
                "diary_sheets_excluded",
                "Diary sheets are not counted as complaints; the law counts any complaint about "
                "the behaviour made to a relevant body in time, whatever form it takes.",
                SECTION_QUALIFYING,
            )
        )
    findings.extend(
        PolicyFinding(
            f"caveat:{caveat.code}",
            f"Local condition '{caveat.description}' can exclude complaints or applications "
            "that meet the statutory threshold.",
            SECTION_THRESHOLD,
        )
        for caveat in policy.caveats
    )
    return findings
