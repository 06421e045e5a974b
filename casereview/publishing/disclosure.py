"""Disclosure control: what of a release may be published without identifying a victim.

The law asks each area to publish four counts and forbids anything that could identify a victim.
The four statutory counts (applications, threshold not met, reviews carried out, reviews with
recommendations) are published exactly: they are area-wide totals, the law names them, and
rounding them would make the national sums wrong. Breakdowns split applications into small
groups (how people applied, who applied, who the victim is) and a group of one or two people in
a district can be recognised by neighbours, so each breakdown table goes through these steps,
with ``threshold`` the configured suppression threshold (settings.STATISTICS_SUPPRESSION_THRESHOLD):

1. Small totals. When the table's total (applications) is below the threshold the whole table
   is withheld, zeros included: with so few applications even "none by letter" narrows who the
   others are.
2. Primary suppression. A cell from 1 to threshold - 1 is not shown. Zero is shown: it
   identifies no one, and showing zeros keeps the tables useful.
3. Complementary suppression. Because the total is published, one hidden cell could be worked
   out as the total minus the shown cells. So whenever cells are hidden, the hidden cells must be
   at least two, add up to at least the threshold, and not all be ones (a reader knows a hidden
   cell is not zero, because zeros are shown; two hidden cells adding up to two are both one).
   The smallest shown non-zero cells are hidden too until that holds; if hiding every non-zero
   cell is still not enough, the whole table is withheld as in step 1.
4. Differencing between releases. Readers can subtract a cell in one release from the same
   cell in another: an earlier revision of the same period, or a period that overlaps this one
   (a quarter and its financial year, a financial year and a calendar year). A difference from
   1 to threshold - 1 describes a small group just as a small cell does, so a cell is hidden when
   its difference from the same cell shown in any such earlier published document is in that
   range. For a year whose four quarters are all published, the year's cell minus the sum of the
   quarters' shown cells (or a quarter's cell, with the year and the other three quarters) is
   checked the same way, using the latest revision of each of those periods. Step 3 is then run
   again, since hiding a cell may leave a single hidden cell in the table.

Steps 2-4 only ever hide more, never less, so each step keeps what the previous ones ensured.
The functions here are pure (no database): the publish service passes in the earlier published
documents and stores what ``published_document`` returns; the draft review page calls
``protect_breakdowns`` to show staff what will be hidden and why.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from casereview.areas.models import Area
from casereview.publishing.figures import BREAKDOWNS, STATUTORY_KEYS, Figures
from casereview.publishing.periods import Period, PeriodKind

SCHEMA_VERSION = 1


class Reason(StrEnum):
    """Why a cell is not published (shown to staff on the draft's review page)."""

    SMALL_TOTAL = "small_total"  # the whole table: fewer applications than the threshold
    SMALL_NUMBER = "small_number"  # the cell itself is from 1 to threshold - 1
    SUBTRACTION = "subtraction"  # it would reveal a hidden cell from the total
    COMPARISON = "comparison"  # it would reveal a small number by comparison with another release


@dataclass(frozen=True)
class ProtectedTable:
    """One breakdown after disclosure control: the published value of every cell (None = not
    published) and, for each hidden cell, why."""

    values: dict[str, int | None]
    reasons: dict[str, Reason]

    @property
    def withheld(self) -> bool:
        return bool(self.values) and all(v is None for v in self.values.values())


@dataclass(frozen=True)
class _Earlier:
    """What disclosure control needs of one earlier published document."""

    period_slug: str
    start: dt.date
    end: dt.date
    revision: int
    breakdowns: Mapping[str, Mapping[str, int | None]]


def _is_small(number: int, threshold: int) -> bool:
    return 1 <= abs(number) <= threshold - 1


def _hidden_cells_safe(hidden: Sequence[int], threshold: int) -> bool:
    """Whether the hidden cells of a table can stay hidden although the total is published."""
    if not hidden:
        return True
    total = sum(hidden)
    return len(hidden) >= 2 and total >= threshold and total > len(hidden)


def _complete(
    values: Mapping[str, int],
    codes: Sequence[str],
    hidden: dict[str, Reason],
    threshold: int,
) -> dict[str, Reason] | None:
    """Step 3: hide the smallest shown non-zero cells until the hidden cells are safe. None
    when even hiding every non-zero cell is not enough (the table must be withheld whole)."""
    hidden = dict(hidden)
    while not _hidden_cells_safe([values[c] for c in hidden], threshold):
        candidates = sorted(
            (values[c], codes.index(c)) for c in codes if c not in hidden and values[c] > 0
        )
        if not candidates:
            return None
        hidden[codes[candidates[0][1]]] = Reason.SUBTRACTION
    return hidden


def protect_table(
    name: str,
    cells: Mapping[str, int],
    *,
    total: int,
    threshold: int,
    period: Period | None = None,
    earlier: Sequence[Mapping[str, Any]] = (),
) -> ProtectedTable:
    """Disclosure control of one breakdown table (steps 1-4 of the module docstring).

    ``cells`` are the exact counts by code (missing codes count 0); ``earlier`` the earlier
    published documents to guard against differencing (compared cell by cell when their period
    overlaps ``period``; quarters of a year containing ``period`` are summed)."""
    codes = BREAKDOWNS[name]
    values = {code: int(cells.get(code, 0)) for code in codes}
    withheld = ProtectedTable(
        values=dict.fromkeys(codes), reasons=dict.fromkeys(codes, Reason.SMALL_TOTAL)
    )
    if total < threshold:
        return withheld

    hidden: dict[str, Reason] = {
        code: Reason.SMALL_NUMBER for code in codes if _is_small(values[code], threshold)
    }
    completed = _complete(values, codes, hidden, threshold)
    if completed is None:
        return withheld
    hidden = completed

    if period is not None and earlier:
        documents = [e for e in map(_read_earlier, earlier) if e is not None]
        for code in codes:
            if code not in hidden and _reveals_by_comparison(
                name, code, values[code], period, documents, threshold
            ):
                hidden[code] = Reason.COMPARISON
        completed = _complete(values, codes, hidden, threshold)
        if completed is None:
            return withheld
        hidden = completed

    return ProtectedTable(
        values={code: None if code in hidden else values[code] for code in codes},
        reasons={code: hidden[code] for code in codes if code in hidden},
    )


def _read_earlier(document: Mapping[str, Any]) -> _Earlier | None:
    try:
        period = document["period"]
        return _Earlier(
            period_slug=str(period["slug"]),
            start=dt.date.fromisoformat(period["start"]),
            end=dt.date.fromisoformat(period["end"]),
            revision=int(document["revision"]),
            breakdowns=document.get("breakdowns") or {},
        )
    except (KeyError, TypeError, ValueError):
        return None


def _overlaps(document: _Earlier, period: Period) -> bool:
    return document.start <= period.end and period.start <= document.end


def _shown(document: _Earlier, name: str, code: str) -> int | None:
    value = document.breakdowns.get(name, {}).get(code)
    return value if isinstance(value, int) else None


def _reveals_by_comparison(
    name: str,
    code: str,
    value: int,
    period: Period,
    documents: Sequence[_Earlier],
    threshold: int,
) -> bool:
    """Step 4 for one shown cell: against each overlapping document, and against a year and
    its four quarters taken together."""
    for document in documents:
        if not _overlaps(document, period):
            continue
        old = _shown(document, name, code)
        if old is not None and _is_small(value - old, threshold):
            return True
    for group in _year_and_quarters(period, documents):
        year, quarters = group
        year_value = value if year is None else _shown(year, name, code)
        quarter_values = [value if q is None else _shown(q, name, code) for q in quarters]
        if year_value is None or any(v is None for v in quarter_values):
            continue
        rest = year_value - sum(v for v in quarter_values if v is not None)
        if _is_small(rest, threshold):
            return True
    return False


def _latest_by_period(documents: Sequence[_Earlier]) -> dict[str, _Earlier]:
    latest: dict[str, _Earlier] = {}
    for document in documents:
        held = latest.get(document.period_slug)
        if held is None or document.revision > held.revision:
            latest[document.period_slug] = document
    return latest


def _quarters_within(start: dt.date, end: dt.date) -> list[Period]:
    """The four quarters making up a year (financial or calendar) from ``start`` to ``end``."""
    first = Period.financial_year_of(start)
    quarters = [
        Period.quarter_of(year, q) for year in (first.year, first.year + 1) for q in (1, 2, 3, 4)
    ]
    return [q for q in quarters if start <= q.start and q.end <= end]


def _year_and_quarters(
    period: Period, documents: Sequence[_Earlier]
) -> list[tuple[_Earlier | None, list[_Earlier | None]]]:
    """Each year with its four quarters where the new release is one of the five and the other
    four are published (latest revisions). None stands for the new release itself."""
    latest = _latest_by_period(documents)
    groups: list[tuple[_Earlier | None, list[_Earlier | None]]] = []
    if period.kind == PeriodKind.QUARTER:
        years = [Period.financial_year_of(period.start), Period.calendar_year(period.start.year)]
        years = [y for y in years if y.start <= period.start and period.end <= y.end]
    else:
        years = [period]
    for year in years:
        quarters = _quarters_within(year.start, year.end)
        if len(quarters) != 4:
            continue
        year_document = None if year == period else latest.get(year.slug)
        if year != period and year_document is None:
            continue
        members: list[_Earlier | None] = []
        for quarter in quarters:
            if quarter == period:
                members.append(None)
            elif quarter.slug in latest:
                members.append(latest[quarter.slug])
            else:
                break
        else:
            groups.append((year_document, members))
    return groups


def protect_breakdowns(
    figures: Figures, *, threshold: int, earlier: Sequence[Mapping[str, Any]] = ()
) -> dict[str, ProtectedTable]:
    """Every breakdown of ``figures`` after disclosure control, in BREAKDOWNS order."""
    return {
        name: protect_table(
            name,
            figures.breakdowns.get(name, {}),
            total=figures.statutory.applications,
            threshold=threshold,
            period=figures.period,
            earlier=earlier,
        )
        for name in BREAKDOWNS
    }


def published_document(
    *,
    area: Area,
    period: Period,
    revision: int,
    published_on: dt.date,
    note: str,
    figures: Figures,
    threshold: int,
    earlier: Sequence[Mapping[str, Any]],
) -> dict[str, Any]:
    """The published document of one release (schema version 1; see docs/open-data.md): the
    statutory counts exactly, the breakdowns after disclosure control against ``earlier`` (the
    area's earlier published documents)."""
    if threshold < 2:
        raise ValueError("the suppression threshold must be at least 2")
    if figures.period != period:
        raise ValueError("the figures are for another period")
    tables = protect_breakdowns(figures, threshold=threshold, earlier=earlier)
    return {
        "schema_version": SCHEMA_VERSION,
        "area": {
            "gss_code": area.gss_code,
            "name": area.name,
            "slug": area.slug,
            "nation": str(area.nation),
        },
        "period": period.to_dict(),
        "revision": revision,
        "published_on": published_on.isoformat(),
        "note": note,
        "statutory": {key: int(getattr(figures.statutory, key)) for key in STATUTORY_KEYS},
        "breakdowns": {name: table.values for name, table in tables.items()},
        "suppression_threshold": threshold,
    }
