from datetime import date

from casereview.rules import calendar_for

CALENDAR = calendar_for("england-wales")


def test_twenty_eight_days_include_weekends_and_bank_holidays():
    due = CALENDAR.add_calendar_days(date(2025, 12, 10), 28)
    assert due.due == date(2026, 1, 7)
    assert due.rule == "28 calendar days"


def test_a_calendar_day_period_received_on_a_weekend_counts_from_the_monday():
    due = CALENDAR.add_calendar_days(date(2026, 1, 3), 28)
    assert due.counted_from == date(2026, 1, 5)
    assert due.due == date(2026, 2, 2)
