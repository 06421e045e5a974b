"""Privacy actions: retention (anonymising closed cases when their area's retention period has
run out, deleting abandoned online applications), erasure where the law allows, and the subject
access export.

The deadline sweep calls ``apply_retention()`` once a day; ``manage.py apply_retention`` runs the
same function by hand (``--dry-run`` to see what it would do).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from casereview.accounts.models import User
from casereview.appeals.models import AppealStatus
from casereview.audit.log import record_batch
from casereview.cases.models import Case
from casereview.cases.workflow import FINAL_STATUSES, Status
from casereview.partners.models import Incident
from casereview.privacy import anonymise
from casereview.privacy.models import (
    Anonymisation,
    AnonymisedBecause,
    ErasureDecision,
    ErasureRequest,
)
from casereview.privacy.selectors import (
    AreaRetention,
    Match,
    closed_on_of,
    retention_of,
    retention_plan,
    stale_drafts,
)
from casereview.public.models import ApplicationDraft
from casereview.rules.dates import add_months

# --- Anonymisation and retention --------------------------------------------------------------


def anonymise_case(
    case: Case,
    *,
    because: str,
    by: User | None = None,
    retention: AreaRetention | None = None,
    erasure_request: ErasureRequest | None = None,
) -> Anonymisation | None:
    """Anonymise one closed case and record it; None (nothing done) when it was anonymised
    already. Refuses a case that is not closed: its data is still being used."""
    with transaction.atomic():
        locked = Case.objects.select_for_update().get(pk=case.pk)
        if Anonymisation.objects.filter(case=locked).exists():
            return None
        if locked.status not in FINAL_STATUSES:
            raise ValueError(f"{locked.reference} is not closed and cannot be anonymised.")
        retention = retention or retention_of(locked.area_id)
        # Recorded first: the partner records of the case's victim are anonymised only when
        # every case they belong to is, which counts this one.
        record = Anonymisation.objects.create(
            case=locked,
            case_reference=locked.reference,
            area_id=locked.area_id,
            at=timezone.now(),
            because=because,
            policy_version=retention.policy.version if retention.policy else None,
            retention_months=retention.months,
            by=by,
            erasure_request=erasure_request,
        )
        done = anonymise.anonymise_case_rows(locked)
        # Queryset updates send no signals: one audit record for the case (two for a rich one).
        for what in anonymise.described(f"anonymised {locked.reference}: ", done):
            record_batch(None, locked.area_id, what, "cases.case", case=locked)
    return record


@dataclass
class RetentionOutcome:
    """What one retention run did (or, dry, would do)."""

    dry_run: bool
    cases: list[str] = field(default_factory=list)
    drafts_deleted: int = 0


def apply_retention(
    today: dt.date | None = None, *, dry_run: bool = False, by: User | None = None
) -> RetentionOutcome:
    """Anonymise every closed case whose area's current retention period has run out since it
    closed, and delete unsubmitted online applications older than their resume link. Safe to
    run again: anonymised cases are skipped and deleted drafts are gone."""
    today = today or timezone.localdate()
    outcome = RetentionOutcome(dry_run=dry_run)
    for due in retention_plan(today):
        if dry_run:
            outcome.cases.append(due.case.reference)
            continue
        done = anonymise_case(
            due.case, because=AnonymisedBecause.RETENTION, by=by, retention=due.retention
        )
        if done is not None:
            outcome.cases.append(due.case.reference)
    drafts = stale_drafts(today)
    outcome.drafts_deleted = len(drafts)
    if not dry_run and drafts:
        # Deleted only if still unsubmitted: a draft submitted since the list was read stays.
        outcome.drafts_deleted, _counts = ApplicationDraft.objects.filter(
            pk__in=drafts, case__isnull=True, submitting_at__isnull=True
        ).delete()
    return outcome


# --- Erasure ----------------------------------------------------------------------------------

ERASURE_RULE = gettext_lazy(
    "A person's data is erased (anonymised) only when the law no longer needs it kept. It is "
    "kept while a case is open, while an appeal is open, and, after a case closes, until the "
    "area's retention period ends: the council must keep the record of a statutory review to "
    "answer for it (UK GDPR Article 17(3)(b), a legal obligation) and to meet or defend legal "
    "claims about it (Article 17(3)(e)). One exception: an application that never went beyond "
    "the application (screened out as not suitable, declined as a repeat, or withdrawn before "
    "any threshold decision) holds no decision anyone can appeal or claim about, so it is "
    "erased on request. Unsubmitted online applications are always erased. A partner agency's "
    "record of the person is erased unless one of its incidents belongs to a case that must "
    "be kept."
)


@dataclass(frozen=True)
class Assessment:
    """Whether one record may be erased now, and why (or why not), in words."""

    match: Match
    erasable: bool
    reason: str


def _never_went_beyond_application(case: Case) -> bool:
    if case.status in (Status.NOT_SUITABLE, Status.DECLINED):
        return True
    return (
        case.status == Status.WITHDRAWN
        and case.threshold_met is None
        and not case.meetings.exists()
        and not case.appeals.exists()
    )


def _case_must_be_kept(case: Case, today: dt.date) -> str | None:
    """Why ``case`` must be kept now, or None when it may be erased."""
    if case.status not in FINAL_STATUSES:
        return _("The case is still open: the council must finish the review (Article 17(3)(b)).")
    if case.appeals.filter(status__in=[AppealStatus.LODGED, AppealStatus.HEARD]).exists():
        return _("An appeal about the case is still open (Article 17(3)(b) and (e)).")
    if _never_went_beyond_application(case):
        return None
    closed_on = closed_on_of(case)
    retention = retention_of(case.area_id)
    until = add_months(closed_on, retention.months)
    if until > today:
        return _(
            "The case closed on %(closed)s and must be kept until %(until)s, the end of the "
            "area's retention period of %(months)s months, to answer for the review and for "
            "legal claims about it (Article 17(3)(b) and (e))."
        ) % {
            "closed": closed_on.strftime("%d %B %Y").lstrip("0"),
            "until": until.strftime("%d %B %Y").lstrip("0"),
            "months": retention.months,
        }
    return None


def assess_erasure(matches: list[Match], today: dt.date | None = None) -> list[Assessment]:
    """What erasing each record would do, by the rule in ``ERASURE_RULE``."""
    today = today or timezone.localdate()
    assessments: list[Assessment] = []
    for match in matches:
        if match.case is not None:
            case = Case.objects.get(pk=match.case.pk)
            if Anonymisation.objects.filter(case=case).exists():
                assessments.append(
                    Assessment(match, False, _("The case has been anonymised already."))
                )
                continue
            reason = _case_must_be_kept(case, today)
            assessments.append(
                Assessment(
                    match,
                    reason is None,
                    reason or _("The case is closed and nothing requires it to be kept."),
                )
            )
        elif match.partner_victim is not None:
            kept = [
                incident_case
                for incident_case in Case.objects.filter(
                    complaints__incident__victim=match.partner_victim, anonymisation__isnull=True
                ).distinct()
                if _case_must_be_kept(incident_case, today) is not None
            ]
            if kept:
                assessments.append(
                    Assessment(
                        match,
                        False,
                        _("Its incidents are part of case %(refs)s, which must be kept.")
                        % {"refs": ", ".join(sorted(c.reference for c in kept))},
                    )
                )
            else:
                assessments.append(
                    Assessment(match, True, _("No case that must be kept relies on it."))
                )
        else:
            assessments.append(
                Assessment(match, True, _("An application never submitted is always erased."))
            )
    return assessments


def erase(
    matches: list[Match], *, by: User, received_how: str = "", today: dt.date | None = None
) -> ErasureRequest:
    """Erase what may be erased of the records ``matches`` names, refuse the rest with its
    reason, and record the request and its outcome (one request per area asked about; the
    first is returned when the records span several areas)."""
    assessments = assess_erasure(matches, today)
    requests: list[ErasureRequest] = []
    by_area: dict[int, list[Assessment]] = {}
    for assessment in assessments:
        by_area.setdefault(assessment.match.area.pk, []).append(assessment)
    for area_id, items in by_area.items():
        with transaction.atomic():
            erased = [item for item in items if item.erasable]
            decision = (
                ErasureDecision.ERASED
                if len(erased) == len(items)
                else ErasureDecision.PARTLY_ERASED
                if erased
                else ErasureDecision.REFUSED
            )
            request = ErasureRequest.objects.create(
                area_id=area_id,
                requested_by=by,
                received_how=received_how.strip()[:200],
                decision=decision,
                items=[
                    {"record": item.match.token, "erased": item.erasable, "reason": item.reason}
                    for item in items
                ],
            )
            for item in erased:
                _erase_one(item.match, by=by, request=request)
            requests.append(request)
    return requests[0]


def _erase_one(match: Match, *, by: User, request: ErasureRequest) -> None:
    if match.case is not None:
        anonymise_case(
            match.case, because=AnonymisedBecause.ERASURE, by=by, erasure_request=request
        )
    elif match.partner_victim is not None:
        incident_ids = list(
            Incident.objects.filter(victim=match.partner_victim).values_list("pk", flat=True)
        )
        done = anonymise.anonymise_partner_victim(match.partner_victim.pk)
        done["incident"] = anonymise.anonymise_incidents(incident_ids)
        # One audit record for the erasure of the partner's record: counts, never the person.
        prefix = f"erased partner record {match.partner_victim.pk}: "
        for what in anonymise.described(prefix, done):
            record_batch(None, request.area_id, what, "partners.partnervictim")
    elif match.draft is not None:
        ApplicationDraft.objects.filter(pk=match.draft.pk, case__isnull=True).delete()
