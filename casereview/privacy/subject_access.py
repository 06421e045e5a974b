"""The subject access export (UK GDPR Article 15): everything held about one person, from the
records an area administrator picked, as JSON and as a PDF.

Other people's data is not the person's to receive (Data Protection Act 2018, Sch. 2 para 16):
what the service holds about the people alleged responsible, the panel's proportionality
assessment, actions kept from the victim, another person who applied or was applied for,
what relevant bodies supplied (it may hold police-restricted or third-party information, and
the body is asked before it is released), and partner records of other victims linked to the
person's incidents. Each is kept out and shown as withheld, with why, so that the reader knows
something exists and the council can answer for the decision.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from casereview.cases.models import Case
from casereview.letters.models import Recipient
from casereview.letters.rendering import html_to_pdf
from casereview.partners.models import Incident, InformationResponse, PartnerVictim
from casereview.privacy.selectors import Match
from casereview.public.models import ApplicationDraft
from casereview.reviews.models import VictimVoice

# Answers of an online application that are about other people.
_DRAFT_ANSWERS_WITHHELD = frozenset({"alleged_responsible"})


def withheld(why: str) -> dict[str, Any]:
    """The mark left where data was withheld."""
    return {"withheld": True, "why": why}


def _day(value: dt.date | dt.datetime | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).isoformat()
    return value.isoformat()


def _about_others() -> str:
    return _("About other people (the people alleged responsible).")


def _case_common(case: Case) -> dict[str, Any]:
    return {
        "reference": case.reference,
        "area": case.area.name,
        "status": case.get_status_display(),
        "channel": case.get_channel_display(),
        "received_on": _day(case.received_on),
        "acknowledged_on": _day(case.acknowledged_on),
        "threshold_met": case.threshold_met,
        "decided_on": _day(case.decided_on),
        "decision_reasons": case.decision_reasons,
        "ended_on": _day(case.ended_on),
        "end_reason": case.end_reason,
        "history": [
            {"step": event.get_step_display(), "at": _day(event.at)} for event in case.events.all()
        ],
    }


def _letters(case: Case, recipient: str) -> list[dict[str, Any]]:
    letters: list[dict[str, Any]] = []
    for letter in case.letters.all():
        if letter.recipient == recipient:
            letters.append(
                {
                    "kind": letter.get_kind_display(),
                    "written_at": _day(letter.created_at),
                    "to": letter.recipient_name,
                    "address": letter.recipient_address,
                    "email": letter.recipient_email,
                    "subject": letter.subject,
                    "text": " ".join(strip_tags(letter.html).split()),
                }
            )
        elif letter.recipient == Recipient.AGENCY:
            letters.append(
                {
                    "kind": letter.get_kind_display(),
                    "written_at": _day(letter.created_at),
                    "content": withheld(
                        _("A letter to a relevant body; it may hold other people's data.")
                    ),
                }
            )
    return letters


def _review(case: Case) -> dict[str, Any]:
    voice = VictimVoice.objects.filter(case=case).first()
    meetings = []
    for meeting in case.meetings.all():
        hidden = meeting.actions.filter(victim_may_see=False).count()
        meetings.append(
            {
                "number": meeting.number,
                "starts_at": _day(meeting.starts_at),
                "held_on": _day(meeting.held_on),
                "victim_invited": meeting.victim_invited,
                "victim_attended": meeting.victim_attended,
                "outcome": meeting.outcome,
                "minutes": withheld(
                    _("The panel's minutes discuss other people; the outcome above is yours.")
                ),
                "proportionality_assessment": withheld(_about_others()),
                "recommendations": [rec.text for rec in meeting.recommendations.all()],
                "actions": [
                    {
                        "description": action.description,
                        "owner": action.owner.name,
                        "due_on": _day(action.due_on),
                        "status": action.get_status_display(),
                    }
                    for action in meeting.actions.filter(victim_may_see=True)
                ],
                "actions_withheld": withheld(
                    _("%(n)s actions would identify other people.") % {"n": hidden}
                )
                if hidden
                else None,
                "your_comments": [
                    {"received_on": _day(comment.received_on), "text": comment.text}
                    for comment in meeting.victim_comments.all()
                ],
            }
        )
    return {
        "your_voice": {
            "choice": voice.get_choice_display(),
            "statement": voice.statement,
            "statement_file": voice.statement_file_name,
            "advocate": voice.advocate_name,
            "advocate_organisation": voice.advocate_organisation,
            "advocate_contact": voice.advocate_contact,
            "support_offered": voice.support_offered,
            "support_needs": voice.support_needs,
        }
        if voice
        else None,
        "meetings": meetings,
        "appeals": [
            {
                "ground": appeal.get_ground_display(),
                "received_on": _day(appeal.received_on),
                "what_you_said": appeal.what_the_victim_says,
                "heard_on": _day(appeal.heard_on),
                "outcome": appeal.get_outcome_display() if appeal.outcome else "",
                "reasons": appeal.reasons,
            }
            for appeal in case.appeals.all()
        ],
    }


def _responses_withheld(case: Case) -> dict[str, Any] | None:
    count = InformationResponse.objects.filter(request__case=case).count()
    if not count:
        return None
    return withheld(
        _(
            "%(n)s responses from relevant bodies. They may hold police-restricted information "
            "or other people's data; each body is asked before any of it is released."
        )
        % {"n": count}
    )


def _as_victim(case: Case) -> dict[str, Any]:
    return {
        "case": _case_common(case),
        "you": {
            "kind": case.get_victim_kind_display(),
            "name": case.victim_name,
            "address": case.victim_address,
            "postcode": case.victim_postcode,
            "email": case.victim_email,
            "phone": case.victim_phone,
            "preferred_contact": case.get_preferred_contact_display(),
            "language": case.get_language_display(),
            "vulnerability_notes": case.vulnerability_notes,
            "support_needs": case.support_needs,
        },
        "applicant": None
        if case.applicant_is_victim
        else {
            "relationship": case.get_applicant_relationship_display(),
            "details": withheld(_("Another person: the person who applied for you.")),
        },
        "behaviour": {
            "description": case.asb_description,
            "location": case.location,
            "alleged_responsible": withheld(_about_others()),
        },
        "complaints": [
            {
                "agency": complaint.agency.name,
                "behaviour_on": _day(complaint.behaviour_on),
                "reported_on": _day(complaint.reported_on),
                "kind": complaint.get_kind_display(),
                "summary": complaint.summary,
            }
            for complaint in case.complaints.select_related("agency")
        ],
        "information_from_relevant_bodies": _responses_withheld(case),
        "letters": _letters(case, Recipient.VICTIM),
        **_review(case),
    }


def _as_applicant(case: Case) -> dict[str, Any]:
    common = _case_common(case)
    return {
        "case": common,
        "you": {
            "name": case.applicant_name,
            "address": case.applicant_address,
            "email": case.applicant_email,
            "phone": case.applicant_phone,
            "relationship": case.get_applicant_relationship_display(),
            "consent_given_how": case.consent_given_how,
            "consent_given_on": _day(case.consent_given_on),
        },
        "victim": withheld(_("Another person: the victim you applied for.")),
        "letters": _letters(case, Recipient.APPLICANT),
    }


def _partner_record(record: PartnerVictim) -> dict[str, Any]:
    incidents = []
    for incident in Incident.objects.filter(victim=record).select_related("agency"):
        others = (
            Incident.objects.filter(group_key=incident.group_key, linked=True)
            .exclude(pk=incident.pk)
            .exclude(victim=record)
            .count()
            if incident.linked
            else 0
        )
        incidents.append(
            {
                "agency": incident.agency.name,
                "reference": incident.agency_reference,
                "behaviour_on": _day(incident.behaviour_on),
                "reported_on": _day(incident.reported_on),
                "kind": incident.get_kind_display(),
                "location": incident.location,
                "postcode": incident.postcode,
                "description": incident.description,
                "linked_records_of_others": withheld(
                    _("%(n)s records of the same incident about other people.") % {"n": others}
                )
                if others
                else None,
            }
        )
    return {
        "agency": record.agency.name,
        "reference": record.agency_reference,
        "name": record.name,
        "date_of_birth": _day(record.date_of_birth),
        "address": record.address,
        "postcode": record.postcode,
        "incidents": incidents,
    }


def _draft(draft: ApplicationDraft) -> dict[str, Any]:
    answers = {
        key: withheld(_about_others()) if key in _DRAFT_ANSWERS_WITHHELD else value
        for key, value in sorted((draft.answers or {}).items())
    }
    return {
        "started_at": _day(draft.created_at),
        "last_saved_at": _day(draft.updated_at),
        "resume_email": draft.resume_email,
        "answers": answers,
    }


def document_for(matches: list[Match]) -> dict[str, Any]:
    """Everything held about the person in the records ``matches`` names."""
    records: list[dict[str, Any]] = []
    for match in matches:
        if match.kind == "case-victim" and match.case is not None:
            data = _as_victim(match.case)
        elif match.kind == "case-applicant" and match.case is not None:
            data = _as_applicant(match.case)
        elif match.partner_victim is not None:
            data = _partner_record(match.partner_victim)
        elif match.draft is not None:
            data = _draft(match.draft)
        else:
            continue
        records.append(
            {"record": match.token, "kind": match.kind, "area": match.area.name, "data": data}
        )
    return {
        "title": _("Personal data held by the ASB Case Review service"),
        "produced_at": _day(timezone.now()),
        "about_withheld": _(
            "Parts marked as withheld are other people's data or information a relevant body "
            "supplied; they are not included, as the law allows (Data Protection Act 2018, "
            "Schedule 2)."
        ),
        "records": records,
    }


def as_json(document: dict[str, Any]) -> bytes:
    return json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8")


def as_pdf(document: dict[str, Any]) -> bytes:
    html = render_to_string("privacy/export.html", {"document": document})
    return html_to_pdf(html)
