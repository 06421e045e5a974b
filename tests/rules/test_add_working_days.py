"""Received on a working day, N working days are the N-th working day after it; received on a
non-working day, counting starts from the next working day."""

from datetime import date

import pytest

from casereview.rules import CalendarError, calendar_for

CALENDAR = calendar_for("england-wales")


def test_three_working_days_from_a_monday_are_due_on_the_thursday():
    due = CALENDAR.add_working_days(date(2026, 1, 12), 3)
    assert due.counted_from == date(2026, 1, 12)
    assert due.due == date(2026, 1, 15)
    assert due.skipped == ()


def test_working_days_from_a_friday_skip_the_weekend():
    due = CALENDAR.add_working_days(date(2026, 1, 16), 1)
    assert due.due == date(2026, 1, 19)
    assert [day.date for day in due.skipped] == [date(2026, 1, 17), date(2026, 1, 18)]


def test_a_step_received_on_a_saturday_counts_from_the_monday():
    due = CALENDAR.add_working_days(date(2026, 1, 17), 3)
    assert due.counted_from == date(2026, 1, 19)
    assert due.due == date(2026, 1, 22)


def test_a_step_received_on_a_bank_holiday_counts_from_the_next_working_day():
    # Easter Monday 2026 is 6 April.
    due = CALENDAR.add_working_days(date(2026, 4, 6), 1)
    assert due.counted_from == date(2026, 4, 7)
    assert due.due == date(2026, 4, 8)


def test_christmas_and_boxing_day_are_skipped():
    due = CALENDAR.add_working_days(date(2025, 12, 22), 3)
    assert due.due == date(2025, 12, 29)
    reasons = {day.date: day.reason for day in due.skipped}
    assert reasons[date(2025, 12, 25)] == "Christmas Day (bank holiday)"
    assert reasons[date(2025, 12, 26)] == "Boxing Day (bank holiday)"


def test_easter_2026_skips_good_friday_and_easter_monday():
    due = CALENDAR.add_working_days(date(2026, 4, 2), 1)
    assert due.due == date(2026, 4, 7)


def test_a_boxing_day_on_a_saturday_is_observed_on_the_monday():
    # 26 December 2026 is a Saturday; the bank holiday moves to Monday 28 December.
    due = CALENDAR.add_working_days(date(2026, 12, 24), 1)
    assert due.due == date(2026, 12, 29)


def test_fourteen_working_days_is_the_threshold_decision_of_the_reference_procedure():
    # Received Monday 2 February 2026: 14 working days later is Friday 20 February.
    assert CALENDAR.add_working_days(date(2026, 2, 2), 14).due == date(2026, 2, 20)


def test_adding_zero_working_days_gives_the_day_counting_starts():
    assert CALENDAR.add_working_days(date(2026, 1, 17), 0).due == date(2026, 1, 19)
    assert CALENDAR.add_working_days(date(2026, 1, 14), 0).due == date(2026, 1, 14)


def test_a_negative_number_of_working_days_is_refused():
    with pytest.raises(CalendarError, match="cannot be negative"):
        CALENDAR.add_working_days(date(2026, 1, 14), -1)


def test_dates_outside_the_known_bank_holiday_years_are_refused():
    with pytest.raises(CalendarError, match="bank holidays are known for"):
        CALENDAR.add_working_days(date(2100, 12, 30), 5)


def test_the_rule_says_how_many_working_days_were_added():
    assert CALENDAR.add_working_days(date(2026, 1, 12), 1).rule == "1 working day"
    assert CALENDAR.add_working_days(date(2026, 1, 12), 5).rule == "5 working days"
