"""Information requests to the relevant bodies of an area, and their responses (Sch. 4 para 7).

Every request and every response is kept: they are the log of information sharing the law asks
for. A request's due date is its ``Deadline`` row (``casereview.cases.deadlines``), the one
place every due date of a case lives.
"""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from casereview.areas.models import Agency, Area
from casereview.cases.models import Case, ComplaintKind, normalise_name, normalise_postcode
from casereview.rules.dates import add_months


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
    # Documents supplied, described; the files themselves are ``ResponseDocument`` rows.
    documents = models.TextField(blank=True)
    # A data-protection or confidence exemption the body relied on to withhold anything
    # (``ExemptionRelied`` or words of the body's own), and why it applies.
    exemption_relied_on = models.TextField(blank=True)
    exemption_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["received_on", "pk"]

    def __str__(self) -> str:
        return f"{self.request} answered {self.received_on:%Y-%m-%d}"


class ExemptionRelied(models.TextChoices):
    """The data-protection and confidence exemptions a relevant body most often relies on to
    withhold part of what it holds (Data Protection Act 2018, Sch. 2 and 3; common law)."""

    CRIME_AND_TAXATION = "crime", _("Prevention or detection of crime (DPA 2018, Sch. 2 para 2)")
    THIRD_PARTY = "third_party", _("Another person's personal data (DPA 2018, Sch. 2 para 16)")
    LEGAL_PRIVILEGE = (
        "legal_privilege",
        _("Legal professional privilege (DPA 2018, Sch. 2 para 19)"),
    )
    HEALTH_DATA = "health", _("Health data: serious harm (DPA 2018, Sch. 3 para 5)")
    CONFIDENCE = "confidence", _("A duty of confidence")
    OTHER = "other", _("Another exemption")


class ResponseDocument(models.Model):
    """A file a relevant body supplied with its response."""

    response = models.ForeignKey(
        InformationResponse, on_delete=models.CASCADE, related_name="files"
    )
    name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    data = models.BinaryField()
    size = models.PositiveIntegerField()
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["response", "pk"]

    def __str__(self) -> str:
        return self.name


# --- Incident data pushed by agencies ----------------------------------------------------------


