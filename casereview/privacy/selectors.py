"""Reads for privacy: which closed cases the retention period has run out for, and which records
hold a person's data, always within the areas the caller administers.

A person's records are named by tokens (``Match.token``): ``case-victim:<pk>``,
``case-applicant:<pk>``, ``partner-victim:<pk>``, ``draft:<uuid>``. The pages carry tokens, never
the data, and every token is resolved again against the caller's areas (``resolve``).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Max, Q
from django.db.models.functions import Coalesce, TruncDate
from django.utils import timezone

from casereview.accounts.models import Role
from casereview.accounts.scoping import Scope
from casereview.appeals.models import AppealStatus
from casereview.areas.models import Area, AreaPolicy
from casereview.cases.models import Case, normalise_name, normalise_phone, normalise_postcode
from casereview.cases.workflow import FINAL_STATUSES
from casereview.partners.models import PartnerVictim
from casereview.privacy.models import Anonymisation, ErasureRequest
from casereview.public.models import ApplicationDraft
from casereview.rules.dates import add_months
from casereview.rules.policy import STATUTORY_DEFAULTS, LocalPolicy, PolicyError, policy_from_dict

ADMIN_ROLES = (Role.AREA_ADMINISTRATOR,)


def administered_area_ids(grants: Scope) -> list[int]:
    return sorted(grants.area_ids(ADMIN_ROLES))


def administered_areas(grants: Scope) -> list[Area]:
    return list(Area.objects.filter(pk__in=administered_area_ids(grants)).order_by("name"))


# --- Retention --------------------------------------------------------------------------------


@dataclass(frozen=True)
class AreaRetention:
    """An area's retention period, from its CURRENT policy version."""

    area_id: int
    policy: AreaPolicy | None
    months: int


def retention_of(area_id: int) -> AreaRetention:
    record = AreaPolicy.objects.filter(area_id=area_id).order_by("-version").first()
    policy: LocalPolicy = STATUTORY_DEFAULTS
    if record is not None:
        try:
            policy = policy_from_dict(record.rules)
        except PolicyError:
            # An unreadable version keeps data for the default period rather than none.
            policy = STATUTORY_DEFAULTS
    return AreaRetention(area_id, record, policy.retention_months)


@dataclass(frozen=True)
class DueCase:
    case: Case
    closed_on: dt.date
    due_on: dt.date
    retention: AreaRetention


def closed_cases(area_ids: Collection[int] | None = None) -> list[tuple[Case, dt.date]]:
    """Closed (final) cases not yet anonymised, with no appeal still open, and the day each
    closed: the day it ended, or for a case screened out or declined at receipt (which has no
    end date) the day of its last event."""
    cases = Case.objects.filter(status__in=FINAL_STATUSES, anonymisation__isnull=True).exclude(
        appeals__status__in=[AppealStatus.LODGED, AppealStatus.HEARD]
    )
    if area_ids is not None:
        cases = cases.filter(area_id__in=list(area_ids))
    rows = cases.annotate(
        closed=Coalesce(
            "ended_on", Max(TruncDate("events__at", tzinfo=timezone.get_current_timezone()))
        )
    ).order_by("area_id", "pk")
    return [(case, case.closed) for case in rows if case.closed is not None]


def closed_on_of(case: Case) -> dt.date:
    """The day ``case`` closed (see ``closed_cases``); today for a case with no history."""
    if case.ended_on is not None:
        return case.ended_on
    last = case.events.order_by("-at", "-pk").values_list("at", flat=True).first()
    return timezone.localdate(last) if last is not None else timezone.localdate()


def retention_plan(
    today: dt.date, *, area_ids: Collection[int] | None = None, within_days: int = 0
) -> list[DueCase]:
    """Closed cases whose retention period ends on or before ``today`` (+ ``within_days``, for
    showing what is coming), by the current policy of each case's area."""
    retentions: dict[int, AreaRetention] = {}
    horizon = today + dt.timedelta(days=within_days)
    due: list[DueCase] = []
    for case, closed_on in closed_cases(area_ids):
        retention = retentions.get(case.area_id) or retention_of(case.area_id)
        retentions[case.area_id] = retention
        due_on = add_months(closed_on, retention.months)
        if due_on <= horizon:
            due.append(DueCase(case, closed_on, due_on, retention))
    return sorted(due, key=lambda item: (item.due_on, item.case.reference))


