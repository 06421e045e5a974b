"""The records privacy keeps of itself: each anonymisation of a case, and each request to erase
a person's data with its outcome.

Neither holds the personal data it is about: an anonymisation names the case by its reference,
and an erasure request names what was asked about by references to the records (a case
reference, a partner's record number, a draft's id), never by the person's name or details.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from casereview.areas.models import Area
from casereview.cases.models import Case


class AnonymisedBecause(models.TextChoices):
    RETENTION = "retention", _("The retention period of the area's policy ended")
    ERASURE = "erasure", _("An erasure request")


class Anonymisation(models.Model):
    """One case whose personal data was removed. At most one per case: a case anonymised once
    has nothing left to remove, and this row is what makes a second run do nothing."""

    case = models.OneToOneField(Case, on_delete=models.PROTECT, related_name="anonymisation")
    case_reference = models.CharField(max_length=20)
    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(default=timezone.now)
    because = models.CharField(max_length=20, choices=AnonymisedBecause.choices)
    # The policy version whose retention period applied, and the period, as they were then.
    policy_version = models.PositiveIntegerField(null=True, blank=True)
    retention_months = models.PositiveIntegerField(null=True, blank=True)
    # Empty for the scheduled retention run.
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    erasure_request = models.ForeignKey(
        "ErasureRequest",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="anonymisations",
    )

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["area", "at"], name="anonymisation_area_at")]

    def __str__(self) -> str:
        return f"{self.case_reference} anonymised {self.at:%Y-%m-%d}"


class ErasureDecision(models.TextChoices):
    ERASED = "erased", _("Erased")
    PARTLY_ERASED = "partly_erased", _("Partly erased: the rest must be kept")
    REFUSED = "refused", _("Refused: the data must be kept")


class ErasureRequest(models.Model):
    """A request to erase a person's data, who made it, and what the service decided.

    ``items`` is one entry per record asked about, ``{"record": "case:EH-2026-0001",
    "erased": bool, "reason": "..."}``: references and reasons only, never the person's data.
    """

    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="+")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField(default=timezone.now)
    # How the person asked (a letter of 3 March, an e-mail to the team), in the staff's words.
    received_how = models.CharField(max_length=200, blank=True)
    decision = models.CharField(max_length=20, choices=ErasureDecision.choices)
    items: models.JSONField[Any] = models.JSONField(default=list)

    class Meta:
        ordering = ["-requested_at", "-pk"]

    def __str__(self) -> str:
        return f"Erasure request {self.pk}: {self.decision}"

    @property
    def records(self) -> list[str]:
        return [str(item["record"]) for item in self.items]
