"""Information requests to relevant bodies and their responses.

Requests are created by the case's ``case_request_information`` step (one per relevant body of
the area: the law has every one of them told). A response is recorded by staff now, and by the
agency's own users in a later issue; either way it is a step of the case (``record_response``):
the case row is locked, an event written and the deadlines recomputed, so the request's deadline
is met by the first response.

A response's incidents become the case's complaints: an incident that ``confirms`` a complaint
the applicant stated turns it into the agency's confirmed record (the agency's dates win); any
other incident is added as a new confirmed complaint. An incident whose reference is one of the
agency's incident records in the area (pushed through the API or imported) is tied to that
record, so that the cross-agency links confirmed on it decide the complaint's ``incident_key``.

Files the agency supplies are kept with the response (``ResponseDocument``), in the database
like the victim's uploaded statement: one database to back up.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _

from casereview.accounts.models import User
from casereview.areas.models import Agency
from casereview.areas.selectors import relevant_bodies
from casereview.cases.models import Case, Complaint, ComplaintKind, ComplaintSource
from casereview.cases.step_support import Problems, check_actor, finish, lock
from casereview.cases.workflow import Step, ensure_allowed, transition
from casereview.partners.models import (
    Incident,
    InformationRequest,
    InformationResponse,
    ResponseDocument,
)
from casereview.reviews.models import MAX_UPLOAD_BYTES, UPLOAD_TYPES
from casereview.reviews.services import Upload

# What an agency may send with a response: the documents a victim may upload, and the
# spreadsheets agencies keep incident logs in.
RESPONSE_FILE_TYPES: dict[str, str] = {
    **UPLOAD_TYPES,
    ".csv": "text/csv",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
MAX_RESPONSE_FILES = 20


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


def _check_files(problems: Problems, files: Sequence[Upload]) -> None:
    """Every problem with every file at once, each naming the file."""
    if len(files) > MAX_RESPONSE_FILES:
        problems.add(
            "files",
            _("Send at most %(count)s files with one response.") % {"count": MAX_RESPONSE_FILES},
        )
    for upload in files:
        name = upload.name or _("A file")
        if Path(upload.name).suffix.lower() not in RESPONSE_FILE_TYPES:
            problems.add(
                "files",
                _(
                    "%(name)s must be a PDF, Word, OpenDocument, text, RTF, JPEG, PNG, CSV or "
                    "Excel (.xlsx) file."
                )
                % {"name": name},
            )
        elif len(upload.data) > MAX_UPLOAD_BYTES:
            problems.add("files", _("%(name)s must be smaller than 10 MB.") % {"name": name})
        elif not upload.data:
            problems.add("files", _("%(name)s is empty.") % {"name": name})


def _incident_records(
    request: InformationRequest, incidents: Sequence[IncidentInput]
) -> dict[str, Incident]:
    """The agency's incident records in the case's area named by the incidents' references."""
    references = {i.agency_reference.strip() for i in incidents if i.agency_reference.strip()}
    if not references:
        return {}
    return {
        record.agency_reference: record
        for record in Incident.objects.filter(
            area_id=request.case.area_id,
            agency_id=request.agency_id,
            agency_reference__in=sorted(references),
        )
    }


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
    files: Sequence[Upload] = (),
) -> InformationResponse:
    """Record a relevant body's response to ``request``, adding or confirming complaints, with
    the ``files`` the body supplied."""
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
        _check_files(problems, files)
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
        for upload in files:
            ResponseDocument.objects.create(
                response=response,
                name=Path(upload.name).name[:200],
                content_type=RESPONSE_FILE_TYPES[Path(upload.name).suffix.lower()],
                data=upload.data,
                size=len(upload.data),
            )
        records = _incident_records(request, incidents)
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
            record = records.get(incident.agency_reference.strip())
            if record is not None:
                values["incident"] = record
                # The links confirmed across agencies decide, unless the body gave its own key.
                values["incident_key"] = record.complaint_incident_key
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
                "files": len(files),
                "incidents_linked": sorted(r.pk for r in records.values()),
            },
            related_changed=True,
        )
        finish(case, event)
    return response
