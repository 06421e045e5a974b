"""Information requests to relevant bodies and their responses.

Requests are created by the case's ``case_request_information`` step (one per relevant body of
the area: the law has every one of them told). A response is recorded by staff now, and by the
agency's own users in a later issue; either way it is a step of the case (``record_response``):
the case row is locked, an event written and the deadlines recomputed, so the request's deadline
is met by the first response.

A response's incidents become the case's complaints: an incident that ``confirms`` a complaint
the applicant stated turns it into the agency's confirmed record (the agency's dates win); any
other incident is added as a new confirmed complaint.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _

from casereview.accounts.models import User
from casereview.areas.models import Agency
from casereview.areas.selectors import relevant_bodies
from casereview.cases.models import Case, Complaint, ComplaintKind, ComplaintSource
from casereview.cases.step_support import Problems, check_actor, finish, lock
from casereview.cases.workflow import Step, ensure_allowed, transition
from casereview.partners.models import InformationRequest, InformationResponse


@dataclass(frozen=True)
class IncidentInput:
    """One incident from an agency's records."""

    behaviour_on: date
    reported_on: date
    agency_reference: str = ""
    incident_key: str = ""
    kind: str = ComplaintKind.COMPLAINT
    summary: str = ""
    # The applicant's stated complaint this record confirms, if any.
    confirms: Complaint | None = None


def relevant_bodies_to_ask(case: Case) -> list[Agency]:
    """Relevant bodies of the case's area that have not yet been sent a request for it."""
    asked = set(case.information_requests.values_list("agency_id", flat=True))
    return [agency for agency in relevant_bodies(case.area) if agency.pk not in asked]


def create_information_requests(
    case: Case, agencies: Sequence[Agency], *, by: User | None, on: date
) -> list[InformationRequest]:
    """One request per agency. Called only from ``case_request_information``, under its lock."""
    return [
        InformationRequest.objects.create(
            case=case, agency=agency, requested_on=on, requested_by=by
        )
        for agency in agencies
    ]


def _check_incidents(problems: Problems, case: Case, incidents: Sequence[IncidentInput]) -> None:
    for number, incident in enumerate(incidents, start=1):
        where = _("Incident %(number)s") % {"number": number}
        inner = Problems()
        inner.day("behaviour_on", incident.behaviour_on)
        inner.day("reported_on", incident.reported_on)
        for messages in inner.errors.values():
            for message in messages:
                problems.add(
                    "incidents",
                    _("%(where)s: %(message)s") % {"where": where, "message": message},
                )
        if not inner.errors and incident.reported_on < incident.behaviour_on:
            problems.add(
                "incidents",
                _("%(where)s: it cannot have been reported before the behaviour happened.")
                % {"where": where},
            )
        if incident.kind not in ComplaintKind.values:
            problems.add(
                "incidents",
                _("%(where)s: choose complaint or diary sheet.") % {"where": where},
            )
        confirms = incident.confirms
        if confirms is not None:
            if confirms.case_id != case.pk:
                problems.add(
                    "incidents",
                    _("%(where)s: it can only confirm a complaint of this case.")
                    % {"where": where},
                )
            elif confirms.is_confirmed:
                problems.add(
                    "incidents",
                    _("%(where)s: that complaint has already been confirmed.") % {"where": where},
                )


def information_response_record(
    request: InformationRequest,
    *,
    by: User | None,
    received_on: date,
    incidents: Sequence[IncidentInput] = (),
    actions_taken: str = "",
    documents: str = "",
    exemption_relied_on: str = "",
    exemption_reason: str = "",
    note: str = "",
) -> InformationResponse:
    """Record a relevant body's response to ``request``, adding or confirming complaints."""
    check_actor(by, request.case.area, agency=request.agency)
    with transaction.atomic():
        case = lock(request.case)
        request = InformationRequest.objects.select_related("agency").get(pk=request.pk)
        ensure_allowed(case, Step.RECORD_RESPONSE)
        problems = Problems()
        problems.day(
            "received_on",
            received_on,
            not_before=request.requested_on,
            not_before_what=_("the request"),
        )
        # Re-read what each incident confirms, so the checks see the stored complaint.
        fresh = {
            c.pk: c
            for c in Complaint.objects.filter(
                pk__in=[i.confirms.pk for i in incidents if i.confirms is not None]
            )
        }
        incidents = [
            replace(i, confirms=fresh[i.confirms.pk])
            if i.confirms is not None and i.confirms.pk in fresh
            else i
            for i in incidents
        ]
        _check_incidents(problems, case, incidents)
        problems.raise_if_any()

        response = InformationResponse.objects.create(
            request=request,
            received_on=received_on,
            recorded_by=by,
            actions_taken=actions_taken.strip(),
            documents=documents.strip(),
            exemption_relied_on=exemption_relied_on.strip(),
            exemption_reason=exemption_reason.strip(),
        )
        added: list[int] = []
        confirmed: list[int] = []
        for incident in incidents:
            values = {
                "agency": request.agency,
                "behaviour_on": incident.behaviour_on,
                "reported_on": incident.reported_on,
                "kind": incident.kind,
                "source": ComplaintSource.CONFIRMED_BY_AGENCY,
                "confirmed_by_response": response,
            }
            if incident.agency_reference.strip():
                values["agency_reference"] = incident.agency_reference.strip()
            if incident.incident_key.strip():
                values["incident_key"] = incident.incident_key.strip()
            if incident.summary.strip():
                values["summary"] = incident.summary.strip()
            if incident.confirms is not None:
                complaint = incident.confirms
                for name, value in values.items():
                    setattr(complaint, name, value)
                complaint.save(update_fields=sorted(values))
                confirmed.append(complaint.pk)
            else:
                added.append(Complaint.objects.create(case=case, **values).pk)
        event = transition(
            case,
            Step.RECORD_RESPONSE,
            by=by,
            note=note.strip(),
            data={
                "agency": request.agency.code,
                "response": response.pk,
                "complaints_added": added,
                "complaints_confirmed": confirmed,
                "exemption_relied_on": bool(response.exemption_relied_on),
            },
            related_changed=True,
        )
        finish(case, event)
    return response
