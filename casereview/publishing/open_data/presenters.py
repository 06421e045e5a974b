"""What the public pages show of a published document: its codes turned into the active
language's labels, with the written definition of every figure beside it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext as _

from casereview.publishing.figures import (
    BREAKDOWN_DEFINITION,
    BREAKDOWN_TITLES,
    BREAKDOWNS,
    CELL_LABELS,
    STATUTORY_DEFINITIONS,
)
from casereview.publishing.periods import Period


@dataclass(frozen=True)
class Count:
    key: str
    label: str | Promise
    definition: str | Promise
    value: int


@dataclass(frozen=True)
class Cell:
    label: str | Promise
    # None: not shown (suppressed).
    value: int | None


@dataclass(frozen=True)
class Breakdown:
    name: str
    title: str | Promise
    cells: list[Cell]

    @property
    def withheld(self) -> bool:
        """The whole table is withheld (too few applications to show any of it)."""
        return all(cell.value is None for cell in self.cells)

    @property
    def any_suppressed(self) -> bool:
        return any(cell.value is None for cell in self.cells)

    def table_params(self) -> dict[str, Any]:
        """Parameters for the govukTable macro; a suppressed cell says so in words."""
        return {
            "caption": self.title,
            "captionClasses": "govuk-table__caption--s",
            "firstCellIsHeader": True,
            "head": [
                {"text": _("Category")},
                {"text": _("Applications"), "format": "numeric"},
            ],
            "rows": [
                [
                    {"text": cell.label},
                    {
                        "text": _("not shown") if cell.value is None else f"{cell.value:,}",
                        "format": "numeric",
                    },
                ]
                for cell in self.cells
            ],
        }


def period_of(document: Mapping[str, Any]) -> Period:
    period = Period.from_slug(document["period"]["slug"])
    if period is None:
        raise ValueError("a published document names an unknown period")
    return period


def counts_of(statutory: Mapping[str, Any]) -> list[Count]:
    return [
        Count(key=d.key, label=d.label, definition=d.text, value=int(statutory[d.key]))
        for d in STATUTORY_DEFINITIONS
    ]


def counts_table(counts: list[Count], caption: str) -> dict[str, Any]:
    """Parameters for the govukTable macro: each count and its number (two columns, so the
    table fits a phone's width; the definitions follow in ``definitions_list``)."""
    return {
        "caption": caption,
        "captionClasses": "govuk-table__caption--m",
        "firstCellIsHeader": True,
        "head": [{"text": _("Measure")}, {"text": _("Number"), "format": "numeric"}],
        "rows": [
            [{"text": count.label}, {"text": f"{count.value:,}", "format": "numeric"}]
            for count in counts
        ],
    }


def definitions_list(counts: list[Count]) -> dict[str, Any]:
    """Parameters for the govukSummaryList macro: how each count is counted."""
    return {
        "rows": [
            {"key": {"text": count.label}, "value": {"text": count.definition}} for count in counts
        ]
    }


@dataclass(frozen=True)
class PublishedRelease:
    """One published document, ready for a page."""

    document: Mapping[str, Any]

    @property
    def period(self) -> Period:
        return period_of(self.document)

    @property
    def revision(self) -> int:
        return int(self.document["revision"])

    @property
    def published_on(self) -> dt.date:
        return dt.date.fromisoformat(self.document["published_on"])

    @property
    def note(self) -> str:
        return str(self.document.get("note", ""))

    @property
    def threshold(self) -> int:
        return int(self.document["suppression_threshold"])

    def counts(self) -> list[Count]:
        return counts_of(self.document["statutory"])

    def counts_table(self) -> dict[str, Any]:
        return counts_table(
            self.counts(),
            _("Statutory figures: %(period)s") % {"period": self.period.label()},
        )

    def definitions_list(self) -> dict[str, Any]:
        return definitions_list(self.counts())

    def breakdowns(self) -> list[Breakdown]:
        published = self.document["breakdowns"]
        return [
            Breakdown(
                name=name,
                title=BREAKDOWN_TITLES[name],
                cells=[Cell(CELL_LABELS[name][code], published[name][code]) for code in codes],
            )
            for name, codes in BREAKDOWNS.items()
        ]

    def breakdown_definition(self) -> str:
        return str(BREAKDOWN_DEFINITION) % {"threshold": self.threshold}

    def withheld_text(self) -> str:
        return _(
            "This table is not shown: any part of it could let someone work out a number "
            "smaller than %(threshold)s, and so perhaps who it is about."
        ) % {"threshold": self.threshold}
