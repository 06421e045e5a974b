"""Cases: one application for an ASB Case Review, its complaints, its immutable history and its
stored deadlines.

Nothing here changes a case's status: the service functions in ``casereview.cases.services`` do,
through ``casereview.cases.workflow.transition``.
"""

from __future__ import annotations

import re
from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from casereview.areas.models import Agency, Area, AreaPolicy
from casereview.cases.workflow import FINAL_STATUSES, NOT_YET_RECEIVED, Status, Step
from casereview.rules import Complaint as RulesComplaint
from casereview.rules import ComplaintKind as RulesComplaintKind
from casereview.rules import Exclusion


class Channel(models.TextChoices):
    ONLINE = "online", _("Online")
    PHONE = "phone", _("Phone")
    EMAIL = "email", _("E-mail")
    LETTER = "letter", _("Letter")
    IN_PERSON = "in_person", _("In person")
    PARTNER_AGENCY = "partner_agency", _("Partner agency")
    SENIOR_MANAGER = "senior_manager", _("Senior manager")


class VictimKind(models.TextChoices):
    PERSON = "person", _("A person")
    BUSINESS = "business", _("A business")
    COMMUNITY_GROUP = "community_group", _("A community group")


class ContactMethod(models.TextChoices):
    EMAIL = "email", _("E-mail")
    PHONE = "phone", _("Phone")
    LETTER = "letter", _("Letter")


class Language(models.TextChoices):
    ENGLISH = "en", _("English")
    WELSH = "cy", _("Cymraeg")


class Relationship(models.TextChoices):
    """Who applies for the victim. Everyone but a partner agency or a senior manager needs the
    victim's recorded consent."""

    FRIEND = "friend", _("Friend")
    RELATIVE = "relative", _("Relative")
    CARER = "carer", _("Carer")
    COUNCILLOR = "councillor", _("Councillor")
    MP = "mp", _("Member of Parliament or of the Senedd")
    PROFESSIONAL = "professional", _("Professional")
    PARTNER_AGENCY = "partner_agency", _("Partner agency")
    SENIOR_MANAGER = "senior_manager", _("Senior manager")
    OTHER = "other", _("Someone else")


RELATIONSHIPS_WITHOUT_CONSENT = frozenset(
    {Relationship.PARTNER_AGENCY, Relationship.SENIOR_MANAGER}
)


class NotSuitableReason(models.TextChoices):
    """The exclusions a local policy may list (``casereview.rules.Exclusion``)."""

    ANONYMOUS_APPLICANT = (
        Exclusion.ANONYMOUS_APPLICANT.value,
        _("The applicant wants to stay anonymous"),
    )
    CPS_DECISION = (
        Exclusion.CPS_DECISION.value,
        _("A review of a Crown Prosecution Service decision"),
    )
    COURT_DECISION = Exclusion.COURT_DECISION.value, _("Dissatisfied with a court's decision")
    SERVICE_COMPLAINT_ONLY = (
        Exclusion.SERVICE_COMPLAINT_ONLY.value,
        _("About service provision only"),
    )
    OFFICER_CONDUCT = Exclusion.OFFICER_CONDUCT.value, _("About one officer's conduct")


class DecisionRoute(models.TextChoices):
    THRESHOLD = "threshold", _("The threshold of qualifying complaints")
    SENIOR_MANAGER_VULNERABLE_VICTIM = (
        "senior_manager_vulnerable_victim",
        _("A senior manager's decision to safeguard a vulnerable victim"),
    )
    PARTNER_INITIATED = "partner_initiated", _("Started by a partner agency")
    LOCAL_EXTRA_ROUTE = "local_extra_route", _("A local route in the area's policy")


def normalise_name(name: str) -> str:
    """Case- and space-insensitive form of a name, for finding earlier cases of a victim."""
    return " ".join(name.casefold().split())


def normalise_postcode(postcode: str) -> str:
    return re.sub(r"\s+", "", postcode).upper()


