"""Published releases in tests of the public pages and open data.

``publish`` publishes chosen figures through the real publish service (disclosure control
included): the draft row is written with the figures the test names, as ``prepare_draft`` would
write them from the case history, so a test can say "12 applications" without receiving twelve
applications. Tests that need figures from real cases use tests/publishing/releases/helpers.py.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import jsonschema_rs
from django.db.models import Max

from casereview.areas.models import Area
from casereview.publishing.figures import BREAKDOWNS, Figures, Statutory
from casereview.publishing.models import Release, ReleaseStatus
from casereview.publishing.open_data.schemas import load_schema
from casereview.publishing.periods import Period
from casereview.publishing.releases.services import publish_release
from tests.publishing.statistics.helpers import on

FY_2024 = Period.financial_year(2024)
FY_2025 = Period.financial_year(2025)
PUBLISHED_ON = dt.date(2026, 5, 1)


def statutory(
    applications: int = 0,
    threshold_not_met: int = 0,
    reviews_carried_out: int = 0,
    reviews_with_recommendations: int = 0,
) -> Statutory:
    return Statutory(
        applications=applications,
        threshold_not_met=threshold_not_met,
        reviews_carried_out=reviews_carried_out,
        reviews_with_recommendations=reviews_with_recommendations,
    )


def all_in_first_cells(applications: int) -> dict[str, dict[str, int]]:
    """Breakdowns with every application in each breakdown's first cell."""
    return {name: {codes[0]: applications} for name, codes in BREAKDOWNS.items()}


def draft(
    area: Area,
    period: Period,
    counts: Statutory,
    breakdowns: dict[str, dict[str, int]] | None = None,
    *,
    threshold: int = 5,
) -> Release:
    """A draft of ``period`` holding these figures (the next revision after the published ones)."""
    last = Release.objects.filter(
        area=area, period_slug=period.slug, status=ReleaseStatus.PUBLISHED
    ).aggregate(last=Max("revision"))["last"]
    figures = Figures(
        period=period,
        statutory=counts,
        breakdowns=breakdowns
        if breakdowns is not None
        else all_in_first_cells(counts.applications),
    )
    return Release.objects.create(
        area=area,
        period_kind=period.kind.value,
        period_slug=period.slug,
        period_start=period.start,
        period_end=period.end,
        revision=(last or 0) + 1,
        figures=figures.to_dict(),
        suppression_threshold=threshold,
    )


def publish(
    area: Area,
    period: Period,
    counts: Statutory,
    breakdowns: dict[str, dict[str, int]] | None = None,
    *,
    note: str = "",
    on_day: dt.date = PUBLISHED_ON,
) -> Release:
    """Publish these figures of ``period`` on ``on_day`` through the real publish service."""
    with on(on_day):
        return publish_release(draft(area, period, counts, breakdowns), by=None, note=note)


def schema_errors(name: str, document: Any) -> list[str]:
    """Every way ``document`` breaks the JSON Schema ``name`` (formats checked too)."""
    validator = jsonschema_rs.validator_for(load_schema(name), validate_formats=True)
    return [
        f"{'/'.join(map(str, e.instance_path))}: {e.message}"
        for e in validator.iter_errors(document)
    ]
