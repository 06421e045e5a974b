"""Information requests to the relevant bodies of an area, and their responses (Sch. 4 para 7).

Every request and every response is kept: they are the log of information sharing the law asks
for. A request's due date is its ``Deadline`` row (``casereview.cases.deadlines``), the one
place every due date of a case lives.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from casereview.areas.models import Agency
from casereview.cases.models import Case


class InformationRequest(models.Model):
    """A request to one relevant body for what it knows of the case."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="information_requests")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    requested_on = models.DateField()
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["case", "agency__name"]
        constraints = [
            models.UniqueConstraint(fields=["case", "agency"], name="one_request_per_agency")
        ]

    def __str__(self) -> str:
        return f"{self.case} request to {self.agency}"


class InformationResponse(models.Model):
    """What a relevant body answered. Its incidents become, or confirm, the case's complaints
    (``Complaint.confirmed_by_response``)."""

    request = models.ForeignKey(
        InformationRequest, on_delete=models.CASCADE, related_name="responses"
    )
    received_on = models.DateField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)
    actions_taken = models.TextField(blank=True)
    # Documents supplied, described (files are attached in a later issue).
    documents = models.TextField(blank=True)
    # A data-protection or confidence exemption the body relied on to withhold anything.
    exemption_relied_on = models.TextField(blank=True)

    class Meta:
        ordering = ["received_on", "pk"]

    def __str__(self) -> str:
        return f"{self.request} answered {self.received_on:%Y-%m-%d}"
