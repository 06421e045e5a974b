"""Writing an area's procedure records: a new policy version, a consultation on the procedure
(Schedule 4 paragraphs 1-2), and a review of its effectiveness (paragraph 4).

Only area administrators write these. A policy version is never edited: each change is a new
version, and it takes effect the day it is saved, because the case workflow decides under the
highest version (``casereview.areas.selectors.current_policy_record``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from casereview.accounts.models import Role, User
from casereview.areas.models import Agency, Area, AreaPolicy
from casereview.areas.selectors import acts_in
from casereview.cases.step_support import check_actor
from casereview.publishing.models import Consultation, ConsulteeKind, EffectivenessReview
from casereview.rules.policy import LocalPolicy, policy_to_dict

ADMINISTRATORS = [Role.AREA_ADMINISTRATOR]


def save_policy_version(
    area: Area, policy: LocalPolicy, *, notes: str, by: User | None
) -> AreaPolicy:
    """``policy`` as the area's next version, in force from today.

    The area's row is locked while the number is chosen, so two administrators saving at once
    get versions N and N+1, never a clash. The policy check never blocks saving: the law lets an
    area write a stricter policy, which is then shown to administrators and the public.
    """
    check_actor(by, area, roles=ADMINISTRATORS)
    notes = notes.strip()
    if not notes:
        raise ValidationError({"notes": [_("Enter what changed and why")]})
    with transaction.atomic():
        Area.objects.select_for_update().filter(pk=area.pk).first()
        highest = AreaPolicy.objects.filter(area=area).aggregate(n=Max("version"))["n"] or 0
        return AreaPolicy.objects.create(
            area=area,
            version=highest + 1,
            rules=policy_to_dict(policy),
            effective_from=timezone.localdate(),
            notes=notes,
            created_by=by,
        )


def _check_dates(
    errors: dict[str, list[str]], consulted_on: dt.date, response_received_on: dt.date | None
) -> None:
    today = timezone.localdate()
    if consulted_on > today:
        errors["consulted_on"] = [_("The date consulted must be today or in the past")]
    if response_received_on is not None:
        if response_received_on > today:
            errors["response_received_on"] = [
                _("The date the response was received must be today or in the past")
            ]
        elif response_received_on < consulted_on:
            errors["response_received_on"] = [
                _("The date the response was received must be on or after the date consulted")
            ]


def _check_version(
    errors: dict[str, list[str]], field: str, area: Area, policy: AreaPolicy | None
) -> None:
    if policy is not None and policy.area_id != area.pk:
        errors[field] = [_("Choose a version of this area's policy")]


def _consultee(errors: dict[str, list[str]], area: Area, agency: Agency | None, name: str) -> str:
    """The name recorded for the consultee: the agency's, or the name given."""
    if agency is not None:
        if not acts_in(area, agency):
            errors["agency"] = [_("Choose one of the area's agencies")]
            return ""
        return agency.name
    name = name.strip()
    if not name:
        errors["consultee_name"] = [_("Choose an agency or enter the name of who was consulted")]
    return name


@dataclass(frozen=True)
class ConsultationDetails:
    """What a consultation record says: who was consulted on which version, when, and their
    response with what the area did about it."""

    consultee_kind: str
    agency: Agency | None
    consultee_name: str
    policy: AreaPolicy | None
    consulted_on: dt.date
    response_received_on: dt.date | None = None
    response_summary: str = ""
    outcome: str = ""


def record_consultation(
    area: Area, details: ConsultationDetails, *, by: User | None
) -> Consultation:
    """A new record of consulting someone on the area's procedure."""
    check_actor(by, area, roles=ADMINISTRATORS)
    return _write_consultation(Consultation(area=area, recorded_by=by), details)


def update_consultation(
    consultation: Consultation, details: ConsultationDetails, *, by: User | None
) -> Consultation:
    """A consultation corrected, or completed with the response when it arrives."""
    check_actor(by, consultation.area, roles=ADMINISTRATORS)
    return _write_consultation(consultation, details)


def _write_consultation(consultation: Consultation, details: ConsultationDetails) -> Consultation:
    area = consultation.area
    errors: dict[str, list[str]] = {}
    if details.consultee_kind not in ConsulteeKind.values:
        errors["consultee_kind"] = [_("Choose who was consulted")]
    name = _consultee(errors, area, details.agency, details.consultee_name)
    if details.policy is None:
        errors["policy"] = [_("Choose the version of the policy consulted on")]
    _check_version(errors, "policy", area, details.policy)
    _check_dates(errors, details.consulted_on, details.response_received_on)
    if errors:
        raise ValidationError(errors)
    consultation.consultee_kind = details.consultee_kind
    consultation.agency = details.agency
    consultation.consultee_name = name
    consultation.policy = details.policy
    consultation.consulted_on = details.consulted_on
    consultation.response_received_on = details.response_received_on
    consultation.response_summary = details.response_summary.strip()
    consultation.outcome = details.outcome.strip()
    consultation.save()
    return consultation


def record_review(
    area: Area,
    *,
    reviewed_on: dt.date,
    reviewed_by: str,
    findings: str,
    changes: str,
    policy: AreaPolicy | None,
    resulting_policy: AreaPolicy | None,
    next_review_due: dt.date | None,
    by: User | None,
) -> EffectivenessReview:
    """A review of how well the procedure works, with what it found and changed."""
    check_actor(by, area, roles=ADMINISTRATORS)
    errors: dict[str, list[str]] = {}
    if reviewed_on > timezone.localdate():
        errors["reviewed_on"] = [_("The date of the review must be today or in the past")]
    if not reviewed_by.strip():
        errors["reviewed_by"] = [_("Enter who carried out the review")]
    if not findings.strip():
        errors["findings"] = [_("Enter what the review found")]
    if next_review_due is not None and next_review_due <= reviewed_on:
        errors["next_review_due"] = [
            _("The date the next review is due must be after the date of the review")
        ]
    _check_version(errors, "policy", area, policy)
    _check_version(errors, "resulting_policy", area, resulting_policy)
    if errors:
        raise ValidationError(errors)
    return EffectivenessReview.objects.create(
        area=area,
        policy=policy,
        resulting_policy=resulting_policy,
        reviewed_on=reviewed_on,
        reviewed_by=reviewed_by.strip(),
        findings=findings.strip(),
        changes=changes.strip(),
        next_review_due=next_review_due,
        recorded_by=by,
    )
