"""What the public journey keeps before and beside a case.

- ``ApplicationDraft``: an online application as it is being filled in, kept server-side page by
  page so that nothing typed is lost and the person can come back to it by a signed link. Once
  submitted it points at the case it became, which is what makes a second press of the button (or
  a re-sent request after a dropped connection) land on the same case.
- ``PublicRateHit``: one counted request from an address, for the rate limits on submitting and
  on sending links by e-mail (kept in the database so that every app server sees the same count).
- ``ProgressEmail``: one e-mail telling the applicant a step was taken, keyed by the event, so
  that a side effect that runs twice never sends twice.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.db import models
from django.utils import timezone

from casereview.areas.models import Area
from casereview.cases.models import Case, CaseEvent, Language


class ApplicationDraft(models.Model):
    """An application being written online. ``answers`` maps each question's field name to what
    was entered (as text, exactly as typed), so a page shown again shows it as it was left."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="+")
    answers: models.JSONField[Any] = models.JSONField(default=dict, blank=True)
    language = models.CharField(max_length=2, choices=Language.choices, default=Language.ENGLISH)
    # Where a "save and come back later" link was sent; empty until one is asked for.
    resume_email = models.EmailField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    # Set, under the row's lock, by the one request that submits it.
    submitting_at = models.DateTimeField(null=True, blank=True)
    case = models.OneToOneField(
        Case, null=True, blank=True, on_delete=models.SET_NULL, related_name="online_draft"
    )

    class Meta:
        indexes = [models.Index(fields=["updated_at"], name="draft_updated_at")]

    def __str__(self) -> str:
        return f"Draft {self.id} for {self.area_id}"

    @property
    def is_submitted(self) -> bool:
        return self.case_id is not None


class PublicRateHit(models.Model):
    """One request counted against a rate limit (``casereview.public.ratelimit``)."""

    bucket = models.CharField(max_length=40)
    # A keyed hash of the client's address: the address itself is not kept.
    client = models.CharField(max_length=64)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["bucket", "client", "at"], name="rate_hit_lookup")]

    def __str__(self) -> str:
        return f"{self.bucket} {self.at:%Y-%m-%d %H:%M}"


class ProgressEmail(models.Model):
    """The e-mail about one event of a case sent to the applicant (or victim)."""

    event = models.OneToOneField(CaseEvent, on_delete=models.CASCADE, related_name="+")
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="progress_emails")
    to = models.EmailField()
    language = models.CharField(max_length=2, choices=Language.choices)
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveIntegerField(default=0)
    failure = models.TextField(blank=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"Progress e-mail for event {self.event_id}"
