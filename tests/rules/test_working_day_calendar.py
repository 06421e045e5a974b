from datetime import date

import pytest

from casereview.rules import CalendarError, WorkingCalendar, calendar_for


def test_weekends_are_not_working_days():
    calendar = calendar_for("england")
    assert not calendar.is_working_day(date(2026, 1, 17))
    assert not calendar.is_working_day(date(2026, 1, 18))
    assert calendar.is_working_day(date(2026, 1, 19))


def test_bank_holidays_are_not_working_days():
    calendar = calendar_for("england")
    for holiday in (date(2026, 1, 1), date(2026, 5, 4), date(2026, 5, 25), date(2026, 8, 31)):
        assert not calendar.is_working_day(holiday)


def test_the_welsh_calendar_has_the_same_bank_holidays_as_the_english_one():
    england, wales = calendar_for("england"), calendar_for("wales")
    for year in range(2020, 2031):
        assert england.bank_holidays(year) == wales.bank_holidays(year)


def test_the_shared_calendar_keeps_its_own_nation_name():
    assert calendar_for("england-wales").nation == "england-wales"
    assert calendar_for("wales").nation == "wales"


def test_one_calendar_is_shared_per_nation():
    assert calendar_for("wales") is calendar_for("wales")


def test_an_unknown_nation_is_refused_with_the_choices():
    with pytest.raises(CalendarError, match="england, wales, england-wales"):
        WorkingCalendar("scotland")


def test_next_working_day_skips_a_long_weekend():
    assert calendar_for("england").next_working_day(date(2026, 4, 2)) == date(2026, 4, 7)


def test_working_days_between_counts_days_after_the_first_up_to_the_second():
    calendar = calendar_for("england")
    assert calendar.working_days_between(date(2026, 1, 12), date(2026, 1, 15)) == 3
    assert calendar.working_days_between(date(2026, 1, 12), date(2026, 1, 12)) == 0
    assert calendar.working_days_between(date(2025, 12, 22), date(2025, 12, 29)) == 3


def test_working_days_between_is_negative_backwards():
    calendar = calendar_for("england")
    assert calendar.working_days_between(date(2026, 1, 15), date(2026, 1, 12)) == -3


def test_working_days_between_undoes_adding_working_days():
    calendar = calendar_for("england-wales")
    due = calendar.add_working_days(date(2025, 12, 20), 10)
    assert calendar.working_days_between(due.counted_from, due.due) == 10
