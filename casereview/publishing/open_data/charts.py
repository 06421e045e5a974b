"""Bar charts of published statistics, laid out here and drawn as SVG by the Jinja macro in
``publishing/open_data/_chart.html``.

No chart library and no JavaScript: the numbers are few, so Python works out each bar's place
and the template writes the ``<rect>`` and ``<text>`` elements (markup stays in templates,
where autoescaping applies). Every chart carries:

- a title and a text alternative that states every number (``<title>``/``<desc>`` of an
  ``<svg role="img">``), so a screen reader user gets the whole chart;
- a data table of the same numbers, with a caption, shown beside it;
- a text label on every bar (its name, and its value at its end), so no meaning is carried by
  colour alone; the two series colours are GOV.UK blue and green, both over 4.5:1 on white.

Bars are horizontal so long names in English or Welsh fit above them at any width: the SVG has
a fixed ``viewBox`` and scales to its container.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from casereview.publishing.figures import STATUTORY_DEFINITIONS
from casereview.publishing.periods import Period

WIDTH = 640
# Room kept right of the longest bar for its value.
VALUE_SPACE = 90
BAR_HEIGHT = 26
LABEL_HEIGHT = 24
ROW_GAP = 14
GROUP_HEADING_HEIGHT = 32
# GOV.UK blue and green: non-text contrast well above 3:1 against the white page.
SERIES_COLOURS = ("#1d70b8", "#00703c")
TEXT_COLOUR = "#0b0c0c"


@dataclass(frozen=True)
class ChartBar:
    label: str
    value: int
    # Baseline of the label text above the bar, top of the bar, its length and where the
    # value is written (all in viewBox units).
    label_y: float
    y: float
    width: float
    value_x: float
    value_y: float
    colour: str


@dataclass(frozen=True)
class ChartGroupHeading:
    text: str
    y: float


@dataclass(frozen=True)
class ChartTable:
    caption: str
    head: list[str]
    # Each row's first cell is its heading (a row header in the table).
    rows: list[list[str]]

    def params(self) -> dict[str, Any]:
        """Parameters for the govukTable macro: numbers right-aligned, rows headed."""
        return {
            "caption": self.caption,
            "captionClasses": "govuk-table__caption--s",
            "firstCellIsHeader": True,
            "head": [
                {"text": text, **({"format": "numeric"} if i else {})}
                for i, text in enumerate(self.head)
            ],
            "rows": [
                [
                    {"text": text, **({"format": "numeric"} if i else {})}
                    for i, text in enumerate(row)
                ]
                for row in self.rows
            ],
        }


@dataclass(frozen=True)
class BarChart:
    id: str
    title: str
    desc: str
    width: int
    height: float
    bar_height: int
    headings: list[ChartGroupHeading]
    bars: list[ChartBar]
    table: ChartTable
    text_colour: str = TEXT_COLOUR


@dataclass(frozen=True)
class _Series:
    label: str
    values: list[int]


def _number(value: int) -> str:
    return f"{value:,}"


def _layout(
    chart_id: str,
    title: str,
    desc: str,
    groups: Sequence[tuple[str, Sequence[tuple[str, int]]]],
    table: ChartTable,
    *,
    series: bool,
) -> BarChart:
    """Place the bars of ``groups`` (each a heading, which may be empty, and its (label,
    value) bars) one under another, scaled so the largest value fills the width. With
    ``series``, the n-th bar of every group has the n-th series colour (its label says which
    series it is too); otherwise every bar has the first colour."""
    largest = max((value for _h, bars in groups for _l, value in bars), default=0)
    scale = (WIDTH - VALUE_SPACE) / largest if largest else 0.0
    headings: list[ChartGroupHeading] = []
    placed: list[ChartBar] = []
    y = 0.0
    for heading, bars in groups:
        if heading:
            headings.append(ChartGroupHeading(text=heading, y=y + 22))
            y += GROUP_HEADING_HEIGHT
        for index, (label, value) in enumerate(bars):
            width = round(value * scale, 1)
            top = y + LABEL_HEIGHT
            placed.append(
                ChartBar(
                    label=label,
                    value=value,
                    label_y=y + 17,
                    y=top,
                    width=width,
                    value_x=width + 8,
                    value_y=top + BAR_HEIGHT / 2 + 6,
                    colour=SERIES_COLOURS[index % len(SERIES_COLOURS) if series else 0],
                )
            )
            y = top + BAR_HEIGHT + ROW_GAP
    return BarChart(
        id=chart_id,
        title=title,
        desc=desc,
        width=WIDTH,
        height=max(y, 1.0),
        bar_height=BAR_HEIGHT,
        headings=headings,
        bars=placed,
        table=table,
    )


def _said(label: str, value: int) -> str:
    return _("%(label)s: %(value)s.") % {"label": label, "value": _number(value)}


def statutory_chart(chart_id: str, statutory: dict[str, Any], title: str) -> BarChart:
    """The four statutory counts (a release's, or the national sums) as four bars."""
    bars = [(str(d.label), int(statutory[d.key])) for d in STATUTORY_DEFINITIONS]
    desc = " ".join(_said(label, value) for label, value in bars)
    table = ChartTable(
        caption=title,
        head=[_("Measure"), _("Number")],
        rows=[[label, _number(value)] for label, value in bars],
    )
    return _layout(chart_id, title, desc, [("", bars)], table, series=False)


def trend_chart(chart_id: str, years: Sequence[tuple[Period, dict[str, Any]]]) -> BarChart:
    """Applications and case reviews carried out in each published financial year (given
    as (period, statutory counts) pairs, oldest first)."""
    applications, reviews = STATUTORY_DEFINITIONS[0], STATUTORY_DEFINITIONS[2]
    series = [
        _Series(str(d.label), [int(counts[d.key]) for _p, counts in years])
        for d in (applications, reviews)
    ]
    groups = [
        (period.label(), [(s.label, s.values[i]) for s in series])
        for i, (period, _counts) in enumerate(years)
    ]
    title = _("Applications and case reviews carried out, by financial year")
    desc = " ".join(
        _("%(period)s: %(numbers)s")
        % {"period": heading, "numbers": " ".join(_said(label, value) for label, value in bars)}
        for heading, bars in groups
    )
    table = ChartTable(
        caption=title,
        head=[_("Financial year"), *(s.label for s in series)],
        rows=[
            [period.label(), *(_number(s.values[i]) for s in series)]
            for i, (period, _counts) in enumerate(years)
        ],
    )
    return _layout(chart_id, title, desc, groups, table, series=True)
