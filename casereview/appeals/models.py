"""Appeals (Schedule 4 paragraph 3): against the threshold decision, or against how the review
was carried out.

An appeal runs beside its case: it is lodged, heard, and its outcome sent to the victim. Lodging
one and deciding it "not upheld" leave the case's status alone; upholding one moves the case back
(``casereview.cases.workflow``). Its due dates (hearing, outcome letter) are ``Deadline`` rows of
the case, like every other due date.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from casereview.cases.models import Case
from casereview.rules import AppealReviewerKind


class Ground(models.TextChoices):
    THRESHOLD_DECISION = "threshold_decision", _("The decision that the threshold was not met")
    REVIEW_CONDUCT = "review_conduct", _("How the review was carried out")


class ReviewerKind(models.TextChoices):
    PEER_AUTHORITY = (
        AppealReviewerKind.PEER_AUTHORITY.value,
        _("A peer at a neighbouring authority"),
    )
    SENIOR_MANAGER = AppealReviewerKind.SENIOR_MANAGER.value, _("A senior manager")
    INDEPENDENT_CHAIR = AppealReviewerKind.INDEPENDENT_CHAIR.value, _("An independent chair")
    PCC_OFFICE = (
        AppealReviewerKind.PCC_OFFICE.value,
        _("The Police and Crime Commissioner's office"),
    )


class AppealStatus(models.TextChoices):
    LODGED = "lodged", _("Waiting to be heard")
    HEARD = "heard", _("Heard; outcome not yet sent")
    CONCLUDED = "concluded", _("Outcome sent")


class Outcome(models.TextChoices):
    UPHELD = "upheld", _("Upheld")
    NOT_UPHELD = "not_upheld", _("Not upheld")


class Appeal(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="appeals")
    ground = models.CharField(max_length=30, choices=Ground.choices)
    received_on = models.DateField()
    # The last day of the policy's window, from the letter appealed against.
    window_ends_on = models.DateField()
    # Why an appeal made after the window was accepted all the same.
    late_reason = models.TextField(blank=True)
    what_the_victim_says = models.TextField(blank=True)
    reviewer_kind = models.CharField(max_length=20, choices=ReviewerKind.choices)
    reviewer_name = models.CharField(max_length=200, blank=True)
    reviewer_organisation = models.CharField(max_length=200, blank=True)
    status = models.CharField(
        max_length=20, choices=AppealStatus.choices, default=AppealStatus.LODGED, editable=False
    )
    lodged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    lodged_at = models.DateTimeField(default=timezone.now)

    heard_on = models.DateField(null=True, blank=True)
    outcome = models.CharField(max_length=20, choices=Outcome.choices, blank=True)
    reasons = models.TextField(blank=True)
    outcome_sent_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["case", "received_on", "pk"]
        indexes = [models.Index(fields=["case", "status"], name="appeal_case_status")]

    def __str__(self) -> str:
        return f"{self.case} appeal of {self.received_on:%Y-%m-%d}"

    @property
    def is_late(self) -> bool:
        return self.received_on > self.window_ends_on

    @property
    def is_open(self) -> bool:
        return self.status != AppealStatus.CONCLUDED
