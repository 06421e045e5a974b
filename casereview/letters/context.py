"""What a letter's template is given.

Victim-facing letters get ``case_facts``: a plain dict built field by field from the case, so
restricted data (``Case.RESTRICTED_FIELDS``, the people alleged responsible) is never in their
context and no template can show it by mistake. Only a letter to a relevant body also gets
``agency_facts``, with what the body needs to search its records.

Every number and due date comes from the case's policy version and its stored ``Deadline`` rows,
never from code: a letter says what this area's procedure says.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from casereview.cases.models import (
    Case,
    Deadline,
    DeadlineKind,
    DecisionRoute,
    NotSuitableReason,
    Relationship,
)
from casereview.cases.presenters import complaint_verdicts, report_window, result_summary
from casereview.cases.workflow import Status
from casereview.letters.models import LetterKind
from casereview.letters.recipients import Addressee
from casereview.partners.models import InformationRequest
from casereview.rules import AppealReviewerKind, LocalPolicy, calendar_for, policy_from_dict


def subject(kind: str, reference: str) -> str:
    """The letter's heading and the e-mail's subject line, in the active language."""
    titles = {
        LetterKind.CT1: _("We have received your application for an ASB Case Review"),
        LetterKind.CT2: _("We have received your application for an ASB Case Review"),
        LetterKind.CT3: _("Your ASB Case Review: the threshold for a review is not met"),
        LetterKind.CT4: _("Your ASB Case Review: the threshold for a review is met"),
        LetterKind.NOT_SUITABLE: _("Your application is not suitable for an ASB Case Review"),
        LetterKind.DECLINED: _("Your repeat application for an ASB Case Review"),
        LetterKind.CLOSURE: _("Your ASB Case Review has ended"),
        LetterKind.INFORMATION_REQUEST: _("ASB Case Review: request for information"),
        LetterKind.DECISION_NOTICE: _("ASB Case Review: threshold decision"),
    }
    return _("%(title)s (%(reference)s)") % {
        "title": titles[LetterKind(kind)],
        "reference": reference,
    }


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _sender(case: Case) -> dict[str, Any]:
    area = case.area
    return {
        "name": area.official_name or area.name,
        "address_lines": _lines(area.contact_address),
        "email": area.contact_email,
        "phone": area.contact_phone,
    }


def _signatory(case: Case) -> dict[str, str]:
    if case.spoc is not None:
        return {"name": case.spoc.get_full_name(), "role": _("Single point of contact")}
    return {"name": _("Community Safety Team"), "role": ""}


def _due(case: Case, kind: str, request: InformationRequest | None = None) -> Deadline | None:
    return case.deadlines.filter(kind=kind, information_request=request).order_by("pk").first()


def _due_on(case: Case, kind: str, fallback: date | None) -> date | None:
    row = _due(case, kind)
    return row.due_on if row is not None else fallback


def _appeal_reviewer(policy: LocalPolicy) -> str:
    kind = policy.appeal_reviewer.kind
    who = {
        AppealReviewerKind.PEER_AUTHORITY: _("a senior officer of a neighbouring authority"),
        AppealReviewerKind.SENIOR_MANAGER: _("a senior manager who took no part in the decision"),
        AppealReviewerKind.INDEPENDENT_CHAIR: _("an independent chair"),
        AppealReviewerKind.PCC_OFFICE: _("the office of the Police and Crime Commissioner"),
    }[kind]
    if policy.appeal_reviewer.independent_peer:
        return _("%(who)s, with an independent peer from another partnership") % {"who": who}
    return who


def _route_label(case: Case, policy: LocalPolicy) -> str:
    if not case.decision_route:
        return ""
    if case.decision_route == DecisionRoute.LOCAL_EXTRA_ROUTE:
        for extra in policy.routes.extra:
            if extra.code == case.local_route_code:
                return extra.description
    return str(DecisionRoute(case.decision_route).label)


def case_facts(case: Case, policy: LocalPolicy) -> dict[str, Any]:
    """What any letter may say about the case. Built field by field: never the restricted ones."""
    calendar = calendar_for(case.area.nation)
    times = policy.timescales
    decision_due = _due_on(
        case,
        DeadlineKind.DECISION,
        calendar.add_working_days(case.received_on, times.decision_working_days).due,
    )
    review_by = None
    if case.decided_on is not None and case.threshold_met is False:
        review_by = _due_on(
            case,
            DeadlineKind.REVIEW_REQUEST,
            calendar.add_calendar_days(case.decided_on, times.review_request_days).due,
        )
    contact_by = None
    if case.decided_on is not None and case.threshold_met:
        contact_by = _due_on(
            case,
            DeadlineKind.VICTIM_CONTACT,
            calendar.add_working_days(case.decided_on, times.victim_contact_working_days).due,
        )
    return {
        "reference": case.reference,
        "received_on": case.received_on,
        "acknowledged_on": case.acknowledged_on,
        "victim_name": case.victim_name,
        "applicant_is_victim": case.applicant_is_victim,
        "applicant_name": case.applicant_name,
        "applicant_relationship": (
            str(Relationship(case.applicant_relationship).label)
            if case.applicant_relationship
            else ""
        ),
        "spoc_name": case.spoc.get_full_name() if case.spoc is not None else "",
        "decision_due": decision_due,
        "threshold_met": case.threshold_met,
        "decided_on": case.decided_on,
        "decision_route": case.decision_route,
        "decision_route_label": _route_label(case, policy),
        "decision_reasons": case.decision_reasons,
        "persistence_notes": case.persistence_notes,
        "harm_notes": case.harm_notes,
        "adequacy_of_response_notes": case.adequacy_of_response_notes,
        "review_by": review_by,
        "contact_by": contact_by,
        "not_suitable_reason": (
            str(NotSuitableReason(case.not_suitable_reason).label)
            if case.not_suitable_reason
            else ""
        ),
        "signposting": case.signposting,
        "repeat_of": case.repeat_of.reference if case.repeat_of is not None else "",
        "declined_reasons": case.declined_reasons,
        "withdrawn": case.status == Status.WITHDRAWN,
        "ended_on": case.ended_on,
        "end_reason": case.end_reason,
    }


def _threshold_explanation(case: Case) -> dict[str, Any] | None:
    """The rules engine's stored result in plain English (CT3), or None if there is none."""
    if not case.threshold_result:
        return None

    verdicts = complaint_verdicts(case, case.threshold_result)
    return {
        "summary": result_summary(case.threshold_result),
        "complaints": [
            {
                "number": verdict.number,
                "agency": verdict.complaint.agency.name,
                "reported_on": verdict.complaint.reported_on,
                "behaviour_on": verdict.complaint.behaviour_on,
                "verdict": verdict.verdict,
                "reasons": list(verdict.reasons),
            }
            for verdict in verdicts
        ],
    }


