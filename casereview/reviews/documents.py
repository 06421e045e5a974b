"""The documents of a case's review, generated from the case as it is now (never stored): the
agenda, the terms of reference, the chair's pack, the perpetrator proportionality assessment, the
minutes and the action plan, each as PDF and as an editable Word document.

Each document exists for one or two audiences:

- ``panel``: everything the panel needs, restricted data included, headed "OFFICIAL-SENSITIVE:
  for the review panel only", in English (the working language of the relevant bodies' records);
- ``victim``: in the case's language, built from a context made field by field that never holds
  restricted data (``Case.RESTRICTED_FIELDS``, ``Meeting.RESTRICTED_FIELDS``, actions the victim
  may not see), and checked after rendering by ``check_no_restricted_data`` anyway, as letters
  are.

Documents are about the case's latest meeting (``latest_meeting``): a reconvened review gets new
documents. The layout is the letters' (``casereview.letters.rendering``): one HTML rendering
makes both files, so the PDF and the Word version always say the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from django.template.loader import get_template
from django.utils import timezone, translation
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from casereview.areas.selectors import relevant_bodies
from casereview.cases.models import Case, ComplaintKind
from casereview.cases.presenters import report_window
from casereview.letters.rendering import html_to_docx, html_to_pdf
from casereview.letters.services import check_no_restricted_data
from casereview.reviews.models import Action, ActionStatus, Meeting, VictimVoice, VoiceChoice
from casereview.reviews.services import latest_meeting, panel_minimum
from casereview.rules import LocalPolicy, evaluate_threshold, policy_from_dict

TEMPLATE_ENGINE = "jinja2"

PANEL = "panel"
VICTIM = "victim"
AUDIENCES: dict[str, Promise] = {
    PANEL: gettext_lazy("The review panel"),
    VICTIM: gettext_lazy("The victim"),
}

CONTENT_TYPES: dict[str, str] = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


class DocumentNotAvailable(Exception):
    """A kind, audience or format that does not exist, or a document the case has no data for
    yet (an agenda before a meeting is arranged, minutes before it is recorded)."""


class Needs(StrEnum):
    """What a case must have for a document to exist."""

    REVIEW = "review"  # the threshold is met: a review will take place
    MEETING = "meeting"  # a meeting is arranged
    HELD = "held"  # the meeting is recorded


@dataclass(frozen=True)
class DocumentKind:
    kind: str  # the URL slug
    title: Promise
    audiences: tuple[str, ...]
    needs: Needs


DOCUMENTS: dict[str, DocumentKind] = {
    spec.kind: spec
    for spec in (
        DocumentKind("agenda", gettext_lazy("Agenda"), (PANEL, VICTIM), Needs.MEETING),
        DocumentKind(
            "terms-of-reference",
            gettext_lazy("Terms of reference"),
            (PANEL, VICTIM),
            Needs.REVIEW,
        ),
        DocumentKind("chairs-pack", gettext_lazy("Chair's pack"), (PANEL,), Needs.MEETING),
        DocumentKind(
            "proportionality-assessment",
            gettext_lazy("Perpetrator proportionality assessment"),
            (PANEL,),
            Needs.MEETING,
        ),
        DocumentKind("minutes", gettext_lazy("Minutes"), (PANEL,), Needs.HELD),
        DocumentKind("action-plan", gettext_lazy("Action plan"), (PANEL, VICTIM), Needs.HELD),
    )
}


@dataclass(frozen=True)
class DocumentSpec:
    """One document of a case: whether it can be produced now, and if not, from when."""

    kind: str
    audience: str
    title: str
    audience_label: str
    available: bool
    not_yet: str = ""  # why it is not available, when it is not


def _missing(case: Case, needs: Needs, meeting: Meeting | None) -> str:
    """Why a document needing ``needs`` cannot be produced now; empty when it can."""
    if needs == Needs.REVIEW:
        if case.threshold_met is True or meeting is not None:
            return ""
        return _("Once the threshold for a review is met.")
    if meeting is None:
        return _("Once the review meeting is arranged.")
    if needs == Needs.HELD and meeting.held_on is None:
        return _("Once the meeting is recorded.")
    return ""


def available_documents(case: Case) -> list[DocumentSpec]:
    """Every document of ``case`` for every audience it exists for, in the order of
    ``DOCUMENTS``, each saying whether it is ``available`` now (and ``not_yet`` why not)."""
    meeting = latest_meeting(case)
    specs = []
    for spec in DOCUMENTS.values():
        missing = _missing(case, spec.needs, meeting)
        for audience in spec.audiences:
            specs.append(
                DocumentSpec(
                    kind=spec.kind,
                    audience=audience,
                    title=str(spec.title),
                    audience_label=str(AUDIENCES[audience]),
                    available=not missing,
                    not_yet=missing,
                )
            )
    return specs


def document_filename(case: Case, kind: str, audience: str, fmt: str) -> str:
    """``EHE-2026-0001-agenda-victim.pdf``."""
    return f"{case.reference}-{kind}-{audience}.{fmt}"


def document_language(case: Case, audience: str) -> str:
    """The victim's version is in the case's language; the panel's in English, the working
    language of the relevant bodies' records (as letters to them are)."""
    return case.language if audience == VICTIM else "en"


