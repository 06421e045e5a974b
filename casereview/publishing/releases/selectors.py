"""Reads of releases for the staff pages and services. Every function takes the area the page
has already checked the person may see (``publishing.views.area_or_404``), so nothing here reads
another area's releases."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from casereview.areas.models import Area
from casereview.publishing.models import Release, ReleaseStatus
from casereview.publishing.periods import Period


@dataclass
class PeriodReleases:
    """One period's releases: the published revisions (newest first) and any draft."""

    period: Period
    published: list[Release] = field(default_factory=list)
    draft: Release | None = None


def releases_by_period(area: Area) -> list[PeriodReleases]:
    """Every period the area has a release of, newest period first."""
    grouped: dict[str, PeriodReleases] = {}
    rows = (
        Release.objects.filter(area=area)
        .select_related("published_by", "prepared_by")
        .order_by("-period_start", "period_kind", "-revision")
    )
    for release in rows:
        period = Period.from_slug(release.period_slug)
        if period is None:
            continue
        entry = grouped.setdefault(release.period_slug, PeriodReleases(period=period))
        if release.status == ReleaseStatus.DRAFT:
            entry.draft = release
        else:
            entry.published.append(release)
    return list(grouped.values())


def release_of_area(area: Area, pk: int) -> Release | None:
    """The release ``pk`` if it is ``area``'s (None otherwise: the page answers 404)."""
    return (
        Release.objects.filter(area=area, pk=pk)
        .select_related("area", "published_by", "prepared_by")
        .first()
    )


def published_revisions(area: Area, period_slug: str) -> list[Release]:
    """The published revisions of one period, oldest first."""
    return list(
        Release.objects.filter(
            area=area, period_slug=period_slug, status=ReleaseStatus.PUBLISHED
        ).order_by("revision")
    )


def latest_published(area: Area, period: Period) -> Release | None:
    """The latest published revision of ``period`` for ``area``, or None."""
    return (
        Release.objects.filter(area=area, period_slug=period.slug, status=ReleaseStatus.PUBLISHED)
        .order_by("-revision")
        .first()
    )


def earlier_documents(area: Area, period: Period) -> list[dict[str, Any]]:
    """The area's published documents that disclosure control must guard against: every
    revision of the same period and of any period overlapping it, and the quarters of the years
    containing it (a quarter is checked against its year less the other three quarters). A year
    either side covers all of those; disclosure control ignores what does not matter."""
    margin = dt.timedelta(days=366)
    return list(
        Release.objects.filter(
            area=area,
            status=ReleaseStatus.PUBLISHED,
            period_start__lte=period.end + margin,
            period_end__gte=period.start - margin,
        )
        .order_by("period_start", "period_slug", "revision")
        .values_list("document", flat=True)
    )
