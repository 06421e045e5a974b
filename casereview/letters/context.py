"""What a letter's template is given.

Victim-facing letters get ``case_facts``: a plain dict built field by field from the case, so
restricted data (``Case.RESTRICTED_FIELDS``, the people alleged responsible) is never in their
context and no template can show it by mistake. Only a letter to a relevant body also gets
``agency_facts``, with what the body needs to search its records.

Letters about the review get ``meeting`` (``meeting_facts``) and letters about an appeal get
``appeal`` (``appeal_facts``), built the same way: never the proportionality assessment
(``Meeting.RESTRICTED_FIELDS``), and only the actions the victim may see.

Every number and due date comes from the case's policy version and its stored ``Deadline`` rows,
never from code: a letter says what this area's procedure says.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from casereview.appeals.models import Appeal, Ground, Outcome
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
from casereview.reviews.models import ActionStatus, Meeting, VictimVoice, VoiceChoice
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
        LetterKind.MEETING_INVITATION: _("Your ASB Case Review: invitation to the review meeting"),
        LetterKind.OUTCOME: _("Your ASB Case Review: the outcome and the draft action plan"),
        LetterKind.ACTION_PLAN: _("Your ASB Case Review: the final action plan"),
        LetterKind.APPEAL_RECEIVED: _("Your ASB Case Review: we have received your appeal"),
        LetterKind.APPEAL_OUTCOME: _("Your ASB Case Review: the outcome of your appeal"),
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


def _reviewer(kind: str, *, of_review: bool = False) -> str:
    """Who hears an appeal of ``kind``, as a phrase inside a sentence; ``of_review`` for an
    appeal against how the review was carried out rather than against the decision."""
    senior = (
        _("a senior manager who took no part in the review")
        if of_review
        else _("a senior manager who took no part in the decision")
    )
    return {
        AppealReviewerKind.PEER_AUTHORITY: _("a senior officer of a neighbouring authority"),
        AppealReviewerKind.SENIOR_MANAGER: senior,
        AppealReviewerKind.INDEPENDENT_CHAIR: _("an independent chair"),
        AppealReviewerKind.PCC_OFFICE: _("the office of the Police and Crime Commissioner"),
    }[AppealReviewerKind(kind)]


def _appeal_reviewer(policy: LocalPolicy, *, of_review: bool = False) -> str:
    who = _reviewer(policy.appeal_reviewer.kind, of_review=of_review)
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


def _held_meeting(case: Case) -> Meeting | None:
    return case.meetings.exclude(held_on=None).order_by("-number").first()


def meeting_facts(case: Case, meeting: Meeting, policy: LocalPolicy) -> dict[str, Any]:
    """What the victim may be told about a review meeting: never the proportionality
    assessment (``Meeting.RESTRICTED_FIELDS``) nor an action they may not see."""
    calendar = calendar_for(case.area.nation)
    voice = VictimVoice.objects.filter(case=case).first()
    starts = timezone.localtime(meeting.starts_at)
    this_time = f"{LetterKind.MEETING_INVITATION}:{meeting.number}:{starts:%Y%m%d%H%M}"
    earlier_invitation = (
        case.letters.filter(key__startswith=f"{LetterKind.MEETING_INVITATION}:{meeting.number}:")
        .exclude(key__startswith=this_time)
        .exists()
    )
    appeal_by = None
    if meeting.outcome_sent_on is not None:
        appeal_by = calendar.add_calendar_days(
            meeting.outcome_sent_on, policy.timescales.review_request_days
        ).due
    visible = meeting.actions.filter(victim_may_see=True).select_related("owner")
    return {
        "number": meeting.number,
        "reconvened": meeting.number > 1,
        "starts_at": meeting.starts_at,
        "victim_part_ends_at": meeting.victim_part_ends_at,
        "place_lines": _lines(meeting.place),
        "video_link": meeting.video_link,
        "by_video": voice is not None and voice.choice == VoiceChoice.ATTEND_BY_VIDEO,
        "earlier_invitation": earlier_invitation,
        "chair_name": meeting.chair_name,
        "chair_organisation": meeting.chair_organisation,
        "chair_independent": meeting.chair_independent,
        "held_on": meeting.held_on,
        "outcome": meeting.outcome,
        "recommendations": [
            {"text": recommendation.text, "to": recommendation.addressed_to}
            for recommendation in meeting.recommendations.select_related("agency")
        ],
        "actions": [
            {
                "description": action.description,
                "owner": action.owner.name,
                "due_on": action.due_on,
                "status": str(ActionStatus(action.status).label),
                "done": action.status == ActionStatus.DONE,
                "cancelled": action.status == ActionStatus.CANCELLED,
                "completed_on": action.completed_on,
            }
            for action in visible.order_by("due_on", "pk")
        ],
        "actions_finished": all(
            action.status in (ActionStatus.DONE, ActionStatus.CANCELLED) for action in visible
        ),
        "outcome_sent_on": meeting.outcome_sent_on,
        "comment_until": meeting.comment_until,
        "victim_commented": meeting.victim_comments.exists(),
        "plan_finalised_on": meeting.plan_finalised_on,
        "appeal_by": appeal_by,
    }


def _lowercase_first(label: str) -> str:
    """A choice's label ("The decision that ...") to go inside a sentence."""
    return label[:1].lower() + label[1:]