def stale_drafts(today: dt.date, area_ids: Collection[int] | None = None) -> list[uuid.UUID]:
    """Unsubmitted online applications left longer than their resume link lasts: nobody can come
    back to them, so what was typed in them is deleted."""
    cutoff = dt.datetime.combine(
        today - dt.timedelta(days=settings.RESUME_LINK_DAYS),
        dt.time(),
        tzinfo=timezone.get_current_timezone(),
    )
    drafts = ApplicationDraft.objects.filter(
        case__isnull=True, submitting_at__isnull=True, updated_at__lt=cutoff
    )
    if area_ids is not None:
        drafts = drafts.filter(area_id__in=list(area_ids))
    return list(drafts.values_list("pk", flat=True))


def recent_anonymisations(area_ids: Iterable[int], limit: int = 20) -> list[Anonymisation]:
    return list(
        Anonymisation.objects.filter(area_id__in=list(area_ids)).select_related("by", "area")[
            :limit
        ]
    )


def erasure_requests(area_ids: Iterable[int], limit: int = 20) -> list[ErasureRequest]:
    return list(
        ErasureRequest.objects.filter(area_id__in=list(area_ids)).select_related(
            "requested_by", "area"
        )[:limit]
    )


def erasure_request(pk: int, area_ids: Iterable[int]) -> ErasureRequest | None:
    return (
        ErasureRequest.objects.filter(pk=pk, area_id__in=list(area_ids))
        .select_related("requested_by", "area")
        .first()
    )


# --- Finding a person -------------------------------------------------------------------------


@dataclass(frozen=True)
class Person:
    """What a member of staff searched for; any of it may be empty."""

    name: str = ""
    email: str = ""
    phone: str = ""
    postcode: str = ""

    @property
    def name_key(self) -> str:
        return normalise_name(self.name)

    @property
    def email_key(self) -> str:
        return self.email.strip().lower()

    @property
    def phone_key(self) -> str:
        return normalise_phone(self.phone)

    @property
    def postcode_key(self) -> str:
        return normalise_postcode(self.postcode)


@dataclass(frozen=True)
class Match:
    """One record holding data about the person searched for."""

    token: str
    kind: str  # case-victim, case-applicant, partner-victim, draft
    area: Area
    label: str  # a reference or record number, for the member of staff
    matched_on: tuple[str, ...]  # which of name, email, phone, postcode matched
    case: Case | None = None
    partner_victim: PartnerVictim | None = None
    draft: ApplicationDraft | None = None


def _matched(person: Person, name: str, email: str, phone: str, postcode: str) -> tuple[str, ...]:
    found = []
    if person.name_key and normalise_name(name) == person.name_key:
        found.append("name")
    if person.email_key and email.strip().lower() == person.email_key:
        found.append("email")
    if person.phone_key and normalise_phone(phone) == person.phone_key:
        found.append("phone")
    if person.postcode_key and normalise_postcode(postcode) == person.postcode_key:
        found.append("postcode")
    return tuple(found)


