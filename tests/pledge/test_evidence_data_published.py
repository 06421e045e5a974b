"""Data published on time: a published release of the last financial year that has ended, and
a publication within the last 12 months."""

import datetime as dt

from django.utils import timezone

from casereview.areas.models import Area
from casereview.pledge.evidence import EvidenceStatus, data_published
from casereview.publishing.models import Release, ReleaseStatus
from casereview.publishing.periods import Period


def release(area: Area, period: Period, *, published_at: dt.datetime | None) -> Release:
    return Release.objects.create(
        area=area,
        period_kind=str(period.kind),
        period_slug=period.slug,
        period_start=period.start,
        period_end=period.end,
        status=ReleaseStatus.PUBLISHED if published_at else ReleaseStatus.DRAFT,
        figures={},
        suppression_threshold=5,
        published_at=published_at,
    )


def test_no_release_is_a_no(area: Area, in_march: None) -> None:
    found = data_published(area, timezone.localdate())
    assert found.status == EvidenceStatus.NO


def test_a_draft_does_not_count(area: Area, in_march: None) -> None:
    release(area, Period.financial_year(2024), published_at=None)
    assert data_published(area, timezone.localdate()).status == EvidenceStatus.NO


def test_last_years_release_published_recently_is_a_yes(area: Area, in_march: None) -> None:
    # On 16 March 2026 the last financial year to have ended is 2024-25.
    release(area, Period.financial_year(2024), published_at=timezone.now() - dt.timedelta(days=200))
    found = data_published(area, timezone.localdate())
    assert found.status == EvidenceStatus.YES
    assert "2024 to 2025" in found.summary


def test_an_older_release_only_is_partly(area: Area, in_march: None) -> None:
    release(area, Period.financial_year(2023), published_at=timezone.now() - dt.timedelta(days=300))
    assert data_published(area, timezone.localdate()).status == EvidenceStatus.PARTLY


def test_last_years_release_published_long_ago_is_partly(area: Area, in_march: None) -> None:
    release(area, Period.financial_year(2024), published_at=timezone.now() - dt.timedelta(days=400))
    assert data_published(area, timezone.localdate()).status == EvidenceStatus.PARTLY
