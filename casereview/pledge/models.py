"""An area's PLEDGE self-assessments: the checklist's answers with their evidence, and a score.

The checklist itself is data in ``casereview.pledge.checklist`` (the six commitments expanded into
items); an ``Answer`` names its item by code. Evidence the service already holds is filled in
automatically and kept with the answer as it stood when the assessment was completed, so a completed
assessment's report never changes afterwards.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from casereview.areas.models import Area


class AssessmentStatus(models.TextChoices):
    IN_PROGRESS = "in_progress", _("In progress")
    COMPLETED = "completed", _("Completed")


class Assessment(models.Model):
    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="pledge_assessments")
    status = models.CharField(
        max_length=20, choices=AssessmentStatus.choices, default=AssessmentStatus.IN_PROGRESS
    )
    started_at = models.DateTimeField(default=timezone.now)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    completed_on = models.DateField(null=True, blank=True)
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # Set on completion: points scored and the most that could be scored.
    score = models.PositiveIntegerField(null=True, blank=True)
    max_score = models.PositiveIntegerField(null=True, blank=True)
    # The automatic evidence as it stood at completion (item code -> evidence).
    evidence: models.JSONField[Any] = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["area", "-started_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["area"],
                condition=models.Q(status="in_progress"),
                name="one_pledge_assessment_in_progress",
            )
        ]

    def __str__(self) -> str:
        return f"{self.area} PLEDGE self-assessment of {self.started_at:%Y-%m-%d}"

    @property
    def percentage(self) -> int | None:
        if self.score is None or not self.max_score:
            return None
        return round(100 * self.score / self.max_score)


class AnswerChoice(models.TextChoices):
    YES = "yes", _("Yes")
    PARTLY = "partly", _("Partly")
    NO = "no", _("No")


class Answer(models.Model):
    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="answers")
    item = models.CharField(max_length=60)
    answer = models.CharField(max_length=10, choices=AnswerChoice.choices, blank=True)
    evidence = models.TextField(blank=True)
    updated_at = models.DateTimeField(default=timezone.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["assessment", "item"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "item"], name="unique_pledge_answer")
        ]

    def __str__(self) -> str:
        return f"{self.item}: {self.answer or '-'}"