def _spec_for(case: Case, kind: str, audience: str) -> tuple[DocumentKind, Meeting | None]:
    spec = DOCUMENTS.get(kind)
    if spec is None or audience not in spec.audiences:
        raise DocumentNotAvailable(f"There is no {kind!r} document for {audience!r}.")
    meeting = latest_meeting(case)
    missing = _missing(case, spec.needs, meeting)
    if missing:
        raise DocumentNotAvailable(f"{spec.title} of {case.reference}: {missing}")
    return spec, meeting


def document_html(case: Case, kind: str, audience: str) -> str:
    """The document as HTML. Raises ``DocumentNotAvailable`` for an unknown or absent
    combination, and (for the victim's version) ``RestrictedDataInLetter`` if the text shows
    restricted data of the case."""
    spec, meeting = _spec_for(case, kind, audience)
    with translation.override(document_language(case, audience)):
        context = _context(case, spec, audience, meeting)
        html = get_template(f"reviews/documents/{kind}.html", using=TEMPLATE_ENGINE).render(context)
    if audience == VICTIM:
        check_no_restricted_data(case, f"document:{kind}:{audience}", html)
    return html


def render_document(case: Case, kind: str, audience: str, fmt: str) -> bytes:
    """The document as a file: ``fmt`` is ``pdf`` or ``docx``."""
    if fmt not in CONTENT_TYPES:
        raise DocumentNotAvailable(f"There is no {fmt!r} format.")
    html = document_html(case, kind, audience)
    return html_to_pdf(html) if fmt == "pdf" else html_to_docx(html)


# --- What the templates are given ----------------------------------------------------------------


def _area_facts(case: Case) -> dict[str, Any]:
    area = case.area
    return {
        "name": area.name,
        "official_name": area.official_name or area.name,
        "email": area.contact_email,
        "phone": area.contact_phone,
        "procedure_url": area.procedure_url,
    }


def _policy_facts(case: Case, policy: LocalPolicy) -> dict[str, Any]:
    return {
        "threshold": min(policy.threshold, 3),
        "report_window": report_window(policy),
        "application_within_months": policy.application_within_months,
        "panel_minimum": panel_minimum(case),
        "times": policy.timescales,
        "relevant_bodies": [agency.name for agency in relevant_bodies(case.area)],
    }


