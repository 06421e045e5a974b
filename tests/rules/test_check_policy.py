from casereview.rules import (
    REFERENCE_PROCEDURE,
    STATUTORY_DEFAULTS,
    Caveat,
    LocalPolicy,
    ReportWindow,
    check_policy,
)


def codes(policy):
    return [finding.code for finding in check_policy(policy)]


def test_the_statutory_defaults_are_not_stricter_than_the_law():
    assert check_policy(STATUTORY_DEFAULTS) == []


def test_a_threshold_above_three_is_flagged_with_section_104_4():
    findings = check_policy(LocalPolicy(threshold=4))
    assert [finding.code for finding in findings] == ["threshold_above_statutory"]
    assert "s.104(4)" in findings[0].reference


def test_a_threshold_below_three_is_allowed():
    assert codes(LocalPolicy(threshold=1)) == []


def test_a_report_window_of_thirty_days_is_shorter_than_one_month():
    assert codes(LocalPolicy(report_within=ReportWindow(days=30))) == [
        "report_window_under_one_month"
    ]


def test_a_report_window_of_thirty_one_days_is_never_shorter_than_one_month():
    assert codes(LocalPolicy(report_within=ReportWindow(days=31))) == []


def test_a_longer_report_window_in_months_is_allowed():
    assert codes(LocalPolicy(report_within=ReportWindow(months=2))) == []


def test_an_application_window_under_six_months_is_flagged():
    findings = check_policy(LocalPolicy(application_within_months=5))
    assert [finding.code for finding in findings] == ["application_window_under_six_months"]
    assert "s.104(11)" in findings[0].reference


def test_excluding_diary_sheets_is_flagged():
    assert codes(LocalPolicy(diary_sheets_count=False)) == ["diary_sheets_excluded"]


def test_each_local_caveat_is_flagged():
    policy = LocalPolicy(
        caveats=(
            Caveat("case_must_be_closed", "The case must be closed"),
            Caveat("separate_households", "Three separate households must complain"),
        )
    )
    assert codes(policy) == ["caveat:case_must_be_closed", "caveat:separate_households"]


def test_the_reference_procedure_is_flagged_for_its_thirty_days_and_its_diary_sheets():
    assert codes(REFERENCE_PROCEDURE) == ["report_window_under_one_month", "diary_sheets_excluded"]


def test_every_finding_cites_the_act():
    policy = LocalPolicy(
        threshold=5,
        report_within=ReportWindow(days=14),
        application_within_months=3,
        diary_sheets_count=False,
        caveats=(Caveat("x", "Something else"),),
    )
    findings = check_policy(policy)
    assert len(findings) == 5
    assert all(
        "Anti-social Behaviour, Crime and Policing Act 2014" in f.reference for f in findings
    )
