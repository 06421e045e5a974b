"""Letters of a case, kept exactly as they were sent.

A ``Letter`` is written once, with its HTML, PDF and Word renderings, and its content is never
changed afterwards: what was sent is what is kept. Only its delivery record moves on (e-mailed,
queued for post, posted, failed). Each letter has a ``key`` unique within its case, so a side
effect that runs twice never writes or sends a letter twice.
"""

from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from casereview.areas.models import Agency
from casereview.cases.models import Case, Language


class LetterKind(models.TextChoices):
    CT1 = "ct1", _("CT1: acknowledgement to the victim")
    CT2 = "ct2", _("CT2: acknowledgement to the applicant")
    CT3 = "ct3", _("CT3: threshold not met, with the CT3a review request form")
    CT4 = "ct4", _("CT4: threshold met")
    NOT_SUITABLE = "not_suitable", _("Not suitable for a Case Review")
    DECLINED = "declined", _("Repeat application declined")
    CLOSURE = "closure", _("Withdrawal or closure")
    MEETING_INVITATION = "meeting_invitation", _("Invitation to the review meeting")
    OUTCOME = "outcome", _("Outcome of the review, with the draft action plan")
    ACTION_PLAN = "action_plan", _("The final action plan")
    APPEAL_RECEIVED = "appeal_received", _("Appeal received")
    APPEAL_OUTCOME = "appeal_outcome", _("Outcome of the appeal")
    INFORMATION_REQUEST = "information_request", _("Information request to a relevant body")
    DECISION_NOTICE = "decision_notice", _("Decision notice to a relevant body")


class Recipient(models.TextChoices):
    VICTIM = "victim", _("The victim")
    APPLICANT = "applicant", _("The applicant")
    AGENCY = "agency", _("A relevant body")


# Recipients who must never see restricted data (``Case.RESTRICTED_FIELDS``).
VICTIM_FACING = frozenset({Recipient.VICTIM, Recipient.APPLICANT})


class Delivery(models.TextChoices):
    EMAIL = "email", _("E-mail")
    POST = "post", _("Post")


class DeliveryStatus(models.TextChoices):
    WAITING = "waiting", _("Waiting to be e-mailed")
    SENT = "sent", _("E-mailed")
    FAILED = "failed", _("E-mail failed")
    TO_POST = "to_post", _("Waiting to be posted")
    POSTED = "posted", _("Posted")


class ImmutableLetter(Exception):
    """An attempt to change what a letter says, or to delete a letter."""


class Letter(models.Model):
    """One letter of a case to one recipient, with its renderings and its delivery record."""

    # The only fields that may change once a letter is stored.
    DELIVERY_FIELDS: ClassVar[frozenset[str]] = frozenset(
        {"status", "sent_at", "posted_on", "posted_by", "attempts", "failure"}
    )

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="letters")
    # Unique within the case: e.g. "ct1", "information_request:12", "decision_notice:hertfordshire".
    key = models.CharField(max_length=120)
    kind = models.CharField(max_length=30, choices=LetterKind.choices)
    step = models.CharField(max_length=40, help_text="The step of the case that caused it")
    recipient = models.CharField(max_length=20, choices=Recipient.choices)
    agency = models.ForeignKey(
        Agency, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    information_request = models.ForeignKey(
        "partners.InformationRequest",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="letters",
    )
    language = models.CharField(max_length=2, choices=Language.choices, default=Language.ENGLISH)
    recipient_name = models.CharField(max_length=200)
    recipient_address = models.TextField(blank=True)
    recipient_email = models.EmailField(blank=True)
    subject = models.CharField(max_length=250)
    html = models.TextField()
    pdf = models.BinaryField()
    docx = models.BinaryField()
    created_at = models.DateTimeField(default=timezone.now)

    delivery = models.CharField(max_length=10, choices=Delivery.choices)
    status = models.CharField(max_length=10, choices=DeliveryStatus.choices)
    sent_at = models.DateTimeField(null=True, blank=True)
    posted_on = models.DateField(null=True, blank=True)
    posted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    attempts = models.PositiveIntegerField(default=0)
    failure = models.TextField(blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["case", "key"], name="unique_letter_key"),
        ]
        indexes = [models.Index(fields=["status"], name="letter_status")]

    def __str__(self) -> str:
        return f"{self.case_id} {self.kind} to {self.recipient_name}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            fields = kwargs.get("update_fields")
            if fields is None or not set(fields) <= self.DELIVERY_FIELDS:
                raise ImmutableLetter("A letter's content is never changed once stored.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise ImmutableLetter("Letters are kept with their case and never deleted one by one.")

    @property
    def is_victim_facing(self) -> bool:
        return self.recipient in VICTIM_FACING