def _meeting_facts(meeting: Meeting | None, audience: str) -> dict[str, Any] | None:
    """What any audience may know of the meeting: never the proportionality assessment."""
    if meeting is None:
        return None
    panel = list(meeting.panel.select_related("agency"))
    return {
        "number": meeting.number,
        "starts_at": meeting.starts_at,
        "ends_at": meeting.ends_at,
        "victim_part_ends_at": meeting.victim_part_ends_at,
        "victim_part_minutes": meeting.victim_part_minutes,
        "place": meeting.place,
        "video_link": meeting.video_link,
        "chair_name": meeting.chair_name,
        "chair_organisation": meeting.chair_organisation,
        "chair_independent": meeting.chair_independent,
        "victim_invited": meeting.victim_invited,
        "victim_attended": meeting.victim_attended,
        "held_on": meeting.held_on,
        "outcome": meeting.outcome,
        "outcome_sent_on": meeting.outcome_sent_on,
        "plan_shared_on": meeting.plan_shared_on,
        "comment_until": meeting.comment_until,
        "plan_finalised_on": meeting.plan_finalised_on,
        "minutes_sent_on": meeting.minutes_sent_on,
        # The victim is told which organisations sit on the panel; the panel sees who.
        "organisations": sorted({member.organisation_name for member in panel}),
        "members": [
            {
                "name": member.name,
                "role": member.role,
                "organisation": member.organisation_name,
                "relevant_body": member.relevant_body,
                "attended": member.attended,
            }
            for member in panel
        ]
        if audience == PANEL
        else [],
        "recommendations": [
            {"text": rec.text, "addressed_to": rec.addressed_to}
            for rec in meeting.recommendations.select_related("agency")
        ],
    }


def _action_facts(action: Action, number: int) -> dict[str, Any]:
    return {
        "number": number,
        "description": action.description,
        "owner": action.owner.name,
        "due_on": action.due_on,
        "status": str(ActionStatus(action.status).label),
        "completed_on": action.completed_on,
        "victim_may_see": action.victim_may_see,
    }


def _actions(meeting: Meeting | None, audience: str) -> list[dict[str, Any]]:
    if meeting is None:
        return []
    actions = list(meeting.actions.select_related("owner"))
    if audience == VICTIM:
        actions = [action for action in actions if action.victim_may_see]
    return [_action_facts(action, number) for number, action in enumerate(actions, start=1)]


def _voice_facts(case: Case, audience: str) -> dict[str, Any] | None:
    voice = VictimVoice.objects.filter(case=case).first()
    if voice is None:
        return None
    facts: dict[str, Any] = {
        "choice": voice.choice,
        "choice_label": str(VoiceChoice(voice.choice).label),
        "attends": voice.attends,
        "advocate_name": voice.advocate_name,
        "advocate_organisation": voice.advocate_organisation,
        "has_statement": voice.has_statement,
        "statement_file_name": voice.statement_file_name,
    }
    if audience == PANEL:
        facts.update(
            {
                "statement": voice.statement,
                "advocate_contact": voice.advocate_contact,
                "support_offered": voice.support_offered,
                "contacted_on": voice.contacted_on,
            }
        )
    return facts


def _case_facts(case: Case) -> dict[str, Any]:
    """What the victim's versions may say about the case: built field by field, never the
    restricted ones."""
    return {
        "reference": case.reference,
        "victim_name": case.victim_name,
        "received_on": case.received_on,
        "decided_on": case.decided_on,
        "spoc_name": case.spoc.get_full_name() if case.spoc is not None else "",
        "lead_agency": (case.lead_agency or case.area.council).name,
    }


@dataclass(frozen=True)
class Occasion:
    """One incident or occasion of the behaviour, however many agencies it was reported to."""

    behaviour_on: date
    last_behaviour_on: date
    reports: tuple[dict[str, Any], ...]
    summaries: tuple[str, ...]
    counted: bool

    @property
    def agencies(self) -> list[str]:
        return list(dict.fromkeys(report["agency"] for report in self.reports))


