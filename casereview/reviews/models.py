"""The review of a case that met the threshold: the victim's voice, the meeting and its panel,
what the meeting decided (minutes, the perpetrator proportionality assessment, recommendations,
the action plan), the victim's comments on the plan, and the actions monitored to completion.

Nothing here changes a case's status: the service functions in ``casereview.reviews.services``
do, through ``casereview.cases.workflow.transition``. Due dates live in ``Deadline`` rows
(``casereview.cases.deadlines``), the one place every due date of a case lives.

Restricted data: the proportionality assessment is about the people alleged responsible, and an
action the victim may not see may name them; ``RESTRICTED_FIELDS`` and ``Action.victim_may_see``
say so, and nothing victim-facing ever shows them (``casereview.letters.services``).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from casereview.areas.models import Agency
from casereview.cases.models import Case, ContactMethod

# Uploaded victim impact statements are kept in the database (one database to back up).
MAX_UPLOAD_BYTES = 10 * 1024 * 1024
UPLOAD_TYPES: dict[str, str] = {
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".doc": "application/msword",
    ".odt": "application/vnd.oasis.opendocument.text",
    ".txt": "text/plain",
    ".rtf": "application/rtf",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
}


class VoiceChoice(models.TextChoices):
    ATTEND_IN_PERSON = "attend_in_person", _("Attend the first part of the meeting in person")
    ATTEND_BY_VIDEO = "attend_by_video", _("Attend the first part of the meeting by video")
    IMPACT_STATEMENT = "impact_statement", _("A written victim impact statement")
    ADVOCATE = "advocate", _("An advocate or representative speaks for them")
    NONE = "none", _("None of these")


ATTENDING = frozenset({VoiceChoice.ATTEND_IN_PERSON, VoiceChoice.ATTEND_BY_VIDEO})


class HeardHow(models.TextChoices):
    """How the victim's choice or comment reached the council: one of the ways staff contact
    them (``ContactMethod``), or the victim's own action on the online tracking page. Staff
    forms offer only the first three; "online" is written by the public pages alone, so a record
    never claims that someone spoke to the victim when nobody did."""

    EMAIL = ContactMethod.EMAIL.value, _("E-mail")
    PHONE = ContactMethod.PHONE.value, _("Phone")
    LETTER = ContactMethod.LETTER.value, _("Letter")
    ONLINE = "online", _("The online tracking page")


class VictimVoice(models.Model):
    """How the victim is heard at the review, as they last chose (each choice, and each change,
    is also an event of the case)."""

    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="victim_voice")
    # When the SPOC spoke to the victim about it, or the day the victim chose online.
    contacted_on = models.DateField(help_text="When the SPOC spoke to the victim about it")
    contacted_how = models.CharField(
        max_length=10, choices=HeardHow.choices, default=HeardHow.PHONE
    )
    choice = models.CharField(max_length=20, choices=VoiceChoice.choices)
    statement = models.TextField(blank=True, help_text="A typed victim impact statement")
    statement_file_name = models.CharField(max_length=200, blank=True)
    statement_file_type = models.CharField(max_length=100, blank=True)
    statement_file = models.BinaryField(null=True, blank=True, editable=False)
    advocate_name = models.CharField(max_length=200, blank=True)
    advocate_organisation = models.CharField(max_length=200, blank=True)
    advocate_contact = models.CharField(max_length=200, blank=True)
    support_offered = models.TextField(
        blank=True, help_text="Support services offered, and any referral made"
    )
    # In the victim's own words: what they need to take part (step-free access, an interpreter,
    # someone with them). Not the same as the support staff offered above.
    support_needs = models.TextField(
        blank=True, help_text="What the victim needs to take part, as they said it"
    )
    updated_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"{self.case}: {self.choice}"

    @property
    def attends(self) -> bool:
        return self.choice in ATTENDING

    @property
    def has_statement(self) -> bool:
        return bool(self.statement.strip() or self.statement_file_name)


class Meeting(models.Model):
    """One review meeting of a case (a second one when an appeal reconvenes the review)."""

    # Restricted data: the assessment is about the people alleged responsible.
    RESTRICTED_FIELDS: ClassVar[tuple[str, ...]] = (
        "interventions_considered",
        "necessity_and_proportionality",
        "rights_considered",
        "proportionality_decision",
    )

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="meetings")
    number = models.PositiveSmallIntegerField(default=1)
    starts_at = models.DateTimeField()
    duration_minutes = models.PositiveSmallIntegerField(default=120)
    # The first part, which the victim may attend.
    victim_part_minutes = models.PositiveSmallIntegerField(default=30)
    place = models.TextField(blank=True)
    video_link = models.URLField(blank=True, max_length=500)

    chair_name = models.CharField(max_length=200)
    chair_organisation = models.CharField(max_length=200)
    chair_email = models.EmailField(blank=True)
    chair_agency = models.ForeignKey(
        Agency, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    chair_independent = models.BooleanField(
        default=False, help_text="From outside the agencies that handled the case"
    )
    victim_invited = models.BooleanField(default=False)
    # The chair's invitation to the meeting as last arranged (panel members have their own).
    chair_invited_at = models.DateTimeField(null=True, blank=True)
    chair_invitation_error = models.CharField(max_length=300, blank=True)
    scheduled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    scheduled_at = models.DateTimeField(default=timezone.now)

    # The record of the meeting.
    held_on = models.DateField(null=True, blank=True)
    victim_attended = models.BooleanField(null=True, blank=True)
    minutes = models.TextField(blank=True)
    outcome = models.TextField(blank=True, help_text="The outcome as the victim is told it")
    # The perpetrator proportionality assessment (RESTRICTED).
    interventions_considered = models.TextField(blank=True)
    necessity_and_proportionality = models.TextField(blank=True)
    rights_considered = models.TextField(blank=True)
    proportionality_decision = models.TextField(blank=True)

    # After the meeting.
    outcome_sent_on = models.DateField(null=True, blank=True)
    outcome_phoned_on = models.DateField(null=True, blank=True)
    minutes_sent_on = models.DateField(null=True, blank=True)
    plan_shared_on = models.DateField(null=True, blank=True)
    comment_until = models.DateField(null=True, blank=True)
    plan_finalised_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["case", "number"]
        constraints = [
            models.UniqueConstraint(fields=["case", "number"], name="one_meeting_number_per_case")
        ]

    def __str__(self) -> str:
        return f"{self.case} meeting {self.number}"

    @property
    def ends_at(self) -> datetime:
        return self.starts_at + timedelta(minutes=self.duration_minutes)

    @property
    def victim_part_ends_at(self) -> datetime:
        return self.starts_at + timedelta(minutes=self.victim_part_minutes)


class InvitationResponse(models.TextChoices):
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")


class PanelMember(models.Model):
    """One person on a meeting's panel, for an agency of the directory or another organisation
    relevant to the case (a fire service, mental health or drug and alcohol services)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="panel")
    agency = models.ForeignKey(
        Agency, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    organisation = models.CharField(max_length=200, blank=True)
    name = models.CharField(max_length=200)
    role = models.CharField(max_length=200, blank=True)
    email = models.EmailField(blank=True)
    # Whether the agency is one of the area's relevant bodies, fixed when the panel is set.
    relevant_body = models.BooleanField(default=False)
    attended = models.BooleanField(null=True, blank=True)
    invited_at = models.DateTimeField(null=True, blank=True)
    invitation_error = models.CharField(max_length=300, blank=True)
    # The agency's answer to the invitation, given by one of its representatives.
    response = models.CharField(max_length=10, choices=InvitationResponse.choices, blank=True)
    responded_at = models.DateTimeField(null=True, blank=True)
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    response_note = models.TextField(blank=True)

    class Meta:
        ordering = ["meeting", "-relevant_body", "pk"]

    def __str__(self) -> str:
        return f"{self.name} ({self.organisation_name})"

    @property
    def organisation_name(self) -> str:
        return self.agency.name if self.agency is not None else self.organisation


class Recommendation(models.Model):
    """A recommendation of the review to one named body, which must have regard to it."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="recommendations")
    agency = models.ForeignKey(
        Agency, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    body_name = models.CharField(max_length=200, blank=True)
    text = models.TextField()
    response = models.TextField(blank=True, help_text="How the body had regard to it")

    class Meta:
        ordering = ["meeting", "pk"]

    def __str__(self) -> str:
        return f"{self.meeting}: to {self.addressed_to}"

    @property
    def addressed_to(self) -> str:
        return self.agency.name if self.agency is not None else self.body_name


class ActionStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    CANCELLED = "cancelled", _("Cancelled")


FINISHED_ACTIONS = frozenset({ActionStatus.DONE, ActionStatus.CANCELLED})


class Action(models.Model):
    """One action of a meeting's action plan, owned by one agency."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="actions")
    description = models.TextField()
    owner = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    due_on = models.DateField()
    status = models.CharField(
        max_length=20, choices=ActionStatus.choices, default=ActionStatus.NOT_STARTED
    )
    # An action that would identify the people alleged responsible, or their personal data,
    # is kept from the victim (reference procedure section 12).
    victim_may_see = models.BooleanField(default=True)
    completed_on = models.DateField(null=True, blank=True)
    progress = models.TextField(blank=True)

    class Meta:
        ordering = ["meeting", "due_on", "pk"]

    def __str__(self) -> str:
        return f"{self.meeting}: {self.description[:40]}"

    @property
    def is_finished(self) -> bool:
        return self.status in FINISHED_ACTIONS


class VictimComment(models.Model):
    """What the victim said about the draft action plan; kept with the plan."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="victim_comments")
    received_on = models.DateField()
    how = models.CharField(max_length=10, choices=HeardHow.choices)
    text = models.TextField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["meeting", "received_on", "pk"]

    def __str__(self) -> str:
        return f"{self.meeting}: comment of {self.received_on:%Y-%m-%d}"
