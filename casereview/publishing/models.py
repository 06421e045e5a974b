"""Releases of statistics, layouts of returns, and the records the law asks of a procedure.

A ``Release`` is one area's statistics for one period. It starts as a draft that an area
administrator reviews; once published it is frozen (``save`` and ``delete`` refuse), and a later
correction is a new revision of the same period with a note saying what changed.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from casereview.areas.models import Agency, Area, AreaPolicy
from casereview.cases.models import ImmutableRow
from casereview.publishing.periods import PeriodKind


class PeriodKindChoice(models.TextChoices):
    FINANCIAL_YEAR = PeriodKind.FINANCIAL_YEAR.value, _("Financial year")
    QUARTER = PeriodKind.QUARTER.value, _("Quarter")
    CALENDAR_YEAR = PeriodKind.CALENDAR_YEAR.value, _("Calendar year")


class ReleaseStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class Release(models.Model):
    """One area's statistics for one period, as a draft or as published (then frozen)."""

    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="releases")
    period_kind = models.CharField(max_length=20, choices=PeriodKindChoice.choices)
    # casereview.publishing.periods.Period.slug: "2025-26", "2025-26-q1", "2025".
    period_slug = models.CharField(max_length=12)
    period_start = models.DateField()
    period_end = models.DateField()
    revision = models.PositiveIntegerField(default=1)
    status = models.CharField(
        max_length=10, choices=ReleaseStatus.choices, default=ReleaseStatus.DRAFT
    )
    # casereview.publishing.figures.Figures.to_dict(): everything counted, for staff only.
    figures: models.JSONField[Any] = models.JSONField()
    # The published document (disclosure control applied): what the public pages and open data
    # show. Empty until published.
    document: models.JSONField[Any] = models.JSONField(default=dict, blank=True)
    suppression_threshold = models.PositiveSmallIntegerField()
    # What a revision corrects; required from the second revision on.
    note = models.TextField(blank=True)
    prepared_at = models.DateTimeField(default=timezone.now)
    prepared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    published_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["area", "-period_start", "period_kind", "-revision"]
        constraints = [
            models.UniqueConstraint(
                fields=["area", "period_slug", "revision"], name="unique_release_revision"
            ),
            models.UniqueConstraint(
                fields=["area", "period_slug"],
                condition=Q(status="draft"),
                name="one_draft_per_area_period",
            ),
            models.CheckConstraint(condition=Q(revision__gte=1), name="release_revision_positive"),
        ]
        indexes = [
            models.Index(fields=["period_slug", "status"], name="release_period_status"),
        ]

    def __str__(self) -> str:
        return f"{self.area} {self.period_slug} r{self.revision} ({self.status})"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self._stored_status() == ReleaseStatus.PUBLISHED:
            raise ImmutableRow("A published release is frozen: publish a new revision instead.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        if self._stored_status() == ReleaseStatus.PUBLISHED:
            raise ImmutableRow("A published release is never deleted.")
        return super().delete(*args, **kwargs)

    def _stored_status(self) -> str | None:
        if self._state.adding or self.pk is None:
            return None
        return Release.objects.filter(pk=self.pk).values_list("status", flat=True).first()


class Recipient(models.TextChoices):
    PCC = "pcc", _("Police and crime commissioner")
    HOME_OFFICE = "home_office", _("Home Office")
    OTHER = "other", _("Someone else")


class ReturnLayout(models.Model):
    """The columns of a return to the PCC or the Home Office: each a heading and the figure it
    holds (a key of casereview.publishing.figures). ``area`` empty: a layout every area can use."""

    area = models.ForeignKey(
        Area, null=True, blank=True, on_delete=models.CASCADE, related_name="return_layouts"
    )
    name = models.CharField(max_length=120)
    recipient = models.CharField(max_length=20, choices=Recipient.choices)
    period_kind = models.CharField(
        max_length=20, choices=PeriodKindChoice.choices, default=PeriodKindChoice.FINANCIAL_YEAR
    )
    # [{"heading": "Number of applications", "figure": "statutory.applications"}, ...]
    columns: models.JSONField[Any] = models.JSONField(default=list)
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["area", "name"], name="unique_return_layout_name")
        ]

    def __str__(self) -> str:
        return self.name


class ConsulteeKind(models.TextChoices):
    """Schedule 4 paragraphs 1-2: the PCC and the social housing providers must be consulted on
    the procedure; others may be."""

    PCC = "pcc", _("Police and crime commissioner")
    HOUSING_PROVIDER = "housing_provider", _("Social housing provider")
    OTHER = "other", _("Someone else")


class Consultation(models.Model):
    """One consultation of one body on the area's procedure (a policy version)."""

    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="consultations")
    policy = models.ForeignKey(
        AreaPolicy, null=True, blank=True, on_delete=models.SET_NULL, related_name="consultations"
    )
    consultee_kind = models.CharField(max_length=20, choices=ConsulteeKind.choices)
    agency = models.ForeignKey(
        Agency, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    consultee_name = models.CharField(max_length=200)
    consulted_on = models.DateField()
    response_received_on = models.DateField(null=True, blank=True)
    response_summary = models.TextField(blank=True)
    # What the area did with the response.
    outcome = models.TextField(blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["area", "-consulted_on", "consultee_name"]

    def __str__(self) -> str:
        return f"{self.consultee_name} on {self.consulted_on}"


class EffectivenessReview(models.Model):
    """Schedule 4 paragraph 4: a periodic review of how well the procedure works."""

    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="effectiveness_reviews")
    # The policy version that was reviewed, and the version the review led to (if any).
    policy = models.ForeignKey(
        AreaPolicy, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    resulting_policy = models.ForeignKey(
        AreaPolicy, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_on = models.DateField()
    reviewed_by = models.CharField(max_length=300, help_text="Who carried out the review")
    findings = models.TextField()
    changes = models.TextField(blank=True)
    next_review_due = models.DateField(null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["area", "-reviewed_on"]

    def __str__(self) -> str:
        return f"{self.area} review of {self.reviewed_on}"
