"""What a column of a return may hold, and how a layout's columns are written and read.

A return layout is a list of columns, each a heading (the recipient's wording) and a figure
key. The keys are stable names of what this service knows about a release:

- ``area.name``, ``area.gss_code``; ``period.slug``, ``period.start``, ``period.end``;
- ``statutory.<key>``: the four statutory counts;
- ``breakdowns.<name>.<code>``: a breakdown cell as published (blank when not published);
- ``internal.<field>``: the figures for the area's own use. Returns to the police and crime
  commissioner may include them: they go to the PCC, not to the public;
- ``release.revision``, ``release.published_on``: which publication the figures come from.

Administrators write a layout's columns one per line as ``Heading = figure.key``; every line
that cannot be read is reported with its number and what is wrong with it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from casereview.areas.models import Area
from casereview.publishing.figures import (
    BREAKDOWN_TITLES,
    BREAKDOWNS,
    CELL_LABELS,
    INTERNAL_DEFINITIONS,
    STATUTORY_DEFINITIONS,
    Figures,
    Internal,
)
from casereview.publishing.periods import Period

MAX_COLUMNS = 60
MAX_HEADING = 120


def _figure_labels() -> dict[str, object]:
    labels: dict[str, object] = {
        "area.name": gettext_lazy("Area name"),
        "area.gss_code": gettext_lazy("Area GSS code"),
        "period.slug": gettext_lazy("Period (for example 2025-26)"),
        "period.start": gettext_lazy("First day of the period"),
        "period.end": gettext_lazy("Last day of the period"),
    }
    for definition in STATUTORY_DEFINITIONS:
        labels[f"statutory.{definition.key}"] = definition.label
    for name, codes in BREAKDOWNS.items():
        for code in codes:
            labels[f"breakdowns.{name}.{code}"] = _LabelPair(
                BREAKDOWN_TITLES[name], CELL_LABELS[name][code]
            )
    known = {d.key: d.label for d in INTERNAL_DEFINITIONS}
    for item in fields(Internal):
        labels[f"internal.{item.name}"] = known.get(item.name, item.name)
    labels["release.revision"] = gettext_lazy("Revision of the published release")
    labels["release.published_on"] = gettext_lazy("Date the release was published")
    return labels


@dataclass(frozen=True)
class _LabelPair:
    """A breakdown cell's label, translated when shown: "<table>: <cell>"."""

    table: str | Promise
    cell: str | Promise

    def __str__(self) -> str:
        return f"{self.table}: {self.cell}"


FIGURES: Mapping[str, object] = _figure_labels()


def figure_label(key: str) -> str:
    return str(FIGURES[key])


def is_internal(key: str) -> bool:
    return key.startswith("internal.")


@dataclass(frozen=True)
class Column:
    heading: str
    figure: str

    def to_dict(self) -> dict[str, str]:
        return {"heading": self.heading, "figure": self.figure}


def columns_from(stored: object) -> list[Column]:
    """A layout's stored columns (JSON), skipping anything that is not a known figure."""
    if not isinstance(stored, list):
        return []
    return [
        Column(str(item["heading"]), str(item["figure"]))
        for item in stored
        if isinstance(item, dict) and item.get("figure") in FIGURES and item.get("heading")
    ]


def columns_text(columns: list[Column]) -> str:
    """Columns as an administrator edits them, one ``Heading = figure.key`` a line."""
    return "\n".join(f"{c.heading} = {c.figure}" for c in columns)


def parse_columns(text: str) -> tuple[list[Column], list[str]]:
    """The columns written in ``text``, and one message per line that cannot be read."""
    columns: list[Column] = []
    problems: list[str] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        heading, equals, key = line.rpartition("=")
        heading, key = heading.strip(), key.strip()
        if not equals:
            problems.append(
                _("Line %(line)s: write the column as Heading = figure.key") % {"line": number}
            )
        elif not heading:
            problems.append(
                _("Line %(line)s: give the column a heading before the =") % {"line": number}
            )
        elif len(heading) > MAX_HEADING:
            problems.append(
                _("Line %(line)s: the heading must be %(max)s characters or fewer")
                % {"line": number, "max": MAX_HEADING}
            )
        elif key not in FIGURES:
            problems.append(
                _("Line %(line)s: '%(key)s' is not a figure") % {"line": number, "key": key}
            )
        else:
            columns.append(Column(heading, key))
    if not columns and not problems:
        problems.append(_("Write at least one column, like Applications = statutory.applications"))
    if len(columns) > MAX_COLUMNS:
        problems.append(_("A return can have at most %(max)s columns.") % {"max": MAX_COLUMNS})
    return columns, problems


@dataclass(frozen=True)
class Source:
    """Where a return's values come from: the latest published release of the period (its
    stored figures and published document) or, when none is published, the live figures with
    the breakdowns as they would be published now."""

    area: Area
    period: Period
    figures: Figures
    breakdowns: Mapping[str, Mapping[str, int | None]]
    revision: int | None = None
    published_on: dt.date | None = None


def _number(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.1f}"
    return str(value)


def resolve(key: str, source: Source) -> str:
    """The value of figure ``key`` for a return, as text (blank for a suppressed cell or an
    undefined median). Raises KeyError for an unknown key."""
    if key not in FIGURES:
        raise KeyError(key)
    group, _dot, rest = key.partition(".")
    if group == "area":
        return str(getattr(source.area, rest))
    if group == "period":
        value = getattr(source.period, rest)
        return value.isoformat() if isinstance(value, dt.date) else str(value)
    if group == "statutory":
        return _number(getattr(source.figures.statutory, rest))
    if group == "breakdowns":
        name, _dot, code = rest.partition(".")
        return _number(source.breakdowns.get(name, {}).get(code))
    if group == "internal":
        return _number(asdict(source.figures.internal)[rest])
    if rest == "revision":
        return "draft" if source.revision is None else str(source.revision)
    return source.published_on.isoformat() if source.published_on else ""