def normalise_phone(phone: str) -> str:
    """Digits only, with a UK +44 prefix read as a leading 0."""
    digits = re.sub(r"\D", "", phone)
    if digits.startswith("44") and len(digits) > 10:
        digits = "0" + digits[2:]
    return digits


class CaseSequence(models.Model):
    """The last reference number issued for an area in a year. Rows are only ever incremented
    (under a row lock), so a reference is never issued twice, even after a case is deleted."""

    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["area", "year"], name="unique_case_sequence")
        ]

    def __str__(self) -> str:
        return f"{self.area} {self.year}: {self.last}"


class Case(models.Model):
    """One application for a Case Review, from receipt to closure."""

    # Restricted data: fields that no victim-facing output (letter, e-mail, tracking page,
    # published statistic) may ever show. Letters and public pages check against this list.
    RESTRICTED_FIELDS: ClassVar[tuple[str, ...]] = ("alleged_responsible",)

    reference = models.CharField(max_length=20, unique=True, editable=False)
    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="cases")
    # The policy version current at receipt: every rule and timescale of the case comes from it.
    policy = models.ForeignKey(AreaPolicy, on_delete=models.PROTECT, related_name="cases")
    status = models.CharField(
        max_length=30, choices=Status.choices, default=NOT_YET_RECEIVED, editable=False
    )
    channel = models.CharField(max_length=20, choices=Channel.choices)
    received_on = models.DateField(help_text="The day the application reached the council")
    received_at = models.DateTimeField(default=timezone.now, help_text="When it was recorded")

    # The victim.
    victim_kind = models.CharField(max_length=20, choices=VictimKind.choices, default="person")
    victim_name = models.CharField(max_length=200, blank=True)
    victim_address = models.TextField(blank=True)
    victim_postcode = models.CharField(max_length=10, blank=True)
    victim_email = models.EmailField(blank=True)
    victim_phone = models.CharField(max_length=40, blank=True)
    preferred_contact = models.CharField(
        max_length=10, choices=ContactMethod.choices, default=ContactMethod.LETTER
    )
    language = models.CharField(max_length=2, choices=Language.choices, default=Language.ENGLISH)
    vulnerability_notes = models.TextField(blank=True)
    support_needs = models.TextField(blank=True)
    # Normalised forms, kept for finding earlier cases of the same victim.
    victim_name_key = models.CharField(max_length=200, blank=True, editable=False)
    victim_postcode_key = models.CharField(max_length=10, blank=True, editable=False)
    victim_email_key = models.CharField(max_length=254, blank=True, editable=False)
    victim_phone_key = models.CharField(max_length=40, blank=True, editable=False)

    # The applicant, when someone applies for the victim.
    applicant_is_victim = models.BooleanField(default=True)
    applicant_name = models.CharField(max_length=200, blank=True)
    applicant_email = models.EmailField(blank=True)
    applicant_phone = models.CharField(max_length=40, blank=True)
    applicant_address = models.TextField(blank=True)
    applicant_relationship = models.CharField(
        max_length=20, choices=Relationship.choices, blank=True
    )
    consent_given_how = models.CharField(max_length=200, blank=True)
    consent_given_on = models.DateField(null=True, blank=True)

    # The behaviour.
    asb_description = models.TextField()
    location = models.TextField(blank=True)
    # RESTRICTED: see RESTRICTED_FIELDS.
    alleged_responsible = models.TextField(blank=True)

    spoc = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="spoc_cases",
        verbose_name=_("single point of contact"),
    )

    # Screening.
    not_suitable_reason = models.CharField(
        max_length=30, choices=NotSuitableReason.choices, blank=True
    )
    signposting = models.TextField(blank=True)
    repeat_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="repeats"
    )
    material_change = models.TextField(blank=True)
    declined_reasons = models.TextField(blank=True)

    acknowledged_on = models.DateField(null=True, blank=True)

    # The threshold decision.
    threshold_met = models.BooleanField(null=True, blank=True)
    decision_route = models.CharField(max_length=40, choices=DecisionRoute.choices, blank=True)
    local_route_code = models.CharField(max_length=60, blank=True)
    persistence_notes = models.TextField(blank=True)
    harm_notes = models.TextField(blank=True)
    adequacy_of_response_notes = models.TextField(blank=True)
    decision_reasons = models.TextField(blank=True)
    decided_on = models.DateField(null=True, blank=True)
    # The first decision's date: the decision deadline stays met by it when an upheld appeal
    # has the threshold decided again.
    first_decided_on = models.DateField(null=True, blank=True, editable=False)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    senior_manager_name = models.CharField(max_length=200, blank=True)
    senior_manager_decided_on = models.DateField(null=True, blank=True)
    senior_manager_reasons = models.TextField(blank=True)
    # What the rules engine said at decision time (see services.case_decide_threshold).
    threshold_result: models.JSONField[Any] = models.JSONField(null=True, blank=True)

    victim_contacted_on = models.DateField(null=True, blank=True)

    # The agency leading on the case: the council unless the review hands it to another.
    lead_agency = models.ForeignKey(
        Agency, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    # Withdrawal or closure.
    ended_on = models.DateField(null=True, blank=True)
    end_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-received_on", "-reference"]
        indexes = [
            models.Index(fields=["area", "status"], name="case_area_status"),
            models.Index(
                fields=["area", "victim_name_key", "victim_postcode_key"], name="case_victim_name"
            ),
            models.Index(fields=["area", "victim_email_key"], name="case_victim_email"),
            models.Index(fields=["area", "victim_phone_key"], name="case_victim_phone"),
            # The statutory statistics count one period of five years' cases (migration 0007).
            models.Index(fields=["received_on"], name="case_received_on"),
            models.Index(fields=["first_decided_on"], name="case_first_decided_on"),
            models.Index(fields=["status", "ended_on"], name="case_status_ended_on"),
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def is_final(self) -> bool:
        return self.status in FINAL_STATUSES

    @classmethod
    def is_restricted(cls, field_name: str) -> bool:
        """Whether ``field_name`` is restricted data that victim-facing output must not show."""
        return field_name in cls.RESTRICTED_FIELDS

    def refresh_match_keys(self) -> None:
        self.victim_name_key = normalise_name(self.victim_name)
        self.victim_postcode_key = normalise_postcode(self.victim_postcode)
        self.victim_email_key = self.victim_email.strip().lower()
        self.victim_phone_key = normalise_phone(self.victim_phone)


class ComplaintKind(models.TextChoices):
    COMPLAINT = RulesComplaintKind.COMPLAINT.value, _("Complaint")
    DIARY_SHEET = RulesComplaintKind.DIARY_SHEET.value, _("Diary sheet")


class ComplaintSource(models.TextChoices):
    STATED_BY_APPLICANT = "stated_by_applicant", _("Stated by the applicant")
    CONFIRMED_BY_AGENCY = "confirmed_by_agency", _("Confirmed by the agency")


class Complaint(models.Model):
    """One report of the behaviour to a relevant body, as the applicant stated it or as the
    agency's records confirm it. Only confirmed complaints count towards the threshold."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="complaints")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    reported_on = models.DateField()
    behaviour_on = models.DateField()
    agency_reference = models.CharField(max_length=100, blank=True)
    # Complaints sharing a key are one incident (one occasion reported to several agencies).
    incident_key = models.CharField(max_length=100, blank=True)
    kind = models.CharField(max_length=20, choices=ComplaintKind.choices, default="complaint")
    summary = models.TextField(blank=True)
    source = models.CharField(
        max_length=30, choices=ComplaintSource.choices, default=ComplaintSource.STATED_BY_APPLICANT
    )
    confirmed_by_response = models.ForeignKey(
        "partners.InformationResponse",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="complaints",
    )
    # The agency's incident record this complaint was made from, when there is one: its
    # confirmed cross-agency links set ``incident_key`` (``partners.Incident``).
    incident = models.ForeignKey(
        "partners.Incident",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="complaints",
    )
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["behaviour_on", "reported_on", "pk"]

    def __str__(self) -> str:
        return f"{self.case} complaint to {self.agency} on {self.reported_on:%Y-%m-%d}"

    @property
    def is_confirmed(self) -> bool:
        return self.source == ComplaintSource.CONFIRMED_BY_AGENCY

    def to_rules(self) -> RulesComplaint:
        """The complaint as the rules engine sees it; its id is the row's primary key."""
        return RulesComplaint(
            id=str(self.pk),
            behaviour_date=self.behaviour_on,
            reported_date=self.reported_on,
            agency=self.agency.code,
            incident=self.incident_key,
            kind=RulesComplaintKind(self.kind),
        )


class ImmutableRow(Exception):
    """An attempt to change or delete a history row."""


class CaseEventQuerySet(models.QuerySet["CaseEvent"]):
    def update(self, **kwargs: Any) -> int:
        raise ImmutableRow("Case events are never changed.")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise ImmutableRow("Case events are never deleted one by one.")


class CaseEvent(models.Model):
    """One thing that happened to a case: who, when, which step, the status before and after.
    Append-only: rows are written once and never changed. They go only when their case is
    deleted as a whole (which the deletion cascade does without calling these methods)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(default=timezone.now)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="Empty for the system",
    )
    step = models.CharField(max_length=40, choices=Step.choices)
    from_status = models.CharField(max_length=30, choices=Status.choices, blank=True)
    to_status = models.CharField(max_length=30, choices=Status.choices)
    note = models.TextField(blank=True)
    data: models.JSONField[Any] = models.JSONField(default=dict, blank=True)

    objects = CaseEventQuerySet.as_manager()

    class Meta:
        ordering = ["at", "pk"]
        indexes = [
            models.Index(fields=["case", "at"], name="case_event_case_at"),
            # Decisions and "declined as a repeat" counted by moment for the statistics.
            models.Index(fields=["step", "at"], name="case_event_step_at"),
        ]

    def __str__(self) -> str:
        return f"{self.case_id} {self.step} at {self.at:%Y-%m-%d %H:%M}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise ImmutableRow("Case events are never changed.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise ImmutableRow("Case events are never deleted one by one.")


class DeadlineKind(models.TextChoices):
    ACKNOWLEDGE = "acknowledge", _("Acknowledge the application")
    INFORMATION = "information", _("Relevant body supplies information")
    DECISION = "decision", _("Decide the threshold")
    REVIEW_REQUEST = "review_request", _("Victim may ask for the decision to be reviewed")
    VICTIM_CONTACT = "victim_contact", _("Phone the victim after the decision")
    REDECISION = "redecision", _("Decide the threshold again after an appeal")
    OUTCOME = "outcome", _("Tell the victim the outcome of the review")
    MINUTES = "minutes", _("Send the minutes and action plan to the panel")
    VICTIM_COMMENT = "victim_comment", _("Victim may comment on the draft action plan")
    ACTION = "action", _("Complete an action of the plan")
    APPEAL_HEARING = "appeal_hearing", _("Hear the appeal")
    APPEAL_OUTCOME = "appeal_outcome", _("Tell the victim the outcome of the appeal")


class Deadline(models.Model):
    """A stored due date of one step of one case (see ``casereview.cases.deadlines``).

    Rows are derived: ``recompute_deadlines`` rewrites them from the case after every step, so
    they are never edited by hand. Whether one is met, due or overdue depends on the day asked
    about and is never stored.
    """

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="deadlines")
    kind = models.CharField(max_length=20, choices=DeadlineKind.choices)
    # Most deadlines belong to the case alone, so these columns are mostly empty: their indexes
    # (Meta) leave the empty rows out. A full index made SQLite's planner take "no request" as
    # one row and read hundreds of thousands of deadlines for one case (bench/fixes/b5.toml).
    information_request = models.ForeignKey(
        "partners.InformationRequest",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="deadlines",
        db_index=False,
    )
    action = models.ForeignKey(
        "reviews.Action",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="deadlines",
        db_index=False,
    )
    appeal = models.ForeignKey(
        "appeals.Appeal",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="deadlines",
        db_index=False,
    )
    start_on = models.DateField()
    due_on = models.DateField()
    # {"rule": "3 working days", "lines": [...DueDate.explain()...]}
    explanation: models.JSONField[Any] = models.JSONField(default=dict)
    met_on = models.DateField(null=True, blank=True)
    # A window the victim has (asking for a review), not a duty of the service: shown, but
    # never reminded about or reported as overdue against the service.
    informational = models.BooleanField(default=False)

    class Meta:
        ordering = ["due_on", "kind", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["case", "kind"],
                condition=Q(
                    information_request__isnull=True, action__isnull=True, appeal__isnull=True
                ),
                name="unique_case_deadline",
            ),
            models.UniqueConstraint(
                fields=["case", "kind", "information_request"],
                condition=Q(information_request__isnull=False),
                name="unique_request_deadline",
            ),
            models.UniqueConstraint(
                fields=["case", "kind", "action"],
                condition=Q(action__isnull=False),
                name="unique_action_deadline",
            ),
            models.UniqueConstraint(
                fields=["case", "kind", "appeal"],
                condition=Q(appeal__isnull=False),
                name="unique_appeal_deadline",
            ),
        ]
        indexes = [
            models.Index(fields=["due_on", "met_on"], name="deadline_due_met"),
            models.Index(
                fields=["information_request"],
                condition=Q(information_request__isnull=False),
                name="deadline_request",
            ),
            models.Index(
                fields=["action"], condition=Q(action__isnull=False), name="deadline_action"
            ),
            models.Index(
                fields=["appeal"], condition=Q(appeal__isnull=False), name="deadline_appeal"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.case_id} {self.kind} due {self.due_on:%Y-%m-%d}"


class NoticeKind(models.TextChoices):
    REMINDER = "reminder", _("Reminder before the due date")
    OVERDUE = "overdue", _("Overdue alert")


class DeadlineNotice(models.Model):
    """One reminder or overdue alert about one due date of a deadline (``casereview.cases.sweep``).

    The row is the claim to send it: the sweep inserts it and enqueues the e-mail in the same
    transaction, and the unique constraint stops a second sweep, running at the same time or
    later, from claiming the same notice again. A deadline recomputed to a new due date gets
    fresh notices, because ``due_on`` is part of the key.
    """

    deadline = models.ForeignKey(Deadline, on_delete=models.CASCADE, related_name="notices")
    kind = models.CharField(max_length=10, choices=NoticeKind.choices)
    due_on = models.DateField(help_text="The due date the notice is about")
    # Staff addresses (the SPOC, or the area's coordinators), fixed when the notice is claimed.
    recipients: models.JSONField[Any] = models.JSONField(default=list)
    # The relevant body reminded that its information is due (information deadlines only).
    agency_email = models.EmailField(blank=True)
    queued_at = models.DateTimeField(default=timezone.now)
    times_queued = models.PositiveSmallIntegerField(default=1)
    sent_at = models.DateTimeField(null=True, blank=True)
    # Why the e-mail was not sent after all (the deadline was met or moved in the meantime).
    cancelled_reason = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["queued_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["deadline", "kind", "due_on"], name="unique_deadline_notice"
            )
        ]
        indexes = [
            models.Index(
                fields=["queued_at"],
                condition=Q(sent_at__isnull=True, cancelled_reason=""),
                name="deadline_notice_unsent",
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} for {self.deadline_id} due {self.due_on:%Y-%m-%d}"

    @property
    def is_settled(self) -> bool:
        """Sent, or cancelled: nothing is left to do for it."""
        return self.sent_at is not None or bool(self.cancelled_reason)
