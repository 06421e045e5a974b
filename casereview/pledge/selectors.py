"""Reads of PLEDGE self-assessments, each scoped to one area (the caller's area lookup,
``casereview.publishing.views.area_or_404``, decides who may see which area)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from casereview.areas.models import Area
from casereview.pledge.models import Answer, Assessment, AssessmentStatus


@dataclass(frozen=True)
class PledgeResult:
    """An area's latest completed self-assessment, as the directory shows it."""

    area_id: int
    completed_on: dt.date
    percentage: int


def completed_results(area_ids: Iterable[int]) -> dict[int, PledgeResult]:
    """The latest completed self-assessment of each of ``area_ids`` that has one (one query)."""
    ids = sorted(set(area_ids))
    if not ids:
        return {}
    results: dict[int, PledgeResult] = {}
    rows = (
        Assessment.objects.filter(area_id__in=ids, status=AssessmentStatus.COMPLETED)
        .exclude(completed_on__isnull=True)
        .order_by("area_id", "-completed_on", "-pk")
        .values_list("area_id", "completed_on", "score", "max_score")
    )
    for area_id, completed_on, score, max_score in rows:
        if area_id in results or completed_on is None or not max_score:
            continue
        results[area_id] = PledgeResult(
            area_id=area_id,
            completed_on=completed_on,
            percentage=round(100 * (score or 0) / max_score),
        )
    return results


def in_progress(area: Area) -> Assessment | None:
    return Assessment.objects.filter(area=area, status=AssessmentStatus.IN_PROGRESS).first()


def completed(area: Area, limit: int | None = None) -> list[Assessment]:
    """The area's completed self-assessments, latest first."""
    found = Assessment.objects.filter(area=area, status=AssessmentStatus.COMPLETED).order_by(
        "-completed_on", "-pk"
    )
    return list(found[:limit] if limit else found)


def latest_completed(area: Area) -> Assessment | None:
    found = completed(area, limit=1)
    return found[0] if found else None


def completed_assessment(area: Area, pk: int) -> Assessment | None:
    """The completed self-assessment ``pk`` of ``area``; None for any other (another area's is
    not revealed)."""
    return (
        Assessment.objects.select_related("completed_by", "started_by")
        .filter(area=area, pk=pk, status=AssessmentStatus.COMPLETED)
        .first()
    )


def answers_of(assessment: Assessment) -> dict[str, Answer]:
    return {answer.item: answer for answer in assessment.answers.all()}
