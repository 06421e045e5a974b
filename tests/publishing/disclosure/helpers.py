"""Hand-made figures and documents for the disclosure control tests (no database needed)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from casereview.areas.models import Area, Nation
from casereview.publishing.disclosure import published_document
from casereview.publishing.figures import BREAKDOWNS, Figures, Statutory
from casereview.publishing.periods import Period

FY = Period.financial_year(2025)
PUBLISHED_ON = dt.date(2026, 5, 1)

# An unsaved area: disclosure control reads only its names and codes.
AREA = Area(
    gss_code="E07000242",
    name="East Hertfordshire",
    slug="east-hertfordshire",
    nation=Nation.ENGLAND,
)


def figures(
    period: Period = FY,
    *,
    channel: Mapping[str, int] | None = None,
    applicant: Mapping[str, int] | None = None,
    victim_kind: Mapping[str, int] | None = None,
    statutory: Mapping[str, int] | None = None,
) -> Figures:
    """Figures whose applications are the total of the ``victim_kind`` table (or of the first
    table given); tables not given hold every application in their first cell."""
    given = {"channel": channel, "applicant": applicant, "victim_kind": victim_kind}
    total = next((sum(t.values()) for t in given.values() if t is not None), 0)
    tables = {
        name: dict(table) if table is not None else {BREAKDOWNS[name][0]: total}
        for name, table in given.items()
    }
    counts = {"applications": total, **(statutory or {})}
    return Figures(period=period, statutory=Statutory(**counts), breakdowns=tables)


def publish(
    figs: Figures,
    *,
    threshold: int = 5,
    earlier: Sequence[Mapping[str, Any]] = (),
    revision: int = 1,
) -> dict[str, Any]:
    return published_document(
        area=AREA,
        period=figs.period,
        revision=revision,
        published_on=PUBLISHED_ON,
        note="" if revision == 1 else "Corrected",
        figures=figs,
        threshold=threshold,
        earlier=earlier,
    )
