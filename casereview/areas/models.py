"""Local government areas, the agencies that act in them, and each area's versioned policy."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Nation(models.TextChoices):
    ENGLAND = "england", _("England")
    WALES = "wales", _("Wales")


class AreaType(models.TextChoices):
    """Types of lower-tier and unitary council, using mySociety's type codes."""

    NON_METROPOLITAN_DISTRICT = "NMD", _("Non-metropolitan district")
    UNITARY_AUTHORITY = "UA", _("Unitary authority")
    METROPOLITAN_DISTRICT = "MD", _("Metropolitan district")
    LONDON_BOROUGH = "LBO", _("London borough")
    CITY_CORPORATION = "CC", _("City corporation")
    WELSH_UNITARY_AUTHORITY = "WPA", _("Welsh unitary authority")


class AgencyKind(models.TextChoices):
    COUNCIL = "council", _("Council")
    COUNTY_COUNCIL = "county_council", _("County council")
    POLICE = "police", _("Police force")
    HEALTH = "health", _("Integrated care board or local health board")
    HOUSING = "housing", _("Social housing provider")
    POLICE_AND_CRIME_COMMISSIONER = "pcc", _("Police and crime commissioner")
    FIRE = "fire", _("Fire and rescue service")
    OTHER = "other", _("Other service")


class Agency(models.Model):
    """A body that can be a relevant body of an area, or take part in a review.

    Councils, police forces and county councils are loaded from the reference data; health
    bodies, housing providers and other services are added per area by its administrator.
    """

    code = models.SlugField(max_length=80, unique=True)
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=AgencyKind.choices)
    nation = models.CharField(max_length=10, choices=Nation.choices, blank=True)
    gss_code = models.CharField(max_length=9, blank=True)
    website = models.URLField(blank=True)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "agencies"

    def __str__(self) -> str:
        return self.name


class Area(models.Model):
    """A local government area (lower-tier or unitary council) that runs a Case Review procedure."""

    gss_code = models.CharField(max_length=9, unique=True)
    la_code = models.CharField(max_length=3, unique=True, help_text="mySociety three-letter code")
    slug = models.SlugField(max_length=80, unique=True)
    name = models.CharField(
        max_length=120, help_text="Short name, for example 'East Hertfordshire'"
    )
    official_name = models.CharField(max_length=200)
    alt_names = models.TextField(blank=True, help_text="Other names, one per line, for search")
    nation = models.CharField(max_length=10, choices=Nation.choices)
    region = models.CharField(max_length=60)
    area_type = models.CharField(max_length=3, choices=AreaType.choices)
    council = models.OneToOneField(Agency, on_delete=models.PROTECT, related_name="council_area")
    county_council = models.ForeignKey(
        Agency, null=True, blank=True, on_delete=models.PROTECT, related_name="county_areas"
    )
    police_force = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="police_areas")
    population = models.PositiveIntegerField(null=True, blank=True)

    # Whether this area runs its Case Review on this service (an onboarded area).
    on_service = models.BooleanField(default=False)
    # How to apply outside the online service; shown on the public area page.
    contact_email = models.EmailField(blank=True)
    contact_phone = models.CharField(max_length=40, blank=True)
    contact_address = models.TextField(blank=True)
    procedure_url = models.URLField(blank=True)

    agencies: models.ManyToManyField[Agency, AreaAgency] = models.ManyToManyField(
        Agency, through="AreaAgency", related_name="areas"
    )

    class Meta:
        ordering = ["name"]
        indexes = [models.Index(fields=["region", "name"])]

    def __str__(self) -> str:
        return self.name

    def current_policy(self) -> AreaPolicy | None:
        return self.policies.order_by("-version").first()


class AreaAgency(models.Model):
    """An agency's part in an area: a relevant body under s.105, or another service that may sit
    on a panel (fire service, mental health, drug and alcohol services)."""

    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="area_agencies")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="area_agencies")
    relevant_body = models.BooleanField(default=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["area", "agency"], name="unique_agency_per_area")
        ]

    def __str__(self) -> str:
        return f"{self.agency} in {self.area}"


class AreaPolicy(models.Model):
    """One version of an area's local Case Review policy. Versions are never edited once a case
    has been decided under them; a change makes a new version."""

    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="policies")
    version = models.PositiveIntegerField()
    # The serialised ``casereview.rules.LocalPolicy`` (see casereview.rules.policy).
    rules: models.JSONField[Any] = models.JSONField()
    effective_from = models.DateField()
    notes = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["area", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["area", "version"], name="unique_policy_version"),
            models.CheckConstraint(condition=Q(version__gte=1), name="policy_version_positive"),
        ]
        verbose_name_plural = "area policies"

    def __str__(self) -> str:
        return f"{self.area} policy v{self.version}"
