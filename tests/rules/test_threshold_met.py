from datetime import date

import pytest

from casereview.rules import (
    REFERENCE_PROCEDURE,
    ComplaintKind,
    LocalPolicy,
    ReportWindow,
    evaluate_threshold,
)
from tests.rules.factories import complaint

APPLIED = date(2026, 3, 1)
THREE = [complaint(f"c{day}", date(2026, 1, day)) for day in (5, 12, 19)]


def test_three_qualifying_complaints_about_separate_incidents_meet_the_threshold():
    result = evaluate_threshold(APPLIED, THREE)
    assert result.threshold_met
    assert (result.threshold, result.qualifying_count) == (3, 3)
    assert result.warnings == ()


def test_two_qualifying_complaints_do_not_meet_a_threshold_of_three():
    result = evaluate_threshold(APPLIED, THREE[:2])
    assert not result.threshold_met


def test_a_lower_local_threshold_is_applied():
    result = evaluate_threshold(APPLIED, THREE[:2], LocalPolicy(threshold=2))
    assert result.threshold_met
    assert result.threshold == 2


def test_a_local_threshold_above_three_is_capped_at_three_and_says_so():
    result = evaluate_threshold(APPLIED, THREE, LocalPolicy(threshold=5))
    assert result.threshold_met
    assert result.threshold == 3
    assert result.policy_threshold == 5
    assert len(result.warnings) == 1
    assert "caps the threshold at 3" in result.warnings[0]
    assert "s.104(4)" in result.warnings[0]


def test_no_complaints_do_not_meet_the_threshold():
    result = evaluate_threshold(APPLIED, [])
    assert not result.threshold_met
    assert result.qualifying_count == 0


def test_a_complaint_shut_out_only_by_a_local_thirty_day_window_is_named_in_a_warning():
    items = [
        complaint("c1", date(2026, 1, 1), date(2026, 1, 31)),
        complaint("c2", date(2026, 1, 1), date(2026, 2, 1)),
    ]
    result = evaluate_threshold(
        APPLIED,
        items,
        LocalPolicy(report_within=ReportWindow(days=30), same_day_is_same_occasion=False),
    )
    assert result.warnings == (
        "Complaint c2 was reported outside the local window of 30 days but within the one month "
        "the law allows (Anti-social Behaviour, Crime and Policing Act 2014, s.104(11)).",
    )


def test_a_complaint_late_under_the_law_too_gets_no_warning():
    items = [complaint("c1", date(2026, 1, 1), date(2026, 2, 2))]
    result = evaluate_threshold(APPLIED, items, LocalPolicy(report_within=ReportWindow(days=30)))
    assert result.warnings == ()


def test_complaints_shut_out_by_a_short_application_window_are_named_in_a_warning():
    items = [complaint("c1", date(2025, 10, 1)), complaint("c2", date(2025, 10, 2))]
    result = evaluate_threshold(APPLIED, items, LocalPolicy(application_within_months=3))
    assert result.qualifying_count == 0
    assert result.warnings[0].startswith("Complaints c1, c2 were made more than 3 months")


def test_diary_sheets_left_out_by_the_policy_are_named_in_a_warning():
    sheet = complaint("d1", date(2026, 1, 20), kind=ComplaintKind.DIARY_SHEET)
    result = evaluate_threshold(APPLIED, [sheet], REFERENCE_PROCEDURE)
    assert result.warnings[0].startswith("Diary sheet d1 was not counted")


def test_a_warning_names_at_most_ten_complaints():
    items = [
        complaint(f"c{day}", date(2026, 1, day), kind=ComplaintKind.DIARY_SHEET)
        for day in range(1, 13)
    ]
    result = evaluate_threshold(APPLIED, items, REFERENCE_PROCEDURE)
    assert "c10 and 2 more were" in result.warnings[0]


def test_two_complaints_with_one_id_are_refused():
    with pytest.raises(ValueError, match="more than once"):
        evaluate_threshold(
            APPLIED, [complaint("c1", date(2026, 1, 5)), complaint("c1", date(2026, 1, 6))]
        )


def test_a_complaint_cannot_be_reported_before_the_behaviour():
    with pytest.raises(ValueError, match="reported before the behaviour"):
        complaint("c1", date(2026, 1, 5), date(2026, 1, 4))