def chronology(case: Case) -> list[Occasion]:
    """The case's complaints, one row per incident or occasion, oldest first. Complaints are
    grouped exactly as the rules engine groups them for the threshold (the same incident key,
    or the same day where the policy says so), so the pack and the decision never disagree on
    what was one occasion. ``counted`` says whether the occasion counted towards the threshold
    in the decision as recorded."""
    complaints = list(case.complaints.select_related("agency").order_by("reported_on", "pk"))
    if not complaints:
        return []
    policy = policy_from_dict(case.policy.rules)
    result = evaluate_threshold(case.received_on, [c.to_rules() for c in complaints], policy)
    group_of = {outcome.id: outcome.same_as or outcome.id for outcome in result.complaints}
    stored = case.threshold_result or {}
    counted_ids = {
        str(outcome["id"])
        for outcome in stored.get("complaints", [])
        if outcome.get("counted") and outcome.get("qualifying")
    }
    groups: dict[str, list[Any]] = {}
    for complaint in complaints:
        groups.setdefault(group_of[str(complaint.pk)], []).append(complaint)
    occasions = []
    for members in groups.values():
        days = [c.behaviour_on for c in members]
        occasions.append(
            Occasion(
                behaviour_on=min(days),
                last_behaviour_on=max(days),
                reports=tuple(
                    {
                        "agency": c.agency.name,
                        "reported_on": c.reported_on,
                        "agency_reference": c.agency_reference,
                        "kind": str(c.get_kind_display()),
                        "diary_sheet": c.kind == ComplaintKind.DIARY_SHEET,
                        "confirmed": c.is_confirmed,
                    }
                    for c in members
                ),
                summaries=tuple(dict.fromkeys(c.summary.strip() for c in members if c.summary)),
                counted=any(str(c.pk) in counted_ids for c in members),
            )
        )
    return sorted(occasions, key=lambda o: (o.behaviour_on, o.reports[0]["reported_on"]))


def _responses(case: Case) -> list[dict[str, Any]]:
    """Each relevant body asked for information, with what it answered."""
    out = []
    for request in case.information_requests.select_related("agency").prefetch_related("responses"):
        out.append(
            {
                "agency": request.agency.name,
                "requested_on": request.requested_on,
                "responses": [
                    {
                        "received_on": response.received_on,
                        "actions_taken": response.actions_taken,
                        "documents": response.documents,
                        "exemption_relied_on": response.exemption_relied_on,
                        "confirmed": response.complaints.count(),
                    }
                    for response in request.responses.all()
                ],
            }
        )
    return out


def _assessment(meeting: Meeting | None) -> dict[str, str]:
    """The proportionality assessment (RESTRICTED: panel versions only)."""
    if meeting is None:
        return {}
    return {
        "interventions_considered": meeting.interventions_considered,
        "necessity_and_proportionality": meeting.necessity_and_proportionality,
        "rights_considered": meeting.rights_considered,
        "decision": meeting.proportionality_decision,
    }


def _comments(meeting: Meeting | None) -> list[dict[str, Any]]:
    if meeting is None:
        return []
    return [
        {
            "received_on": comment.received_on,
            "how": comment.get_how_display(),
            "text": comment.text,
        }
        for comment in meeting.victim_comments.all()
    ]


def _panel_extras(case: Case, meeting: Meeting | None) -> dict[str, Any]:
    """What only the panel's versions are given: the case itself (restricted data included),
    the chronology, the partners' responses, the assessment and the victim's comments."""
    return {
        "case": case,
        "alleged_responsible": case.alleged_responsible,
        "chronology": chronology(case),
        "responses": _responses(case),
        "assessment": _assessment(meeting),
        "minutes_text": meeting.minutes if meeting is not None else "",
        "comments": _comments(meeting),
        "decision_route": case.get_decision_route_display() if case.decision_route else "",
    }


def _context(
    case: Case, spec: DocumentKind, audience: str, meeting: Meeting | None
) -> dict[str, Any]:
    policy = policy_from_dict(case.policy.rules)
    context: dict[str, Any] = {
        "title": str(spec.title),
        "kind": spec.kind,
        "audience": audience,
        "panel": audience == PANEL,
        "language": document_language(case, audience),
        "date": timezone.localdate(),
        "area": _area_facts(case),
        "policy": _policy_facts(case, policy),
        "facts": _case_facts(case),
        "meeting": _meeting_facts(meeting, audience),
        "voice": _voice_facts(case, audience),
        "actions": _actions(meeting, audience),
        "comment_count": len(_comments(meeting)),
    }
    if audience == PANEL:
        context.update(_panel_extras(case, meeting))
    return context
