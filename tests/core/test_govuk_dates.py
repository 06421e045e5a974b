"""Dates and times are written in the GOV.UK style, in the service's time zone."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation

from casereview.core.formatting import govuk_date, govuk_datetime, govuk_time

UTC = dt.UTC


def test_a_date_reads_day_month_name_year():
    assert govuk_date(dt.date(2026, 1, 1)) == "1 January 2026"


def test_an_aware_datetime_is_dated_in_london_time():
    # 23:30 UTC on 30 June is 00:30 on 1 July in British Summer Time.
    assert govuk_date(dt.datetime(2026, 6, 30, 23, 30, tzinfo=UTC)) == "1 July 2026"


@pytest.mark.parametrize(
    ("time", "expected"),
    [
        (dt.time(9, 0), "9am"),
        (dt.time(14, 30), "2:30pm"),
        (dt.time(12, 0), "midday"),
        (dt.time(0, 0), "midnight"),
        (dt.time(0, 5), "12:05am"),
    ],
)
def test_times_use_am_pm_midday_and_midnight(time, expected):
    assert govuk_time(time) == expected


def test_a_datetime_reads_date_at_time():
    moment = dt.datetime(2026, 1, 5, 14, 30, tzinfo=ZoneInfo("Europe/London"))

    assert govuk_datetime(moment) == "5 January 2026 at 2:30pm"


def test_welsh_pages_get_welsh_month_names():
    with translation.override("cy"):
        assert govuk_date(dt.date(2026, 1, 1)) == "1 Ionawr 2026"