def find_person(person: Person, area_ids: Collection[int]) -> list[Match]:
    """Every case (as victim or applicant), partner record of a victim and unsubmitted online
    application in ``area_ids`` that has any of the person's name, e-mail, phone or postcode."""
    ids = list(area_ids)
    matches: list[Match] = []
    if not ids:
        return matches
    victim_q = Q(pk__in=[])
    applicant_q = Q(pk__in=[])
    if person.name_key:
        victim_q |= Q(victim_name_key=person.name_key)
        applicant_q |= Q(applicant_name__iexact=person.name.strip())
    if person.email_key:
        victim_q |= Q(victim_email_key=person.email_key)
        applicant_q |= Q(applicant_email__iexact=person.email_key)
    if person.phone_key:
        victim_q |= Q(victim_phone_key=person.phone_key)
    if person.postcode_key:
        victim_q |= Q(victim_postcode_key=person.postcode_key)
    cases = Case.objects.filter(area_id__in=ids).select_related("area")
    for case in cases.filter(victim_q):
        matched = _matched(
            person, case.victim_name, case.victim_email, case.victim_phone, case.victim_postcode
        )
        matches.append(
            Match(f"case-victim:{case.pk}", "case-victim", case.area, case.reference, matched, case)
        )
    # Applicants' phone numbers have no stored key: compared here, within the areas only.
    applicant_cases = cases.filter(applicant_is_victim=False)
    if not person.phone_key:
        applicant_cases = applicant_cases.filter(applicant_q)
    for case in applicant_cases:
        matched = _matched(
            person, case.applicant_name, case.applicant_email, case.applicant_phone, ""
        )
        if matched:
            matches.append(
                Match(
                    f"case-applicant:{case.pk}",
                    "case-applicant",
                    case.area,
                    case.reference,
                    matched,
                    case,
                )
            )
    victim_rows = Q(pk__in=[])
    if person.name_key:
        victim_rows |= Q(name_key=person.name_key)
    if person.postcode_key:
        victim_rows |= Q(postcode_key=person.postcode_key)
    for record in PartnerVictim.objects.filter(victim_rows, area_id__in=ids).select_related(
        "area", "agency"
    ):
        matched = _matched(person, record.name, "", "", record.postcode)
        matches.append(
            Match(
                f"partner-victim:{record.pk}",
                "partner-victim",
                record.area,
                f"{record.agency.name} {record.agency_reference or record.pk}".strip(),
                matched,
                partner_victim=record,
            )
        )
    drafts = ApplicationDraft.objects.filter(area_id__in=ids, case__isnull=True).select_related(
        "area"
    )
    for draft in drafts:
        answers = {key: str(value) for key, value in (draft.answers or {}).items()}
        matched = tuple(
            dict.fromkeys(
                _matched(
                    person,
                    answers.get("victim_name", ""),
                    answers.get("victim_email", "") or draft.resume_email,
                    answers.get("victim_phone", ""),
                    answers.get("victim_postcode", ""),
                )
                + _matched(
                    person,
                    answers.get("applicant_name", ""),
                    answers.get("applicant_email", ""),
                    answers.get("applicant_phone", ""),
                    "",
                )
            )
        )
        if matched:
            matches.append(
                Match(
                    f"draft:{draft.pk}",
                    "draft",
                    draft.area,
                    f"{draft.created_at:%Y-%m-%d} {str(draft.pk)[:8]}",
                    matched,
                    draft=draft,
                )
            )
    return matches


class UnknownRecord(LookupError):
    """A token that names no record in the caller's areas (or none at all)."""


def resolve(tokens: Iterable[str], area_ids: Collection[int]) -> list[Match]:
    """The records ``tokens`` name, each checked to be in ``area_ids``; ``UnknownRecord`` for
    any that is not, so another area's record is indistinguishable from one that does not
    exist."""
    ids = list(area_ids)
    matches: list[Match] = []
    for token in dict.fromkeys(tokens):
        kind, _, key = token.partition(":")
        try:
            if kind in ("case-victim", "case-applicant"):
                case = Case.objects.select_related("area").get(pk=int(key), area_id__in=ids)
                if kind == "case-applicant" and case.applicant_is_victim:
                    raise UnknownRecord(token)
                matches.append(Match(token, kind, case.area, case.reference, (), case))
            elif kind == "partner-victim":
                record = PartnerVictim.objects.select_related("area", "agency").get(
                    pk=int(key), area_id__in=ids
                )
                label = f"{record.agency.name} {record.agency_reference or record.pk}"
                matches.append(Match(token, kind, record.area, label, (), partner_victim=record))
            elif kind == "draft":
                draft = ApplicationDraft.objects.select_related("area").get(
                    pk=uuid.UUID(key), area_id__in=ids, case__isnull=True
                )
                label = f"{draft.created_at:%Y-%m-%d} {str(draft.pk)[:8]}"
                matches.append(Match(token, kind, draft.area, label, (), draft=draft))
            else:
                raise UnknownRecord(token)
        except (ValueError, Case.DoesNotExist, PartnerVictim.DoesNotExist) as error:
            raise UnknownRecord(token) from error
        except ApplicationDraft.DoesNotExist as error:
            raise UnknownRecord(token) from error
    return matches
