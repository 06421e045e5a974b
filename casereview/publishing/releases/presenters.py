"""What the draft review page shows: each figure exactly as counted, beside what will be
published of it and, for a cell that will not be, why."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict
from typing import Any

from django.utils.translation import gettext as _

from casereview.core.formatting import govuk_date
from casereview.publishing.disclosure import ProtectedTable, Reason
from casereview.publishing.figures import (
    BREAKDOWN_TITLES,
    BREAKDOWNS,
    CELL_LABELS,
    INTERNAL_DEFINITIONS,
    STATUTORY_DEFINITIONS,
    Figures,
)
from casereview.publishing.models import Release


def reason_text(reason: Reason, threshold: int) -> str:
    texts = {
        Reason.SMALL_TOTAL: _(
            "Not published: fewer than %(threshold)s applications, so the whole table is withheld"
        ),
        Reason.SMALL_NUMBER: _("Not published: fewer than %(threshold)s"),
        Reason.SUBTRACTION: _("Not published: would reveal a small number by subtraction"),
        Reason.COMPARISON: _(
            "Not published: would reveal a small number by comparison with an earlier release"
        ),
    }
    return texts[reason] % {"threshold": threshold}


def breakdown_tables(
    figures: Figures, protected: Mapping[str, ProtectedTable], threshold: int
) -> list[dict[str, Any]]:
    """Parameters for one govukTable per breakdown: category, exact number, what is published."""
    tables = []
    for name, codes in BREAKDOWNS.items():
        exact = figures.breakdowns.get(name, {})
        table = protected[name]
        rows = []
        for code in codes:
            published = table.values.get(code)
            reason = table.reasons.get(code)
            rows.append(
                [
                    {"text": CELL_LABELS[name][code]},
                    {"text": f"{exact.get(code, 0):,}", "format": "numeric"},
                    {
                        "text": f"{published:,}"
                        if published is not None
                        else reason_text(reason or Reason.SMALL_NUMBER, threshold)
                    },
                ]
            )
        tables.append(
            {
                "caption": BREAKDOWN_TITLES[name],
                "captionClasses": "govuk-table__caption--s",
                "firstCellIsHeader": True,
                "head": [
                    {"text": _("Category")},
                    {"text": _("Exact number"), "format": "numeric"},
                    {"text": _("To be published")},
                ],
                "rows": rows,
            }
        )
    return tables


def _internal_value(key: str, value: Any, figures: Figures) -> str:
    if value is None:
        return _("None in this period")
    if key.startswith("median_"):
        return _("%(days)s working days") % {"days": f"{float(value):.1f}"}
    if key == "first_decisions_in_time":
        return _("%(count)s of %(total)s") % {
            "count": value,
            "total": figures.internal.first_decisions,
        }
    return f"{int(value):,}"


def internal_table(figures: Figures) -> dict[str, Any]:
    """Parameters for a govukTable of the figures for the area's own use (never published),
    each with its definition."""
    values = asdict(figures.internal)
    return {
        "caption": _("For the area's own use (not published)"),
        "captionClasses": "govuk-table__caption--m",
        "firstCellIsHeader": True,
        "head": [{"text": _("Measure")}, {"text": _("Number")}, {"text": _("How it is counted")}],
        "rows": [
            [
                {"text": definition.label},
                {"text": _internal_value(definition.key, values.get(definition.key), figures)},
                {"text": definition.text, "classes": "govuk-body-s"},
            ]
            for definition in INTERNAL_DEFINITIONS
        ],
    }


def statutory_table(figures: Figures, caption: str) -> dict[str, Any]:
    """Parameters for a govukTable of the four statutory counts, each with its definition
    (published exactly as they are)."""
    values = asdict(figures.statutory)
    return {
        "caption": caption,
        "captionClasses": "govuk-table__caption--m",
        "firstCellIsHeader": True,
        "head": [
            {"text": _("Measure")},
            {"text": _("Number"), "format": "numeric"},
            {"text": _("How it is counted")},
        ],
        "rows": [
            [
                {"text": definition.label},
                {"text": f"{int(values[definition.key]):,}", "format": "numeric"},
                {"text": definition.text, "classes": "govuk-body-s"},
            ]
            for definition in STATUTORY_DEFINITIONS
        ],
    }


def revision_rows(revisions: Sequence[Release]) -> list[list[dict[str, Any]]]:
    """Parameters (rows) of a table of published revisions: revision, date, by whom, note."""
    rows: list[list[dict[str, Any]]] = []
    for release in revisions:
        who = release.published_by.get_full_name() if release.published_by else _("The system")
        rows.append(
            [
                {"text": _("Revision %(number)s") % {"number": release.revision}},
                {"text": govuk_date(release.published_at)},
                {"text": who},
                {"text": release.note or _("First publication")},
            ]
        )
    return rows
