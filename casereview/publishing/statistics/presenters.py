"""The figures as the staff page and its CSV show them: each with its label, its written
definition and its value in words where a number alone would mislead."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict, dataclass
from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _

from casereview.publishing.figures import (
    BREAKDOWN_DEFINITION,
    BREAKDOWN_TITLES,
    BREAKDOWNS,
    CELL_LABELS,
    INTERNAL_DEFINITIONS,
    STATUTORY_DEFINITIONS,
    Definition,
    Figures,
)
from casereview.publishing.periods import Period, PeriodKind

MEDIANS = frozenset({"median_working_days_to_decision", "median_working_days_to_outcome"})


@dataclass(frozen=True)
class FigureRow:
    key: str
    label: str
    definition: str
    value: str


@dataclass(frozen=True)
class BreakdownTable:
    name: str
    title: str
    cells: list[tuple[str, int]]
    total: int


def _shown(definition: Definition, figures: dict[str, Any]) -> str:
    value = figures[definition.key]
    if definition.key in MEDIANS:
        if value is None:
            return _("None in this period")
        return _("%(days)s working days") % {"days": f"{value:.1f}"}
    if definition.key == "first_decisions_in_time":
        return _("%(in_time)s of %(all)s") % {"in_time": value, "all": figures["first_decisions"]}
    return str(value)


def statutory_rows(figures: Figures) -> list[FigureRow]:
    values = asdict(figures.statutory)
    return [
        FigureRow(d.key, str(d.label), str(d.text), str(values[d.key]))
        for d in STATUTORY_DEFINITIONS
    ]


def internal_rows(figures: Figures) -> list[FigureRow]:
    values = asdict(figures.internal)
    return [
        FigureRow(d.key, str(d.label), str(d.text), _shown(d, values)) for d in INTERNAL_DEFINITIONS
    ]


def breakdown_tables(figures: Figures) -> list[BreakdownTable]:
    tables = []
    for name, codes in BREAKDOWNS.items():
        cells = [
            (str(CELL_LABELS[name][code]), figures.breakdowns.get(name, {}).get(code, 0))
            for code in codes
        ]
        tables.append(
            BreakdownTable(name, str(BREAKDOWN_TITLES[name]), cells, sum(n for _c, n in cells))
        )
    return tables


def breakdown_definition() -> str:
    return str(BREAKDOWN_DEFINITION) % {"threshold": settings.STATISTICS_SUPPRESSION_THRESHOLD}


def csv_rows(figures: Figures) -> Iterator[tuple[str, str, str]]:
    """Every figure as (key, label, value): the statutory counts, each breakdown's cells (key
    ``<breakdown>.<cell>``) and the internal figures; a median with nothing to take it of is
    empty."""
    statutory = asdict(figures.statutory)
    for d in STATUTORY_DEFINITIONS:
        yield d.key, str(d.label), str(statutory[d.key])
    for name, codes in BREAKDOWNS.items():
        for code in codes:
            label = f"{BREAKDOWN_TITLES[name]}: {CELL_LABELS[name][code]}"
            yield f"{name}.{code}", label, str(figures.breakdowns.get(name, {}).get(code, 0))
    internal = asdict(figures.internal)
    for d in INTERNAL_DEFINITIONS:
        value = internal[d.key]
        yield d.key, str(d.label), "" if value is None else str(value)


def previous_period(period: Period) -> Period:
    if period.kind == PeriodKind.QUARTER:
        if period.quarter == 1:
            return Period.quarter_of(period.year - 1, 4)
        return Period.quarter_of(period.year, period.quarter - 1)
    return Period(period.kind, period.year - 1)


def next_period(period: Period) -> Period:
    if period.kind == PeriodKind.QUARTER:
        if period.quarter == 4:
            return Period.quarter_of(period.year + 1, 1)
        return Period.quarter_of(period.year, period.quarter + 1)
    return Period(period.kind, period.year + 1)
