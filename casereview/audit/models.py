"""Who looked at which case data, and when.

Changes to a case are already recorded, step by step, as ``CaseEvent`` rows. This log records
the reads: every staff page or file that shows a case's data writes one ``AccessRecord``. Rows
are append-only, like case events, and keep the case's reference as text so the record outlives
the case it describes.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone


class ImmutableRecord(Exception):
    """An attempt to change or delete an audit record."""


class AccessRecordQuerySet(models.QuerySet["AccessRecord"]):
    def update(self, **kwargs: Any) -> int:
        raise ImmutableRecord("Audit records are never changed.")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise ImmutableRecord("Audit records are never deleted.")


class AccessRecord(models.Model):
    at = models.DateTimeField(default=timezone.now)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    case = models.ForeignKey(
        "cases.Case", null=True, on_delete=models.SET_NULL, related_name="access_records"
    )
    case_reference = models.CharField(max_length=20)
    # For reads of area-wide lists of victims' data (the repeat-victim check), the area read.
    area = models.ForeignKey(
        "areas.Area", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    what = models.CharField(max_length=200)
    path = models.CharField(max_length=500)
    method = models.CharField(max_length=10)

    objects = AccessRecordQuerySet.as_manager()

    class Meta:
        ordering = ["at", "pk"]
        indexes = [
            models.Index(fields=["case_reference", "at"], name="access_case_at"),
            models.Index(fields=["user", "at"], name="access_user_at"),
        ]

    def __str__(self) -> str:
        return (
            f"{self.user_id} viewed {self.case_reference} ({self.what}) at {self.at:%Y-%m-%d %H:%M}"
        )

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise ImmutableRecord("Audit records are never changed.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise ImmutableRecord("Audit records are never deleted.")
