"""Building incident data for the matching tests through the real ingest service, as an
agency's API call or CSV import would, so proposals are made by the real after-save effects."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from casereview.accounts.models import User
from casereview.areas.models import Agency, AgencyKind, Area
from casereview.cases.evaluation import evaluate_case
from casereview.cases.models import Case, Complaint
from casereview.partners.ingest import IncidentRecord, ingest_incidents
from casereview.partners.models import (
    Incident,
    IncidentLink,
    InformationRequest,
    PartnerVictim,
    VictimLink,
)
from casereview.partners.services import IncidentInput, information_response_record
from tests.cases.helpers import agency_of, gathering

# The 14th of March 2026: before the frozen "today" of the ``in_march`` fixture (the 16th).
SATURDAY = dt.date(2026, 3, 14)

# One occasion as two agencies would describe it.
NOISE_POLICE = {
    "behaviour_time": dt.time(23, 40),
    "location": "12 Bury Road, Hertford",
    "postcode": "SG14 1AB",
    "description": "Loud music and shouting from flat 3 late at night",
}
NOISE_HOUSING = {
    "behaviour_time": dt.time(23, 55),
    "location": "Outside 12 Bury Road Hertford",
    "postcode": "sg141ab",
    "description": "Noise complaint: loud music, shouting, flat 3 Bury Road",
}
# A different occasion the same day, across town.
VANDALISM = {
    "behaviour_time": dt.time(14, 5),
    "location": "Market Square, Ware",
    "postcode": "SG12 9AA",
    "description": "Car windscreen smashed outside the shop",
}

SAM_AT_POLICE = {
    "victim_name": "Sam Victim",
    "victim_date_of_birth": dt.date(1980, 5, 17),
    "victim_address": "Flat 2, 12 Bury Road, Hertford",
    "victim_postcode": "SG14 1AB",
}
SAM_AT_HOUSING = {
    "victim_name": "victim  sam",
    "victim_date_of_birth": dt.date(1980, 5, 17),
    "victim_address": "2/12 Bury Road Hertford",
    "victim_postcode": "SG141AB",
}


def housing(area: Area) -> Agency:
    return agency_of(area, AgencyKind.HOUSING)


def record(reference: str, behaviour_on: dt.date = SATURDAY, **values: Any) -> IncidentRecord:
    """An incident record; reported the day of the behaviour unless told otherwise."""
    values.setdefault("reported_on", behaviour_on)
    return IncidentRecord(agency_reference=reference, behaviour_on=behaviour_on, **values)


def send(area: Area, agency: Agency, *records: IncidentRecord) -> list[Incident]:
    """``agency``'s system sends ``records``; the incidents as stored."""
    result = ingest_incidents(area, agency, records, by=None)
    return [Incident.objects.get(pk=incident.pk) for incident in result.incidents]


def one_incident(area: Area, agency: Agency, reference: str, **values: Any) -> Incident:
    return send(area, agency, record(reference, **values))[0]


def incident_link(a: Incident, b: Incident) -> IncidentLink | None:
    first, second = sorted((a.pk, b.pk))
    return IncidentLink.objects.filter(first_id=first, second_id=second).first()


def victim_link(a: PartnerVictim, b: PartnerVictim) -> VictimLink | None:
    first, second = sorted((a.pk, b.pk))
    return VictimLink.objects.filter(first_id=first, second_id=second).first()


def reason_codes(link: IncidentLink | VictimLink) -> list[str]:
    return [reason["code"] for reason in link.reasons]


def victim_of(incident: Incident) -> PartnerVictim:
    assert incident.victim_id is not None
    return PartnerVictim.objects.get(pk=incident.victim_id)


def case_from(area: Area, by: User, *incidents: Incident) -> Case:
    """An open case whose complaints are ``incidents``, each confirmed by its agency's response
    to the case's information request and made from the agency's incident record."""
    case = gathering(area, by)
    for incident in incidents:
        request = InformationRequest.objects.get(case=case, agency=incident.agency)
        information_response_record(
            request,
            by=by,
            received_on=timezone.localdate(),
            incidents=[
                IncidentInput(
                    behaviour_on=incident.behaviour_on,
                    reported_on=incident.reported_on,
                    agency_reference=incident.agency_reference,
                )
            ],
        )
        # The response service does not take the incident record a complaint comes from: tie
        # them as a partner-initiated case (the repeat-victim check) does.
        Complaint.objects.filter(case=case, agency_reference=incident.agency_reference).update(
            incident=incident, incident_key=incident.complaint_incident_key
        )
    return case


def counted_complaints(case: Case) -> int:
    """How many occasions the threshold engine counts among the case's complaints."""
    return evaluate_case(Case.objects.get(pk=case.pk)).result.qualifying_count
