"""The rules engine's policy check speaks English only; each finding is told again by its code,
with the same numbers, in the active language (a caveat by its own description)."""

from __future__ import annotations

from dataclasses import replace

from django.utils import translation

from casereview.publishing.procedure.findings import describe_finding, findings_in_words
from casereview.rules.policy import (
    STATUTORY_DEFAULTS,
    Caveat,
    LocalPolicy,
    ReportWindow,
)
from casereview.rules.policy_check import PolicyFinding, check_policy

STRICT = replace(
    STATUTORY_DEFAULTS,
    threshold=4,
    report_within=ReportWindow(days=30),
    application_within_months=3,
    diary_sheets_count=False,
    caveats=(Caveat("households", "Three separate households must be affected"),),
)


def described(policy: LocalPolicy) -> list[str]:
    return [describe_finding(finding, policy) for finding in check_policy(policy)]


def test_each_finding_is_one_sentence_with_the_policys_numbers():
    with translation.override("en"):
        assert described(STRICT) == [
            "The policy asks for 4 qualifying complaints, but the law allows no more than 3, "
            "so 3 are enough.",
            "The policy says complaints must be made within 30 days of the behaviour, but the "
            "law counts any complaint made within one calendar month, which is sometimes longer.",
            "The policy says applications must be made within 3 months of a complaint, but the "
            "law allows 6 months.",
            "The policy does not count diary sheets as complaints, but the law counts any "
            "complaint made to a relevant body in time, whatever form it takes.",
            "The policy adds a condition the law does not have: “Three separate households must "
            "be affected”. It could stop an application that meets the law's threshold.",
        ]


def test_each_finding_says_what_the_law_says_and_where():
    with translation.override("en"):
        found = findings_in_words(STRICT)
    assert [f.code for f in found] == [
        "threshold_above_statutory",
        "report_window_under_one_month",
        "application_window_under_six_months",
        "diary_sheets_excluded",
        "caveat:households",
    ]
    assert all(f.law and f.reference.startswith("Anti-social Behaviour") for f in found)
    assert "no higher than 3 qualifying complaints" in found[0].law


def test_a_policy_no_stricter_than_the_law_has_nothing_to_say():
    assert findings_in_words(STATUTORY_DEFAULTS) == []


def test_an_unknown_code_falls_back_to_the_engines_words():
    finding = PolicyFinding("something_new", "Something new is stricter.", "s.104")
    assert describe_finding(finding, STATUTORY_DEFAULTS) == "Something new is stricter."


def test_in_welsh_the_findings_are_welsh():
    with translation.override("cy"):
        lines = described(STRICT)
    assert lines[0].startswith("Mae\u2019r polisi\u2019n gofyn am 4 cwyn gymwys")
    assert "30 diwrnod" in lines[1]
    assert "Tair aelwyd" not in lines[4]
    assert "“Three separate households must be affected”" in lines[4]
    assert lines[4].startswith("Mae\u2019r polisi\u2019n ychwanegu amod")
