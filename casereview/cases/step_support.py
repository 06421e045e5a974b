"""What every step's service function does around its own substance: lock the case row, check
who is acting, check dates, collect every input problem before refusing, and after the step
recompute the deadlines and schedule the side effects for after commit.

Shared by ``casereview.cases.services`` and ``casereview.partners.services``.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.utils import timezone
from django.utils.translation import gettext as _

from casereview.accounts.models import Role, User
from casereview.accounts.scoping import scope
from casereview.areas.models import Agency, Area
from casereview.cases.deadlines import recompute_deadlines
from casereview.cases.effects import schedule_after_step
from casereview.cases.models import Case, CaseEvent
from casereview.cases.selectors import CASE_WORKER_ROLES
from casereview.core.formatting import govuk_date

# The day the Case Review (then the Community Trigger) came into force: nothing is earlier.
COMMENCEMENT = date(2014, 10, 20)


def today() -> date:
    return timezone.localdate()


def lock(case: Case) -> Case:
    """``case`` read afresh with its row locked until the transaction ends."""
    return (
        Case.objects.select_for_update(of=("self",))
        .select_related("area", "policy")
        .get(pk=case.pk)
    )


def check_actor(
    by: User | None,
    area: Area,
    *,
    roles: Collection[str] = CASE_WORKER_ROLES,
    agency: Agency | None = None,
) -> None:
    """Refuse a person without one of ``roles`` in ``area`` (or, when ``agency`` is given, who
    does not represent that agency there). ``by=None`` is the system, which may act."""
    if by is None:
        return
    grants = scope(by)
    if grants.has(roles, area.pk):
        return
    if (
        agency is not None
        and agency.pk in grants.agency_ids(area.pk)
        and grants.has(Role.AGENCY_REPRESENTATIVE, area.pk)
    ):
        return
    raise PermissionDenied(_("You cannot act on cases of %(area)s.") % {"area": area.name})


class Problems:
    """Input problems, collected so that every one is reported at once."""

    def __init__(self) -> None:
        self.errors: dict[str, list[str]] = {}

    def add(self, field: str, message: str) -> None:
        self.errors.setdefault(field, []).append(message)

    def require(self, field: str, value: str, message: str) -> None:
        if not value.strip():
            self.add(field, message)

    def email(self, field: str, value: str) -> None:
        """An e-mail address, when one is given, that looks like one."""
        if value.strip():
            try:
                validate_email(value.strip())
            except ValidationError:
                self.add(field, _("Enter an e-mail address like name@example.com."))

    def day(
        self,
        field: str,
        value: date | None,
        *,
        not_before: date | None = None,
        not_before_what: str = "",
        required: bool = True,
    ) -> None:
        """A date that is given (when required), not in the future, and not before
        ``not_before`` (described by ``not_before_what``) or the Case Review's commencement."""
        if value is None:
            if required:
                self.add(field, _("Enter a date."))
            return
        if value > today():
            self.add(field, _("The date cannot be in the future."))
        elif value < COMMENCEMENT:
            self.add(
                field,
                _("The date cannot be before the Case Review began on %(day)s.")
                % {"day": govuk_date(COMMENCEMENT)},
            )
        elif not_before is not None and value < not_before:
            self.add(
                field,
                _("The date cannot be before %(what)s (%(day)s).")
                % {"what": not_before_what, "day": govuk_date(not_before)},
            )

    def raise_if_any(self) -> None:
        if self.errors:
            raise ValidationError(
                {
                    field: [ValidationError(m) for m in messages]
                    for field, messages in self.errors.items()
                }
            )


def finish(case: Case, *events: CaseEvent | None) -> None:
    """After steps that wrote ``events`` (None for a step that changed nothing): recompute the
    deadlines once and schedule each step's side effects for after commit."""
    written = [event for event in events if event is not None]
    if not written:
        return
    recompute_deadlines(case)
    for event in written:
        schedule_after_step(case.pk, event.step)
