"""Removing a person's data from a case, and from the records partners sent about them, while
keeping everything the statistics, the history and the audit need.

What goes: names, addresses, e-mail addresses, phone numbers, postcodes, dates of birth, and
every free text that can name people (descriptions, notes, minutes, statements, letters' stored
bodies and files, partners' uploaded documents). A non-empty text is replaced by ``MARKER``,
never emptied, because "was there a statement?" is itself a published figure; contact details
and match keys are emptied. What stays: the case row and its reference, area, dates, states,
decisions and the codes of channel, applicant and victim kind, every event's step and date,
every deadline, meeting, recommendation, action and appeal row. So
``casereview.publishing.statistics.compute_figures_for_areas`` gives the same figures before and
after.

History rows refuse every change (``CaseEvent``, ``Letter``). ``overwrite_history`` is the one
sanctioned way past that guard: it changes only the personal fields listed in
``HISTORY_PERSONAL_FIELDS`` and nothing else, so anonymisation can never rewrite what happened.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from django.db import models
from django.db.models import Case as Choose
from django.db.models import Q, Value, When

from casereview.appeals.models import Appeal
from casereview.audit.models import AuditRecord
from casereview.cases.models import Case, CaseEvent, Complaint, ImmutableRow
from casereview.letters.models import Letter
from casereview.partners.models import (
    Incident,
    InformationResponse,
    PartnerVictim,
    ResponseDocument,
    SecondReportPrompt,
)
from casereview.public.models import ApplicationDraft, ProgressEmail
from casereview.reviews.models import (
    Action,
    Meeting,
    Recommendation,
    VictimComment,
    VictimVoice,
)

# What a removed text reads as: fixed, so that a person reading an old case knows what happened.
MARKER = "[anonymised]"

# The only fields of history rows that anonymisation may overwrite.
HISTORY_PERSONAL_FIELDS: dict[type[models.Model], frozenset[str]] = {
    CaseEvent: frozenset({"note"}),
    Letter: frozenset(
        {"recipient_name", "recipient_address", "recipient_email", "html", "pdf", "docx"}
    ),
}

# Personal fields of each model: free texts (replaced by MARKER when not empty) and contact
# details or keys (emptied).
CASE_TEXTS = (
    "victim_name",
    "victim_address",
    "vulnerability_notes",
    "support_needs",
    "applicant_name",
    "applicant_address",
    "consent_given_how",
    "asb_description",
    "location",
    "alleged_responsible",
    "signposting",
    "material_change",
    "declined_reasons",
    "persistence_notes",
    "harm_notes",
    "adequacy_of_response_notes",
    "decision_reasons",
    "senior_manager_name",
    "senior_manager_reasons",
    "end_reason",
)
CASE_CONTACTS = (
    "victim_postcode",
    "victim_email",
    "victim_phone",
    "applicant_email",
    "applicant_phone",
    "victim_name_key",
    "victim_postcode_key",
    "victim_email_key",
    "victim_phone_key",
)
COMPLAINT_TEXTS = ("summary", "agency_reference")
RESPONSE_TEXTS = ("actions_taken", "documents", "exemption_relied_on", "exemption_reason")
INCIDENT_TEXTS = ("location", "description")
INCIDENT_CONTACTS = ("postcode", "postcode_key")
PARTNER_VICTIM_TEXTS = ("name", "address")
PARTNER_VICTIM_CONTACTS = ("agency_reference", "postcode", "postcode_key", "name_key")
VOICE_TEXTS = (
    "statement",
    "statement_file_name",
    "advocate_name",
    "advocate_organisation",
    "advocate_contact",
    "support_offered",
    "support_needs",
)
MEETING_TEXTS = (
    "minutes",
    "outcome",
    "interventions_considered",
    "necessity_and_proportionality",
    "rights_considered",
    "proportionality_decision",
)
APPEAL_TEXTS = ("late_reason", "what_the_victim_says", "reasons")


def overwrite_history(queryset: models.QuerySet[Any], **values: Any) -> int:
    """Overwrite personal fields of append-only history rows: the one sanctioned exception to
    their guard, for anonymisation only. Any field outside ``HISTORY_PERSONAL_FIELDS`` (a step,
    a date, a status, a letter's kind) is refused with ``ImmutableRow``, as every other change
    of these rows is."""
    allowed = HISTORY_PERSONAL_FIELDS.get(queryset.model, frozenset())
    refused = sorted(set(values) - allowed)
    if refused:
        raise ImmutableRow(
            f"{queryset.model.__name__} rows keep {', '.join(refused)}: only personal data is "
            "ever overwritten, by anonymisation."
        )
    # The plain QuerySet.update, past the history queryset's refusal of every update.
    return models.QuerySet.update(queryset, **values)


def _marked(name: str) -> Choose:
    """``name`` replaced by MARKER when it holds anything, left empty when it is empty."""
    return Choose(When(Q(**{name: ""}), then=Value("")), default=Value(MARKER))


def _texts(fields: Iterable[str]) -> dict[str, Any]:
    return {name: _marked(name) for name in fields}


def _emptied(fields: Iterable[str]) -> dict[str, Any]:
    return dict.fromkeys(fields, "")


def described(prefix: str, counts: Counter[str]) -> list[str]:
    """The texts of the audit records of a bulk anonymisation: ``prefix``, then "model n" for
    each model with rows changed (models and numbers only, never a value). One text for a usual
    case; as many as it takes to keep each within the audit row's column, never cut short."""
    width = AuditRecord._meta.get_field("what").max_length or 200
    texts: list[str] = []
    for entry in (f"{model} {n}" for model, n in counts.items() if n):
        if texts and len(texts[-1]) + 2 + len(entry) <= width:
            texts[-1] += ", " + entry
        else:
            texts.append(prefix + entry)
    return texts


def anonymise_case_rows(case: Case) -> Counter[str]:
    """Remove the personal data of ``case`` and of everything hanging off it (the caller holds
    the transaction and records the anonymisation first; see ``services.anonymise_case``).
    Returns the number of rows changed of each model, for the audit log: queryset updates send
    no signals, so the caller records them as one batch."""
    done: Counter[str] = Counter()
    done["case"] = Case.objects.filter(pk=case.pk).update(
        **_texts(CASE_TEXTS), **_emptied(CASE_CONTACTS)
    )
    done["complaint"] = Complaint.objects.filter(case=case).update(**_texts(COMPLAINT_TEXTS))
    done["caseevent"] = overwrite_history(CaseEvent.objects.filter(case=case), note=_marked("note"))
    done["letter"] = overwrite_history(
        Letter.objects.filter(case=case),
        recipient_name=_marked("recipient_name"),
        recipient_address=_marked("recipient_address"),
        recipient_email="",
        html=MARKER,
        pdf=b"",
        docx=b"",
    )
    done["progressemail"] = ProgressEmail.objects.filter(case=case).update(to="")
    done["applicationdraft"] = ApplicationDraft.objects.filter(case=case).update(
        answers={}, resume_email=""
    )

    responses = InformationResponse.objects.filter(request__case=case)
    done["informationresponse"] = responses.update(**_texts(RESPONSE_TEXTS))
    # Uploaded files go altogether: they live in the database, so deleting the rows is deleting
    # them from storage.
    ResponseDocument.objects.filter(response__in=responses).delete()

    done["victimvoice"] = VictimVoice.objects.filter(case=case).update(
        **_texts(VOICE_TEXTS), statement_file=None
    )
    done["meeting"] = Meeting.objects.filter(case=case).update(
        **_texts(MEETING_TEXTS), video_link=""
    )
    done["recommendation"] = Recommendation.objects.filter(meeting__case=case).update(
        **_texts(("text", "response"))
    )
    done["action"] = Action.objects.filter(meeting__case=case).update(
        **_texts(("description", "progress"))
    )
    done["victimcomment"] = VictimComment.objects.filter(meeting__case=case).update(
        **_texts(("text",))
    )
    done["appeal"] = Appeal.objects.filter(case=case).update(**_texts(APPEAL_TEXTS))

    incident_ids = set(
        Complaint.objects.filter(case=case, incident__isnull=False).values_list(
            "incident_id", flat=True
        )
    )
    done["incident"] = anonymise_incidents(incident_ids)
    victim_ids = set(
        Incident.objects.filter(pk__in=incident_ids, victim__isnull=False).values_list(
            "victim_id", flat=True
        )
    )
    for victim_id in victim_ids:
        if not has_live_incidents(victim_id):
            done.update(anonymise_partner_victim(victim_id))
    return done


def anonymise_incidents(incident_ids: Iterable[int]) -> int:
    return Incident.objects.filter(pk__in=list(incident_ids)).update(
        **_texts(INCIDENT_TEXTS), **_emptied(INCIDENT_CONTACTS)
    )


def has_live_incidents(victim_id: int) -> bool:
    """Whether a partner's record of a victim still has an incident whose data is kept: one not
    yet anonymised (its description or location still there) that is not only part of
    anonymised cases. An agency's incident that is part of no case is the agency's live record
    and keeps the person's record too."""
    remaining = Incident.objects.filter(victim_id=victim_id).exclude(
        Q(location__in=["", MARKER]) & Q(description__in=["", MARKER]) & Q(postcode="")
    )
    return remaining.exists()


def anonymise_partner_victim(victim_id: int) -> Counter[str]:
    done: Counter[str] = Counter()
    done["partnervictim"] = PartnerVictim.objects.filter(pk=victim_id).update(
        **_texts(PARTNER_VICTIM_TEXTS), **_emptied(PARTNER_VICTIM_CONTACTS), date_of_birth=None
    )
    done["secondreportprompt"] = SecondReportPrompt.objects.filter(victim_id=victim_id).update(
        note=_marked("note")
    )
    return done
