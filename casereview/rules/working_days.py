"""Working days per nation, and due dates that can explain how they were computed.

Conventions (every timescale of the process follows them):

- A working day is a Monday to Friday that is not a bank holiday of the nation. England and Wales
  share one bank-holiday calendar today, but each area names its nation so that a divergence
  (a Welsh-only bank holiday, say) is a data change, not a code change.
- A step received on a non-working day counts from the next working day: that day is the
  ``counted_from`` date. A step received on a working day counts from that day itself.
- "N working days" means the N-th working day AFTER ``counted_from``. Received on a Monday, three
  working days are due on the Thursday; received on a Saturday, they are due on the Thursday too
  (counted from the Monday). Adding 0 working days gives ``counted_from``.
- "N days" (a calendar-day period, such as 28 days to ask for a review) is ``counted_from`` plus N
  calendar days, non-working days included; the receipt rule above still applies to its start.
- ``working_days_between(a, b)`` counts the working days d with a < d <= b, so that
  ``working_days_between(due.counted_from, due.due) == n`` for ``add_working_days(start, n)``.

Bank holidays come from the ``holidays`` library, which knows them for 1872 to 2100; a date
outside those years raises ``CalendarError`` rather than silently treating every weekday as
working. Holiday sets are cached per year, so a calendar costs one dictionary lookup per day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from holidays import country_holidays
from holidays.countries.united_kingdom import UnitedKingdom

from casereview.rules.dates import long_date

NATIONS = ("england", "wales", "england-wales")

# The ``holidays`` subdivision whose bank holidays each nation observes. "england-wales" is the
# shared calendar, named separately so that callers say what they mean.
_SUBDIVISION = {"england": "ENG", "wales": "WLS", "england-wales": "ENG"}

FIRST_YEAR: int = max(UnitedKingdom.start_year, 1872)
LAST_YEAR: int = UnitedKingdom.end_year

_DAY = timedelta(days=1)


class CalendarError(ValueError):
    """A nation or a date the working-day calendar cannot answer for."""


@dataclass(frozen=True)
class SkippedDay:
    """A non-working day passed over while computing a due date."""

    date: date
    reason: str


@dataclass(frozen=True)
class DueDate:
    """A computed due date and the working it took to get there."""

    start: date
    counted_from: date
    due: date
    rule: str
    skipped: tuple[SkippedDay, ...] = ()

    def explain(self) -> list[str]:
        """Human sentences: where counting began, each day skipped and why, and the result."""
        lines: list[str] = []
        if self.counted_from != self.start:
            lines.append(
                f"Received on {long_date(self.start)}, a non-working day: "
                f"counted from {long_date(self.counted_from)}."
            )
        lines.extend(f"Skipped {long_date(day.date)}: {day.reason}." for day in self.skipped)
        lines.append(f"Due {long_date(self.due)}: {self.rule} from {long_date(self.counted_from)}.")
        return lines


class WorkingCalendar:
    """Working days of one nation. Build through ``calendar_for``, which caches one per nation."""

    def __init__(self, nation: str) -> None:
        if nation not in _SUBDIVISION:
            raise CalendarError(f"unknown nation {nation!r}: expected one of {', '.join(NATIONS)}")
        self.nation = nation
        self._subdivision = _SUBDIVISION[nation]
        self._years: dict[int, dict[date, str]] = {}

    def __repr__(self) -> str:
        return f"WorkingCalendar({self.nation!r})"

    def bank_holidays(self, year: int) -> dict[date, str]:
        """The bank holidays of one year, date to name (cached)."""
        found = self._years.get(year)
        if found is None:
            if not FIRST_YEAR <= year <= LAST_YEAR:
                raise CalendarError(
                    f"bank holidays are known for {FIRST_YEAR} to {LAST_YEAR} only, not {year}"
                )
            source = country_holidays("GB", subdiv=self._subdivision, years=year)
            found = {day: str(name) for day, name in source.items()}
            self._years[year] = found
        return found

    def non_working_reason(self, day: date) -> str | None:
        """Why ``day`` is not a working day, or None when it is one."""
        holiday = self.bank_holidays(day.year).get(day)
        if day.weekday() >= 5:
            return f"weekend ({holiday})" if holiday else "weekend"
        if holiday:
            return f"{holiday} (bank holiday)"
        return None

    def is_working_day(self, day: date) -> bool:
        return day.weekday() < 5 and day not in self.bank_holidays(day.year)

    def next_working_day(self, day: date) -> date:
        """The first working day strictly after ``day``."""
        day += _DAY
        while not self.is_working_day(day):
            day += _DAY
        return day

    def counted_from(self, start: date) -> date:
        """``start`` if it is a working day, else the next working day."""
        return start if self.is_working_day(start) else self.next_working_day(start)

    def _skipped_before(self, start: date, counted_from: date) -> list[SkippedDay]:
        skipped: list[SkippedDay] = []
        day = start
        while day < counted_from:
            skipped.append(SkippedDay(day, self.non_working_reason(day) or "non-working day"))
            day += _DAY
        return skipped

    def add_working_days(self, start: date, n: int) -> DueDate:
        """The N-th working day after the day ``start`` counts from (see the module docstring)."""
        if n < 0:
            raise CalendarError("the number of working days cannot be negative")
        counted_from = self.counted_from(start)
        skipped = self._skipped_before(start, counted_from)
        day = counted_from
        remaining = n
        while remaining:
            day += _DAY
            reason = self.non_working_reason(day)
            if reason is None:
                remaining -= 1
            else:
                skipped.append(SkippedDay(day, reason))
        rule = "1 working day" if n == 1 else f"{n} working days"
        return DueDate(start, counted_from, day, rule, tuple(skipped))

    def add_calendar_days(self, start: date, n: int) -> DueDate:
        """``n`` calendar days after the day ``start`` counts from."""
        if n < 0:
            raise CalendarError("the number of days cannot be negative")
        counted_from = self.counted_from(start)
        skipped = self._skipped_before(start, counted_from)
        due = counted_from + timedelta(days=n)
        # The due date itself must still be one the calendar knows about.
        self.bank_holidays(due.year)
        rule = "1 calendar day" if n == 1 else f"{n} calendar days"
        return DueDate(start, counted_from, due, rule, tuple(skipped))

    def working_days_between(self, a: date, b: date) -> int:
        """Working days d with a < d <= b; negative when b is before a."""
        if b < a:
            return -self.working_days_between(b, a)
        count = 0
        day = a
        while day < b:
            day += _DAY
            if self.is_working_day(day):
                count += 1
        return count


@cache
def calendar_for(nation: str) -> WorkingCalendar:
    """The working calendar of "england", "wales" or "england-wales" (one shared instance each)."""
    return WorkingCalendar(nation.strip().lower())