class PartnerVictim(models.Model):
    """A victim as one agency's records know them, in one area.

    The same person known to several agencies is several rows; confirmed ``VictimLink`` rows
    join them. ``person_key`` is the smallest pk of the rows joined by confirmed links (its own
    pk when it stands alone), so "the same person" is one indexed column for set-based queries.
    """

    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="+")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    # The agency's own identifier of the person, when it sends one.
    agency_reference = models.CharField(max_length=100, blank=True)
    name = models.CharField(max_length=200)
    date_of_birth = models.DateField(null=True, blank=True)
    address = models.TextField(blank=True)
    postcode = models.CharField(max_length=10, blank=True)
    name_key = models.CharField(max_length=200, editable=False)
    postcode_key = models.CharField(max_length=10, blank=True, editable=False)
    person_key = models.PositiveBigIntegerField(default=0, db_index=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["area", "name_key", "pk"]
        indexes = [
            models.Index(fields=["area", "postcode_key"], name="partnervictim_postcode"),
            models.Index(fields=["area", "date_of_birth"], name="partnervictim_birth"),
            models.Index(fields=["area", "name_key"], name="partnervictim_name"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["area", "agency", "agency_reference"],
                condition=~models.Q(agency_reference=""),
                name="one_partner_victim_per_reference",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.agency})"

    def refresh_keys(self) -> None:
        self.name_key = normalise_name(self.name)
        self.postcode_key = normalise_postcode(self.postcode)


def months_late(behaviour_on: date, reported_on: date) -> int:
    """The fewest whole calendar months after the behaviour within which it was reported (0 when
    reported on the day): a complaint is in time under a policy of M months when this is <= M.
    Stored, so that the repeat-victim check can compare it in SQL on any database."""
    months = 0
    while add_months(behaviour_on, months) < reported_on:
        months += 1
    return months


def occasion_key_of(linked: bool, group_key: int, behaviour_on: date) -> int:
    """The occasion an incident is about, as the repeat-victim check counts occasions when
    same-day reports are one occasion: a confirmed cross-agency group's ``group_key`` (a
    positive pk) when ``linked``, else minus the behaviour day's ordinal (never above -1), which
    unlinked incidents about the same day share. No key of one kind equals one of the other."""
    return group_key if linked else -behaviour_on.toordinal()


class Incident(models.Model):
    """One incident as an agency recorded it: a complaint of ASB (or a diary sheet) reported to
    it. Pushed through the API or imported from CSV; unique on the agency's own reference in
    the area, which makes re-sending the same record change nothing."""

    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="+")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    agency_reference = models.CharField(max_length=100)
    victim = models.ForeignKey(
        PartnerVictim, null=True, blank=True, on_delete=models.PROTECT, related_name="incidents"
    )
    behaviour_on = models.DateField()
    behaviour_time = models.TimeField(null=True, blank=True)
    reported_on = models.DateField()
    kind = models.CharField(max_length=20, choices=ComplaintKind.choices, default="complaint")
    location = models.TextField(blank=True)
    postcode = models.CharField(max_length=10, blank=True)
    postcode_key = models.CharField(max_length=10, blank=True, editable=False)
    description = models.TextField(blank=True)
    # Derived on save: how late it was reported, in days and in calendar months (see
    # ``months_late``), for set-based qualifying checks.
    days_late = models.PositiveIntegerField(default=0, editable=False)
    months_late = models.PositiveSmallIntegerField(default=0, editable=False)
    # The smallest pk of the incidents joined to this one by confirmed ``IncidentLink`` rows
    # (its own pk when none); ``linked`` when that group has more than one incident.
    group_key = models.PositiveBigIntegerField(default=0, db_index=True, editable=False)
    linked = models.BooleanField(default=False, editable=False)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    # Copies kept for the repeat-victim check, which groups incidents by person and counts
    # occasions from one index of the incident table alone (bench/fixes/b2.toml): the
    # ``person_key`` of its victim record (None when it has none), and ``occasion_key_of`` its
    # group and behaviour day. Written with the incident by the ingest service and brought up
    # to date with the keys they copy by ``partners.matching.services``.
    person_key = models.PositiveBigIntegerField(null=True, blank=True, editable=False)
    occasion_key = models.BigIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["area", "behaviour_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["area", "agency", "agency_reference"], name="one_incident_per_reference"
            )
        ]
        indexes = [
            models.Index(fields=["area", "behaviour_on"], name="incident_behaviour"),
            # The repeat-victim check's range (area, report dates) with every other column it
            # reads after it, so that it is answered from the index alone, without a lookup of
            # the table row per incident (bench/fixes/b1_b2.toml). Any other query on area and
            # report date uses its first two columns.
            models.Index(
                fields=[
                    "area",
                    "reported_on",
                    "agency",
                    "kind",
                    "days_late",
                    "months_late",
                    "victim",
                    "linked",
                    "group_key",
                    "behaviour_on",
                ],
                name="incident_reported_check",
            ),
            models.Index(fields=["victim", "reported_on"], name="incident_victim_reported"),
        ]

    def __str__(self) -> str:
        return f"{self.agency} {self.agency_reference}"

    def refresh_derived(self) -> None:
        """Set the derived columns from the dates, postcode, group and victim record (call
        before saving)."""
        self.postcode_key = normalise_postcode(self.postcode)
        self.days_late = max(0, (self.reported_on - self.behaviour_on).days)
        self.months_late = months_late(self.behaviour_on, self.reported_on)
        self.occasion_key = occasion_key_of(self.linked, self.group_key, self.behaviour_on)
        self.person_key = self.victim.person_key if self.victim is not None else None

    @property
    def complaint_incident_key(self) -> str:
        """The ``Complaint.incident_key`` a complaint made from this incident carries: shared by
        every incident of a confirmed group (so the threshold engine counts them once), empty
        for an incident that stands alone."""
        return f"linked-{self.group_key}" if self.linked else ""


class LinkStatus(models.TextChoices):
    PROPOSED = "proposed", _("Possible match")
    CONFIRMED = "confirmed", _("Confirmed")
    SPLIT = "split", _("Not the same")


class Link(models.Model):
    """A possible (then confirmed or split) match of two records of different agencies. Only
    confirmed links join records; ``first`` is always the record with the smaller pk."""

    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="+")
    score = models.FloatField(help_text="0 to 100: how alike the two records are")
    # Why they were matched: [{"code": ..., **values}], shown in words by the matching page.
    reasons = models.JSONField(default=list)
    status = models.CharField(max_length=10, choices=LinkStatus.choices, default="proposed")
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        abstract = True
        ordering = ["area", "-score", "pk"]

    def __str__(self) -> str:
        first_id = getattr(self, "first_id", None)
        second_id = getattr(self, "second_id", None)
        return f"{first_id} ~ {second_id} ({self.status})"


class IncidentLink(Link):
    """The same occasion reported to two agencies, possibly."""

    first = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="+")
    second = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="+")

    class Meta(Link.Meta):
        constraints = [
            models.UniqueConstraint(fields=["first", "second"], name="one_link_per_incident_pair"),
            models.CheckConstraint(
                condition=models.Q(first__lt=models.F("second")), name="incident_link_ordered"
            ),
        ]
        indexes = [models.Index(fields=["area", "status"], name="incidentlink_status")]


