"""The writes of a PLEDGE self-assessment: start one, answer its items, complete it.

Completing keeps the automatic evidence as it stood that day (``Assessment.evidence``) and the
score, so the report of a completed assessment never changes when later cases arrive.
"""

from __future__ import annotations

import datetime as dt

from django.db import IntegrityError, transaction
from django.utils import timezone

from casereview.accounts.models import User
from casereview.areas.models import Area
from casereview.pledge import checklist
from casereview.pledge.evidence import snapshot
from casereview.pledge.models import Answer, AnswerChoice, Assessment, AssessmentStatus


class AssessmentClosed(Exception):
    """The assessment is completed: its answers are the record and no longer change."""


class Unanswered(Exception):
    """Completion refused: these items (codes, in checklist order) have no answer yet."""

    def __init__(self, codes: list[str]) -> None:
        super().__init__(", ".join(codes))
        self.codes = codes


def start_assessment(area: Area, *, by: User | None) -> Assessment:
    """The area's assessment in progress, started now if there is none (one at a time)."""
    existing = Assessment.objects.filter(area=area, status=AssessmentStatus.IN_PROGRESS).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            return Assessment.objects.create(area=area, started_by=by)
    except IntegrityError:
        # Someone else started one at the same moment: theirs is the one.
        return Assessment.objects.get(area=area, status=AssessmentStatus.IN_PROGRESS)


def record_answer(
    assessment: Assessment, code: str, *, answer: str, evidence: str, by: User | None
) -> Answer:
    if checklist.item(code) is None:
        raise KeyError(code)
    if answer not in AnswerChoice.values:
        raise ValueError(answer)
    with transaction.atomic():
        locked = Assessment.objects.select_for_update().get(pk=assessment.pk)
        if locked.status != AssessmentStatus.IN_PROGRESS:
            raise AssessmentClosed()
        saved, _created = Answer.objects.update_or_create(
            assessment=locked,
            item=code,
            defaults={
                "answer": answer,
                "evidence": evidence.strip(),
                "updated_at": timezone.now(),
                "updated_by": by,
            },
        )
    return saved


def unanswered(assessment: Assessment) -> list[str]:
    """Codes of the items with no answer yet, in checklist order."""
    answered = set(assessment.answers.exclude(answer="").values_list("item", flat=True))
    return [entry.code for entry in checklist.ITEMS if entry.code not in answered]


def score_of(answers: dict[str, str]) -> tuple[int, int]:
    """(points, most points) for answers {code: yes|partly|no} over the whole checklist."""
    points = sum(checklist.POINTS.get(answers.get(entry.code, ""), 0) for entry in checklist.ITEMS)
    return points, checklist.MAX_POINTS_PER_ITEM * len(checklist.ITEMS)


def complete_assessment(
    assessment: Assessment, *, by: User | None, today: dt.date | None = None
) -> Assessment:
    """Complete the assessment once every item is answered: score it, and keep the automatic
    evidence of the day with it."""
    today = today or timezone.localdate()
    with transaction.atomic():
        locked = Assessment.objects.select_for_update().get(pk=assessment.pk)
        if locked.status != AssessmentStatus.IN_PROGRESS:
            raise AssessmentClosed()
        missing = unanswered(locked)
        if missing:
            raise Unanswered(missing)
        answers = dict(locked.answers.values_list("item", "answer"))
        locked.score, locked.max_score = score_of(answers)
        keys = {entry.code: entry.evidence for entry in checklist.ITEMS if entry.evidence}
        locked.evidence = snapshot(locked.area, today, keys)
        locked.status = AssessmentStatus.COMPLETED
        locked.completed_on = today
        locked.completed_by = by
        locked.save(
            update_fields=[
                "score",
                "max_score",
                "evidence",
                "status",
                "completed_on",
                "completed_by",
            ]
        )
    return locked
