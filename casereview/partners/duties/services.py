"""The two things staff do about the proactive duties: record that the Case Review was explained
to a victim who reported twice (settling the prompt), and open a partner-initiated case for a
person on the repeat-victim list.

Only coordinators and area administrators of the area act (``check_actor``); a person of another
area never reaches these (the views answer 404 first).
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from casereview.accounts.models import User
from casereview.areas.models import Area
from casereview.cases.models import (
    Case,
    Channel,
    Complaint,
    ComplaintSource,
    Relationship,
)
from casereview.cases.services import Applicant, ComplaintInput, Victim, case_receive
from casereview.cases.step_support import Problems, check_actor
from casereview.core.formatting import govuk_date
from casereview.partners.duties.repeat_victims import person_incidents, person_records
from casereview.partners.models import ExplainedHow, Incident, SecondReportPrompt


def prompt_record_explained(
    prompt: SecondReportPrompt, *, by: User | None, on: date | None, how: str, note: str = ""
) -> SecondReportPrompt:
    """Record that the Case Review was explained to the victim on ``on`` (not in the future, not
    before the prompt was raised) and ``how``; this settles the prompt. Recording the same again
    changes nothing; a settled prompt is not recorded over."""
    check_actor(by, prompt.area)
    with transaction.atomic():
        prompt = (
            SecondReportPrompt.objects.select_for_update(of=("self",))
            .select_related("area")
            .get(pk=prompt.pk)
        )
        if (
            prompt.explained_on is not None
            and prompt.explained_on == on
            and prompt.explained_how == how
            and prompt.note == note.strip()
        ):
            return prompt
        problems = Problems()
        if prompt.explained_on is not None:
            problems.add(
                "on",
                _("It was already recorded that the review was explained on %(day)s.")
                % {"day": govuk_date(prompt.explained_on)},
            )
        else:
            problems.day(
                "on",
                on,
                not_before=prompt.raised_on,
                not_before_what=_("the day the prompt was raised"),
            )
            if how not in ExplainedHow.values:
                problems.add("how", _("Choose how the review was explained."))
        problems.raise_if_any()
        prompt.explained_on = on
        prompt.explained_how = how
        prompt.explained_by = by
        prompt.note = note.strip()
        prompt.save(update_fields=["explained_on", "explained_how", "explained_by", "note"])
    return prompt


def _description(area: Area, incidents: list[Incident]) -> str:
    """What the case's application says about the behaviour: each incident the agencies
    recorded, on its own line."""
    lines = [
        _(
            "Opened by %(council)s from the records of partner agencies, which show "
            "%(count)s incidents reported between %(first)s and %(last)s:"
        )
        % {
            "council": area.official_name or area.name,
            "count": len(incidents),
            "first": govuk_date(min(i.reported_on for i in incidents)),
            "last": govuk_date(max(i.reported_on for i in incidents)),
        }
    ]
    for incident in incidents:
        line = _("%(day)s, reported on %(reported)s to %(agency)s (reference %(reference)s)") % {
            "day": govuk_date(incident.behaviour_on),
            "reported": govuk_date(incident.reported_on),
            "agency": incident.agency.name,
            "reference": incident.agency_reference,
        }
        description = " ".join(incident.description.split())
        lines.append(f"- {line}: {description}" if description else f"- {line}")
    return "\n".join(lines)


def open_partner_case(area: Area, person_key: int, *, by: User | None) -> Case:
    """Open a partner-initiated case for one person of the repeat-victim list.

    The application is the partners': received today through the partner-agency channel, the
    applicant the agency that recorded most of the incidents (no consent needed), the victim as
    their records know them, and the person's qualifying incidents as its complaints, confirmed
    by the agencies (``CONFIRMED_BY_AGENCY``, each linked to its incident and carrying the
    incident key of its confirmed cross-agency group) in the same transaction.

    ``case_receive`` screens it like any application: it refuses while the victim has an open
    case, and asks for a material change after an earlier decision (``ValidationError``).
    """
    check_actor(by, area)
    today = timezone.localdate()
    records = list(person_records(area, person_key))
    incidents = list(person_incidents(area, person_key, on=today)) if records else []
    if not incidents:
        raise ValidationError(
            {
                "person": [
                    _("This person has no qualifying incidents in %(area)s.") % {"area": area.name}
                ]
            }
        )
    newest = records[0]
    address = next((r.address for r in records if r.address.strip()), "")
    postcode = next((r.postcode for r in records if r.postcode.strip()), "")
    reports = Counter(incident.agency_id for incident in incidents)
    applicant_agency = max(
        (incident.agency for incident in incidents),
        key=lambda agency: (reports[agency.pk], agency.name),
    )
    complaints = [
        ComplaintInput(
            agency=incident.agency,
            reported_on=incident.reported_on,
            behaviour_on=incident.behaviour_on,
            agency_reference=incident.agency_reference,
            incident_key=incident.complaint_incident_key,
            kind=incident.kind,
            summary=incident.description,
        )
        for incident in incidents
    ]
    latest = max(incidents, key=lambda incident: (incident.reported_on, incident.pk))
    with transaction.atomic():
        case = case_receive(
            area,
            by=by,
            channel=Channel.PARTNER_AGENCY,
            received_on=today,
            victim=Victim(name=newest.name, address=address, postcode=postcode),
            asb_description=_description(area, incidents),
            applicant=Applicant(
                name=applicant_agency.name,
                relationship=Relationship.PARTNER_AGENCY,
                email=applicant_agency.email,
                phone=applicant_agency.phone,
            ),
            location=latest.location,
            complaints=complaints,
            note=_("Opened from the repeat-victim check."),
        )
        created = list(Complaint.objects.filter(case=case).order_by("pk"))
        for complaint, incident in zip(created, incidents, strict=True):
            complaint.source = ComplaintSource.CONFIRMED_BY_AGENCY
            complaint.incident = incident
            complaint.incident_key = incident.complaint_incident_key
            complaint.agency_reference = incident.agency_reference
            complaint.save(update_fields=["source", "incident", "incident_key", "agency_reference"])
    return case