def agency_facts(case: Case, request: InformationRequest | None) -> dict[str, Any]:
    """What a relevant body needs to search its records: may include restricted data."""
    due = _due(case, DeadlineKind.INFORMATION, request) if request is not None else None
    return {
        "victim_name": case.victim_name,
        "victim_address": _lines(case.victim_address),
        "victim_postcode": case.victim_postcode,
        "victim_phone": case.victim_phone,
        "victim_email": case.victim_email,
        "asb_description": case.asb_description,
        "location": case.location,
        "alleged_responsible": case.alleged_responsible,
        "complaints": [
            {
                "agency": complaint.agency.name,
                "behaviour_on": complaint.behaviour_on,
                "reported_on": complaint.reported_on,
                "agency_reference": complaint.agency_reference,
                "summary": complaint.summary,
                "source": complaint.get_source_display(),
            }
            for complaint in case.complaints.select_related("agency").order_by("behaviour_on", "pk")
        ],
        "requested_on": request.requested_on if request is not None else None,
        "due_on": due.due_on if due is not None else None,
    }


def letter_context(
    case: Case,
    kind: str,
    to: Addressee,
    *,
    language: str,
    request: InformationRequest | None = None,
    is_copy: bool = False,
) -> dict[str, Any]:
    """The whole context of one letter (call with ``language`` active)."""
    policy = policy_from_dict(case.policy.rules)
    title = subject(kind, case.reference)
    context: dict[str, Any] = {
        "language": language,
        "title": title,
        "kind": kind,
        "sender": _sender(case),
        "recipient": {
            "name": to.name,
            "address_lines": list(to.address_lines),
            "salutation": to.name if not to.is_agency else _("colleague"),
        },
        "signatory": _signatory(case),
        "date": timezone.localdate(),
        "reference": case.reference,
        "area": {
            "name": case.area.name,
            "official_name": case.area.official_name or case.area.name,
            "email": case.area.contact_email,
            "phone": case.area.contact_phone,
            "procedure_url": case.area.procedure_url,
        },
        "policy": policy,
        "times": policy.timescales,
        "report_window": report_window(policy),
        "appeal_reviewer": _appeal_reviewer(policy),
        "case_facts": case_facts(case, policy),
        "is_copy": is_copy,
        "to_agency": to.is_agency,
    }
    if kind == LetterKind.CT3:
        context["threshold"] = _threshold_explanation(case)
    if to.is_agency:
        context["agency_facts"] = agency_facts(case, request)
        context["agency_name"] = to.name
    return context
