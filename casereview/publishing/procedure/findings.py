"""The statutory policy check in the reader's language.

``casereview.rules.policy_check`` is pure Python and speaks English only; its findings carry a
stable ``code``. Here each code becomes a translated sentence, built from the same numbers the
check used, so the administrator's page, the public statement and the PLEDGE all say the same
thing in English and Welsh.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from casereview.areas.presenters import calendar_days, months
from casereview.rules.policy import (
    STATUTORY_APPLICATION_WINDOW_MONTHS,
    STATUTORY_MAX_THRESHOLD,
    LocalPolicy,
)
from casereview.rules.policy_check import PolicyFinding, check_policy

CAVEAT_PREFIX = "caveat:"


@dataclass(frozen=True)
class FindingText:
    """One finding in words: what the policy does, what the law says, and where the law says it."""

    code: str
    text: str
    law: str
    reference: str


def _caveat_description(finding: PolicyFinding, policy: LocalPolicy) -> str:
    code = finding.code.removeprefix(CAVEAT_PREFIX)
    for caveat in policy.caveats:
        if caveat.code == code:
            return caveat.description
    return code


def describe_finding(finding: PolicyFinding, policy: LocalPolicy) -> str:
    """What ``policy`` asks that the law does not, as one plain sentence in the active language.

    An unknown code (a check added to the rules engine before its words were added here) falls
    back to the engine's English message rather than hiding the finding.
    """
    code = finding.code
    if code == "threshold_above_statutory":
        return _(
            "The policy asks for %(n)s qualifying complaints, but the law allows no more than "
            "%(max)s, so %(max)s are enough."
        ) % {"n": policy.threshold, "max": STATUTORY_MAX_THRESHOLD}
    if code == "report_window_under_one_month":
        return _(
            "The policy says complaints must be made within %(period)s of the behaviour, but the "
            "law counts any complaint made within one calendar month, which is sometimes longer."
        ) % {"period": calendar_days(policy.report_within.days or 0)}
    if code == "application_window_under_six_months":
        return _(
            "The policy says applications must be made within %(period)s of a complaint, but the "
            "law allows %(law)s."
        ) % {
            "period": months(policy.application_within_months),
            "law": months(STATUTORY_APPLICATION_WINDOW_MONTHS),
        }
    if code == "diary_sheets_excluded":
        return _(
            "The policy does not count diary sheets as complaints, but the law counts any "
            "complaint made to a relevant body in time, whatever form it takes."
        )
    if code.startswith(CAVEAT_PREFIX):
        return _(
            "The policy adds a condition the law does not have: “%(condition)s”. It could stop "
            "an application that meets the law's threshold."
        ) % {"condition": _caveat_description(finding, policy)}
    return finding.message


def what_the_law_says(finding: PolicyFinding) -> str:
    """The rule of the law a finding is measured against, in the active language."""
    code = finding.code
    if code == "threshold_above_statutory" or code.startswith(CAVEAT_PREFIX):
        return _(
            "A review must be carried out when the threshold is met. The law lets a council set "
            "the threshold, but no higher than %(max)s qualifying complaints, and adds no other "
            "conditions."
        ) % {"max": STATUTORY_MAX_THRESHOLD}
    if code in (
        "report_window_under_one_month",
        "application_window_under_six_months",
        "diary_sheets_excluded",
    ):
        return _(
            "A complaint qualifies when it is made to a relevant body within one month of the "
            "behaviour, and the application is made within %(period)s of the complaint."
        ) % {"period": months(STATUTORY_APPLICATION_WINDOW_MONTHS)}
    return finding.reference


def findings_in_words(policy: LocalPolicy) -> list[FindingText]:
    """Every point on which ``policy`` is stricter than the law, in words; empty when none."""
    return [
        FindingText(
            code=finding.code,
            text=describe_finding(finding, policy),
            law=what_the_law_says(finding),
            reference=finding.reference,
        )
        for finding in check_policy(policy)
    ]
