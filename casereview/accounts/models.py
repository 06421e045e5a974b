"""Staff accounts: users signing in by e-mail, and their memberships of areas and agencies."""

from __future__ import annotations

from typing import Any, ClassVar

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from casereview.areas.models import Agency, Area


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **extra: Any) -> User:
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self.create_user(email, password, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    """A person who signs in: staff of a council or partner agency, a chair or a reviewer."""

    email = models.EmailField(_("e-mail address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=150)
    is_active = models.BooleanField(default=True)
    # Django's admin flag; service roles come from memberships, not from this.
    is_staff = models.BooleanField(default=False)
    date_joined = models.DateTimeField(default=timezone.now)

    objects: ClassVar[UserManager] = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        ordering = ["email"]

    def __str__(self) -> str:
        return self.full_name or self.email

    def get_full_name(self) -> str:
        return self.full_name

    def get_short_name(self) -> str:
        return self.full_name.split(" ")[0] if self.full_name else self.email


class Role(models.TextChoices):
    COORDINATOR = "coordinator", _("Case review coordinator")
    AREA_ADMINISTRATOR = "area_admin", _("Area administrator")
    AGENCY_REPRESENTATIVE = "agency_rep", _("Agency representative")
    CHAIR = "chair", _("Chair")
    APPEAL_REVIEWER = "appeal_reviewer", _("Appeal reviewer")
    READ_ONLY = "read_only", _("Read-only")


class Membership(models.Model):
    """A user's role in one area, or (for agency representatives) in one agency within an area.

    Every read of case data is scoped through these rows (see ``casereview.accounts.scoping``).
    """

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=20, choices=Role.choices)
    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="memberships")
    agency = models.ForeignKey(
        Agency, null=True, blank=True, on_delete=models.CASCADE, related_name="memberships"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["area__name", "role"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "area", "role"],
                condition=Q(agency__isnull=True),
                name="unique_area_role",
            ),
            models.UniqueConstraint(
                fields=["user", "area", "agency", "role"],
                condition=Q(agency__isnull=False),
                name="unique_agency_role",
            ),
            # An agency representative always speaks for one agency.
            models.CheckConstraint(
                condition=~Q(role="agency_rep") | Q(agency__isnull=False),
                name="agency_rep_has_agency",
            ),
        ]

    def __str__(self) -> str:
        where = f"{self.agency} in {self.area}" if self.agency_id else str(self.area)
        return f"{self.user}: {self.get_role_display()} ({where})"


class SignInFailure(models.Model):
    """One failed password sign-in for an e-mail address.

    Keyed by the address typed, not by a user, so that an address with no account is throttled
    exactly like one with an account and the lock-out itself reveals nothing. Rows older than
    the throttling window are pruned as new ones are written (see ``casereview.accounts.throttle``).
    """

    email = models.CharField(max_length=254)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["email", "at"], name="sign_in_failure_email_at")]

    def __str__(self) -> str:
        return f"{self.email} at {self.at:%Y-%m-%d %H:%M:%S}"