def _ombudsman(case: Case) -> dict[str, str]:
    """The ombudsman who looks at complaints about the council, by the area's nation."""
    if case.area.nation == "wales":
        return {"name": _("the Public Services Ombudsman for Wales"), "url": "www.ombudsman.wales"}
    return {"name": _("the Local Government and Social Care Ombudsman"), "url": "www.lgo.org.uk"}


def appeal_facts(case: Case, appeal: Appeal, policy: LocalPolicy) -> dict[str, Any]:
    """What the victim is told about their appeal (the reviewer's reasons included)."""
    calendar = calendar_for(case.area.nation)
    times = policy.timescales
    hearing = case.deadlines.filter(kind=DeadlineKind.APPEAL_HEARING, appeal=appeal).first()
    redecision = case.deadlines.filter(kind=DeadlineKind.REDECISION, appeal=None).first()
    against_threshold = appeal.ground == Ground.THRESHOLD_DECISION
    return {
        "against_threshold": against_threshold,
        "ground": _lowercase_first(str(Ground(appeal.ground).label)),
        "received_on": appeal.received_on,
        "window_ends_on": appeal.window_ends_on,
        "is_late": appeal.is_late,
        "reviewer": _reviewer(appeal.reviewer_kind, of_review=not against_threshold),
        "reviewer_organisation": appeal.reviewer_organisation,
        "hearing_due": (
            hearing.due_on
            if hearing is not None
            else calendar.add_working_days(
                appeal.received_on, times.appeal_hearing_working_days
            ).due
        ),
        "heard_on": appeal.heard_on,
        "upheld": appeal.outcome == Outcome.UPHELD,
        "reasons": appeal.reasons,
        "redecision_due": redecision.due_on if redecision is not None else None,
        # The PCC's office is where a "not met" decision can be looked at again, unless it
        # heard this appeal itself.
        "pcc_route": against_threshold and appeal.reviewer_kind != AppealReviewerKind.PCC_OFFICE,
        "ombudsman": _ombudsman(case),
    }


def letter_context(
    case: Case,
    kind: str,
    to: Addressee,
    *,
    language: str,
    request: InformationRequest | None = None,
    is_copy: bool = False,
    meeting: Meeting | None = None,
    appeal: Appeal | None = None,
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
        "review_appeal_reviewer": _appeal_reviewer(policy, of_review=True),
        "case_facts": case_facts(case, policy),
        "is_copy": is_copy,
        "to_agency": to.is_agency,
    }
    if kind == LetterKind.CT3:
        context["threshold"] = _threshold_explanation(case)
    if kind == LetterKind.CLOSURE:
        # A case closed after its review says so: the meeting and what became of its actions.
        meeting = meeting or _held_meeting(case)
    if meeting is not None:
        context["meeting"] = meeting_facts(case, meeting, policy)
    if appeal is not None:
        context["appeal"] = appeal_facts(case, appeal, policy)
    # The council leads on a case unless the lead was handed to another agency after the review.
    context["lead_agency"] = (case.lead_agency or case.area.council).name
    if to.is_agency:
        context["agency_facts"] = agency_facts(case, request)
        context["agency_name"] = to.name
    return context
