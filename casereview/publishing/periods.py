"""The periods statistics are counted and published for: financial years (the default, April to
March), their quarters, and calendar years.

A period is named in addresses and open data by a stable slug: ``2025-26`` (the financial year from
1 April 2025 to 31 March 2026), ``2025-26-q1`` (its first quarter, April to June 2025) and
``2025`` (the calendar year). Dates are inclusive at both ends.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum

from django.utils.translation import gettext as _

from casereview.core.formatting import govuk_date

FINANCIAL_YEAR_START_MONTH = 4

_SLUG = re.compile(r"^(?P<year>\d{4})(?:-(?P<next>\d{2})(?:-q(?P<quarter>[1-4]))?)?$")


class PeriodKind(StrEnum):
    FINANCIAL_YEAR = "financial_year"
    QUARTER = "quarter"
    CALENDAR_YEAR = "calendar_year"


def _month_start(year: int, month: int) -> dt.date:
    """The first day of ``month`` counted from January of ``year`` (month may pass 12)."""
    return dt.date(year + (month - 1) // 12, (month - 1) % 12 + 1, 1)


@dataclass(frozen=True, order=True)
class Period:
    """One period: ``kind`` and the ``year`` it starts in (``quarter`` 1-4 for quarters, which
    are quarters of the financial year starting in ``year``)."""

    kind: PeriodKind
    year: int
    quarter: int = 0

    def __post_init__(self) -> None:
        if not 2000 <= self.year <= 2999:
            raise ValueError("year out of range")
        if (self.kind == PeriodKind.QUARTER) != (1 <= self.quarter <= 4):
            raise ValueError("a quarter, and only a quarter, has a quarter number from 1 to 4")

    @classmethod
    def financial_year(cls, year: int) -> Period:
        return cls(PeriodKind.FINANCIAL_YEAR, year)

    @classmethod
    def calendar_year(cls, year: int) -> Period:
        return cls(PeriodKind.CALENDAR_YEAR, year)

    @classmethod
    def quarter_of(cls, year: int, quarter: int) -> Period:
        return cls(PeriodKind.QUARTER, year, quarter)

    @classmethod
    def financial_year_of(cls, day: dt.date) -> Period:
        """The financial year ``day`` falls in."""
        year = day.year if day.month >= FINANCIAL_YEAR_START_MONTH else day.year - 1
        return cls.financial_year(year)

    @classmethod
    def from_slug(cls, slug: str) -> Period | None:
        """The period a slug names, or None when it names none (bad input is not an error)."""
        found = _SLUG.match(slug or "")
        if found is None:
            return None
        year = int(found["year"])
        try:
            if found["next"] is None:
                return cls.calendar_year(year)
            if int(found["next"]) != (year + 1) % 100:
                return None
            if found["quarter"] is None:
                return cls.financial_year(year)
            return cls.quarter_of(year, int(found["quarter"]))
        except ValueError:
            return None

    @property
    def start(self) -> dt.date:
        if self.kind == PeriodKind.CALENDAR_YEAR:
            return dt.date(self.year, 1, 1)
        offset = 3 * (self.quarter - 1) if self.kind == PeriodKind.QUARTER else 0
        return _month_start(self.year, FINANCIAL_YEAR_START_MONTH + offset)

    @property
    def end(self) -> dt.date:
        """The last day of the period (inclusive)."""
        months = 3 if self.kind == PeriodKind.QUARTER else 12
        following = _month_start(self.start.year, self.start.month + months)
        return following - dt.timedelta(days=1)

    @property
    def slug(self) -> str:
        if self.kind == PeriodKind.CALENDAR_YEAR:
            return str(self.year)
        fy = f"{self.year}-{(self.year + 1) % 100:02d}"
        return f"{fy}-q{self.quarter}" if self.kind == PeriodKind.QUARTER else fy

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end

    def overlaps(self, other: Period) -> bool:
        return self.start <= other.end and other.start <= self.end

    def has_ended(self, today: dt.date) -> bool:
        return today > self.end

    def label(self) -> str:
        """The period in words, in the active language."""
        if self.kind == PeriodKind.FINANCIAL_YEAR:
            return _("Financial year %(first)s to %(second)s") % {
                "first": self.year,
                "second": self.year + 1,
            }
        if self.kind == PeriodKind.CALENDAR_YEAR:
            return _("Calendar year %(year)s") % {"year": self.year}
        return _("Quarter %(quarter)s of %(first)s to %(second)s (%(start)s to %(end)s)") % {
            "quarter": self.quarter,
            "first": self.year,
            "second": self.year + 1,
            "start": govuk_date(self.start),
            "end": govuk_date(self.end),
        }

    def to_dict(self) -> dict[str, str]:
        """The period as open data names it (stable: part of the published schema)."""
        return {
            "kind": self.kind.value,
            "slug": self.slug,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
        }


def periods_between(first: dt.date, last: dt.date, kind: PeriodKind) -> list[Period]:
    """Every period of ``kind`` overlapping ``first``..``last``, oldest first."""
    if kind == PeriodKind.CALENDAR_YEAR:
        return [Period.calendar_year(y) for y in range(first.year, last.year + 1)]
    years = range(Period.financial_year_of(first).year, Period.financial_year_of(last).year + 1)
    if kind == PeriodKind.FINANCIAL_YEAR:
        return [Period.financial_year(y) for y in years]
    quarters = [Period.quarter_of(y, q) for y in years for q in (1, 2, 3, 4)]
    return [p for p in quarters if p.end >= first and p.start <= last]
