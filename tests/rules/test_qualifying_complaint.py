"""Each condition of a qualifying complaint, at its boundary (s.104(11))."""

from datetime import date

from casereview.rules import (
    REFERENCE_PROCEDURE,
    STATUTORY_DEFAULTS,
    ComplaintKind,
    LocalPolicy,
    Reason,
    ReportWindow,
    evaluate_threshold,
)
from tests.rules.factories import complaint


def outcome(application_date, item, policy=STATUTORY_DEFAULTS):
    return evaluate_threshold(application_date, [item], policy).complaints[0]


def test_a_complaint_reported_exactly_one_month_after_the_behaviour_qualifies():
    result = outcome(date(2026, 3, 1), complaint("c1", date(2026, 1, 15), date(2026, 2, 15)))
    assert result.qualifying
    assert result.reasons == ()


def test_a_complaint_reported_a_day_after_one_month_is_late():
    result = outcome(date(2026, 3, 1), complaint("c1", date(2026, 1, 15), date(2026, 2, 16)))
    assert not result.qualifying
    assert result.reasons == (Reason.REPORTED_LATE,)


def test_one_month_after_31_january_ends_on_28_february():
    on_time = outcome(date(2026, 3, 10), complaint("c1", date(2026, 1, 31), date(2026, 2, 28)))
    late = outcome(date(2026, 3, 10), complaint("c2", date(2026, 1, 31), date(2026, 3, 1)))
    assert on_time.qualifying
    assert late.reasons == (Reason.REPORTED_LATE,)


def test_one_month_after_31_january_in_a_leap_year_ends_on_29_february():
    on_time = outcome(date(2028, 3, 10), complaint("c1", date(2028, 1, 31), date(2028, 2, 29)))
    late = outcome(date(2028, 3, 10), complaint("c2", date(2028, 1, 31), date(2028, 3, 1)))
    assert on_time.qualifying
    assert late.reasons == (Reason.REPORTED_LATE,)


def test_a_thirty_day_window_ends_thirty_days_after_the_behaviour():
    policy = LocalPolicy(report_within=ReportWindow(days=30))
    on_time = outcome(
        date(2026, 3, 1), complaint("c1", date(2026, 1, 1), date(2026, 1, 31)), policy
    )
    late = outcome(date(2026, 3, 1), complaint("c2", date(2026, 1, 1), date(2026, 2, 1)), policy)
    assert on_time.qualifying
    assert late.reasons == (Reason.REPORTED_LATE,)


def test_an_application_exactly_six_months_after_the_complaint_can_rely_on_it():
    result = outcome(date(2026, 7, 10), complaint("c1", date(2026, 1, 10)))
    assert result.qualifying


def test_an_application_a_day_more_than_six_months_after_the_complaint_cannot():
    result = outcome(date(2026, 7, 11), complaint("c1", date(2026, 1, 10)))
    assert result.reasons == (Reason.TOO_OLD,)


def test_six_months_after_31_august_ends_on_the_last_day_of_february():
    in_time = outcome(date(2026, 2, 28), complaint("c1", date(2025, 8, 31)))
    too_old = outcome(date(2026, 3, 1), complaint("c2", date(2025, 8, 31)))
    assert in_time.qualifying
    assert too_old.reasons == (Reason.TOO_OLD,)


def test_a_complaint_reported_on_the_application_date_qualifies():
    assert outcome(
        date(2026, 2, 1), complaint("c1", date(2026, 1, 20), date(2026, 2, 1))
    ).qualifying


def test_a_complaint_reported_after_the_application_does_not_qualify():
    result = outcome(date(2026, 2, 1), complaint("c1", date(2026, 1, 20), date(2026, 2, 2)))
    assert result.reasons == (Reason.AFTER_APPLICATION,)


def test_diary_sheets_count_under_the_statutory_defaults():
    sheet = complaint("c1", date(2026, 1, 20), kind=ComplaintKind.DIARY_SHEET)
    assert outcome(date(2026, 2, 1), sheet).qualifying


def test_diary_sheets_do_not_count_where_the_policy_says_so():
    sheet = complaint("c1", date(2026, 1, 20), kind=ComplaintKind.DIARY_SHEET)
    assert outcome(date(2026, 2, 1), sheet, REFERENCE_PROCEDURE).reasons == (Reason.DIARY_SHEET,)


def test_every_failed_condition_adds_its_reason_in_a_fixed_order():
    sheet = complaint("c1", date(2025, 1, 1), date(2025, 3, 1), kind=ComplaintKind.DIARY_SHEET)
    result = outcome(date(2026, 2, 1), sheet, REFERENCE_PROCEDURE)
    assert result.reasons == (Reason.REPORTED_LATE, Reason.TOO_OLD, Reason.DIARY_SHEET)


def test_an_outcome_records_the_last_day_to_report_and_to_apply():
    result = outcome(date(2026, 3, 1), complaint("c1", date(2026, 1, 31), date(2026, 2, 3)))
    assert result.report_by == date(2026, 2, 28)
    assert result.apply_by == date(2026, 8, 3)
