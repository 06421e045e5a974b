"""Reads of published releases for the public pages and open data.

Only PUBLISHED releases are ever read here: a draft's figures must appear nowhere public, so
every query starts from :func:`_published`. What the public sees of a release is its stored
``document`` (disclosure control already applied), never its ``figures`` (staff only).

Releases are public by nature, so these reads are not scoped to a person: anyone may read them.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from casereview.areas.models import Area
from casereview.publishing.models import Release, ReleaseStatus
from casereview.publishing.open_data.documents import national_document
from casereview.publishing.periods import Period, PeriodKind


def _published() -> QuerySet[Release]:
    return Release.objects.filter(status=ReleaseStatus.PUBLISHED)


def _latest_revision_of_each_period(releases: QuerySet[Release]) -> list[Release]:
    """One release per (area, period): its highest revision. Newest period first; of periods
    ending on the same day (a year and its last quarter) the longer one first."""
    latest: dict[tuple[int, str], Release] = {}
    for release in releases.order_by("area_id", "period_slug", "-revision"):
        latest.setdefault((release.area_id, release.period_slug), release)
    return sorted(
        latest.values(),
        key=lambda r: (-r.period_end.toordinal(), r.period_start.toordinal(), r.area_id),
    )


def latest_area_release(area: Area) -> Release | None:
    """The release the area page shows: the latest revision of the area's most recent published
    period (the one ending last; a financial year before its own last quarter). None when the
    area has published nothing."""
    releases = _latest_revision_of_each_period(_published().filter(area=area))
    return releases[0] if releases else None


def area_releases(area: Area) -> list[Release]:
    """The latest published revision of each period the area has published, newest first."""
    return _latest_revision_of_each_period(_published().filter(area=area))


def release_revisions(area: Area, period: Period) -> list[Release]:
    """Every published revision of one period of the area, oldest first."""
    return list(
        _published().filter(area=area, period_slug=period.slug).order_by("revision"),
    )


def published_release(area: Area, period: Period, revision: int | None = None) -> Release | None:
    """The published release of ``period``: revision ``revision``, or the latest when None.
    None when there is no such published revision (a draft never counts)."""
    releases = _published().filter(area=area, period_slug=period.slug)
    if revision is not None:
        return releases.filter(revision=revision).first()
    return releases.order_by("-revision").first()


def national_periods() -> list[Period]:
    """The financial years for which at least one area has published, newest first."""
    slugs = (
        _published()
        .filter(period_kind=PeriodKind.FINANCIAL_YEAR.value)
        .values_list("period_slug", flat=True)
        .distinct()
    )
    periods = [p for p in (Period.from_slug(s) for s in slugs) if p is not None]
    return sorted(periods, key=lambda p: p.start, reverse=True)


def national_releases(period: Period) -> list[Release]:
    """The latest published revision of ``period`` of every area that has published it, by
    area name."""
    releases = _latest_revision_of_each_period(
        _published().filter(period_slug=period.slug).select_related("area")
    )
    return sorted(releases, key=lambda r: (r.area.name, r.area.gss_code))


def national_document_for(period: Period) -> dict[str, Any]:
    """The national open data document of ``period`` (see ``documents.national_document``)."""
    return national_document(period, [r.document for r in national_releases(period)])