class VictimLink(Link):
    """Two agencies' records of one victim, possibly."""

    first = models.ForeignKey(PartnerVictim, on_delete=models.CASCADE, related_name="+")
    second = models.ForeignKey(PartnerVictim, on_delete=models.CASCADE, related_name="+")

    class Meta(Link.Meta):
        constraints = [
            models.UniqueConstraint(fields=["first", "second"], name="one_link_per_victim_pair"),
            models.CheckConstraint(
                condition=models.Q(first__lt=models.F("second")), name="victim_link_ordered"
            ),
        ]
        indexes = [models.Index(fields=["area", "status"], name="victimlink_status")]


class MatchKind(models.TextChoices):
    INCIDENT = "incident", _("Incident")
    VICTIM = "victim", _("Victim")


class MatchDecision(models.Model):
    """Every confirm or split of a link, by whom and why: append-only."""

    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=10, choices=MatchKind.choices)
    link_id = models.PositiveBigIntegerField()
    decision = models.CharField(max_length=10, choices=LinkStatus.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["area", "at", "pk"]

    def __str__(self) -> str:
        return f"{self.kind} link {self.link_id}: {self.decision}"


# --- API tokens -------------------------------------------------------------------------------


class AgencyToken(models.Model):
    """A key with which one agency's systems use the API for one area. Only a hash is stored:
    the key is shown once, when an area administrator issues it."""

    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="+")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    name = models.CharField(
        max_length=100, help_text="What the key is for, e.g. the system using it"
    )
    # The first characters of the key, shown to tell keys apart and used to find the row.
    prefix = models.CharField(max_length=16, unique=True)
    key_hash = models.CharField(max_length=64)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["area", "agency__name", "-created_at"]

    def __str__(self) -> str:
        return f"{self.agency} key {self.prefix}"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None


# --- CSV imports ------------------------------------------------------------------------------


class ImportStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting to start")
    CHECKING = "checking", _("Checking the rows")
    IMPORTING = "importing", _("Importing")
    DONE = "done", _("Imported")
    REJECTED = "rejected", _("Not imported: some rows have problems")
    FAILED = "failed", _("Not imported: something went wrong")


class IncidentImport(models.Model):
    """One uploaded CSV file of an agency's incidents, imported by a background task."""

    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="+")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    file_name = models.CharField(max_length=200)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=timezone.now)
    status = models.CharField(max_length=10, choices=ImportStatus.choices, default="queued")
    total_rows = models.PositiveIntegerField(default=0)
    rows_done = models.PositiveIntegerField(default=0)
    created = models.PositiveIntegerField(default=0)
    updated = models.PositiveIntegerField(default=0)
    unchanged = models.PositiveIntegerField(default=0)
    # Every rejected row: [{"row": n, "reference": ..., "field": ..., "message": ...}].
    problems = models.JSONField(default=list)
    failure = models.TextField(blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["area", "-uploaded_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.file_name} ({self.status})"


class IncidentImportFile(models.Model):
    """The uploaded file of an ``IncidentImport``, read once by its import.

    Kept in a row of its own, not in the import's: SQLite rewrites a row's whole record, a file
    of up to 20 MiB with it, whenever a column changes size, and an import's row changes as it
    runs (its status, its counts of rows). With the file in it, those writes took about a
    twentieth of a CSV import's time (bench/fixes/b3.toml)."""

    upload = models.OneToOneField(
        IncidentImport, primary_key=True, on_delete=models.CASCADE, related_name="file"
    )
    content = models.BinaryField()

    def __str__(self) -> str:
        return f"file of import {self.pk}"


# --- The second-report duty -------------------------------------------------------------------


class ExplainedHow(models.TextChoices):
    LETTER = "letter", _("Letter")
    EMAIL = "email", _("E-mail")
    PHONE = "phone", _("Phone")
    IN_PERSON = "in_person", _("In person")


class SecondReportPrompt(models.Model):
    """A victim made a second ASB report within six months of an earlier one: the area must
    explain the Case Review to them (statutory guidance, 2025). Raised once per second report;
    settled when someone records how the review was explained."""

    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="+")
    victim = models.ForeignKey(PartnerVictim, on_delete=models.CASCADE, related_name="+")
    earlier_incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="+")
    second_incident = models.OneToOneField(
        Incident, on_delete=models.CASCADE, related_name="second_report_prompt"
    )
    raised_on = models.DateField()
    explained_on = models.DateField(null=True, blank=True)
    explained_how = models.CharField(max_length=10, choices=ExplainedHow.choices, blank=True)
    explained_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["area", "explained_on", "raised_on", "pk"]

    def __str__(self) -> str:
        return f"Explain the Case Review to {self.victim}"
