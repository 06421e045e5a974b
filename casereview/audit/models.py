"""The audit log: who viewed, changed, downloaded, searched or exported which case data, when,
and from where.

One append-only table, ``AuditRecord``. Each row carries a strictly increasing sequence number
and a hash over its own unchanging fields and the previous row's hash (``casereview.audit.chain``),
so that a row deleted or altered behind the application's back is found by
``manage.py verify_audit``. The last sequence number and hash live in ``ChainHead``, a one-row
table whose row lock serialises appends, so two requests can never fork the chain.

``AccessRecord`` is the reads only (views, downloads, API reads, searches, exports): the log as
the case pages and their tests have always known it.

Rows keep the case's reference as text so the record outlives the case it describes, and never
hold personal data: references, ids and field names, not names or addresses.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ImmutableRecord(Exception):
    """An attempt to change or delete an audit record."""


class Kind(models.TextChoices):
    VIEW = "view", _("View")
    CHANGE = "change", _("Change")
    DOWNLOAD = "download", _("Download")
    API_READ = "api_read", _("API read")
    SEARCH = "search", _("Search")
    EXPORT = "export", _("Export")
    ADMIN = "admin", _("Administration")


# The kinds that are reads of case data (everything but changes and administration).
READ_KINDS = (Kind.VIEW, Kind.DOWNLOAD, Kind.API_READ, Kind.SEARCH, Kind.EXPORT)


class AuditRecordQuerySet(models.QuerySet[Any]):
    """Audit rows of any kind (``AuditRecord`` or its proxy ``AccessRecord``), never updated or
    deleted in bulk."""

    def update(self, **kwargs: Any) -> int:
        raise ImmutableRecord("Audit records are never changed.")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise ImmutableRecord("Audit records are never deleted.")

    def bulk_update(self, *args: Any, **kwargs: Any) -> int:
        raise ImmutableRecord("Audit records are never changed.")


class AuditRecord(models.Model):
    seq = models.PositiveBigIntegerField(unique=True)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.VIEW)
    at = models.DateTimeField(default=timezone.now)
    # Who: a person (their id, and their e-mail address as it was then), an API key (its id and
    # agency, in ``actor``), "public: tracking link" or "system" (a worker or a command).
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    actor = models.CharField(max_length=300, blank=True)
    api_key_id = models.PositiveBigIntegerField(null=True, blank=True)
    # What: the case (its reference is kept: the link is cut if the case is ever deleted) and
    # the object, as model label and primary key.
    case = models.ForeignKey(
        "cases.Case", null=True, on_delete=models.SET_NULL, related_name="access_records"
    )
    case_reference = models.CharField(max_length=20, blank=True)
    # The area the record belongs to (the case's, or the area-wide list read). Kept as it was
    # when written, even if the area is removed, so that it can be part of the row's hash.
    area = models.ForeignKey(
        "areas.Area",
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    object_label = models.CharField(max_length=100, blank=True)
    object_pk = models.CharField(max_length=64, blank=True)
    what = models.CharField(max_length=200)
    # From where.
    path = models.CharField(max_length=500, blank=True)
    method = models.CharField(max_length=10, blank=True)
    client_address = models.CharField(max_length=64, blank=True)
    user_agent = models.CharField(max_length=200, blank=True)
    request_id = models.CharField(max_length=64, blank=True)
    # The chain.
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64)

    objects = AuditRecordQuerySet.as_manager()

    class Meta:
        ordering = ["seq"]
        indexes = [
            models.Index(fields=["case_reference", "at"], name="access_case_at"),
            models.Index(fields=["user", "at"], name="access_user_at"),
            models.Index(fields=["area", "at"], name="audit_area_at"),
        ]

    def __str__(self) -> str:
        return f"#{self.seq} {self.kind} by {self.actor}: {self.what} at {self.at:%Y-%m-%d %H:%M}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise ImmutableRecord("Audit records are never changed.")
        if not self.hash:
            raise ImmutableRecord("Audit records are appended through casereview.audit.chain.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise ImmutableRecord("Audit records are never deleted.")


class AccessRecordManager(models.Manager["AccessRecord"]):
    def get_queryset(self) -> AuditRecordQuerySet:
        return AuditRecordQuerySet(self.model, using=self._db).filter(kind__in=READ_KINDS)


class AccessRecord(AuditRecord):
    """The reads of case data: the audit records that are not changes or administration."""

    objects = AccessRecordManager()  # type: ignore[assignment,misc]

    class Meta:
        proxy = True
        ordering = ["seq"]


class ChainHead(models.Model):
    """The one row holding the chain's last sequence number and hash. Appends lock it."""

    seq = models.PositiveBigIntegerField(default=0)
    hash = models.CharField(max_length=64, blank=True)

    def __str__(self) -> str:
        return f"audit chain at #{self.seq}"
