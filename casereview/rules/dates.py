"""Small date helpers shared by the rules: calendar-month arithmetic, strict ISO parsing and the
long date format used in explanations."""

from __future__ import annotations

import calendar
import re
from datetime import date
from functools import lru_cache

# Only the plain extended form. ``date.fromisoformat`` on Python 3.11 also accepts "20260101"
# and week dates ("2026-W01-1"); a contract that says YYYY-MM-DD should mean exactly that.
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

# Fixed English names: strftime and calendar.day_name follow the process locale.
_DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


# Complaint sets reuse a few hundred distinct dates; memoising makes evaluation of a large set
# cost dictionary lookups rather than calendar arithmetic.
@lru_cache(maxsize=8192)
def add_months(start: date, months: int) -> date:
    """``start`` plus a number of calendar months, clamped to the end of a shorter month.

    31 January + 1 month is 28 February (29 in a leap year); 31 August + 6 months is the last day
    of February. This is how "within one month" and "within six months" are read throughout.
    """
    month_index = start.year * 12 + (start.month - 1) + months
    year, month = divmod(month_index, 12)
    month += 1
    last_day = calendar.monthrange(year, month)[1]
    return date(year, month, min(start.day, last_day))


def parse_iso_date(value: str) -> date:
    """A real calendar date written as YYYY-MM-DD; ValueError with a readable message otherwise."""
    if not _ISO_DATE.fullmatch(value):
        raise ValueError(f"{value!r} is not a date in the form YYYY-MM-DD")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{value!r} is not a real calendar date") from None


def long_date(day: date) -> str:
    """'Saturday 20 December 2025': the form dates take in explanations."""
    return f"{_DAY_NAMES[day.weekday()]} {day.day} {_MONTH_NAMES[day.month - 1]} {day.year}"
