"""End to end: incidents pushed through the ingest service raise the prompt, re-sending them
changes nothing, and confirming that two agencies' victims are one person raises the prompt
their reports together call for."""

from __future__ import annotations

import datetime as dt

import pytest

from casereview.accounts.models import User
from casereview.areas.models import AgencyKind, Area
from casereview.partners.ingest import IncidentRecord, ingest_incidents
from casereview.partners.matching.services import confirm_link
from casereview.partners.models import SecondReportPrompt, VictimLink
from tests.cases.helpers import agency_of

pytestmark = pytest.mark.usefixtures("in_march")


def _record(reference: str, day: dt.date) -> IncidentRecord:
    return IncidentRecord(
        agency_reference=reference,
        behaviour_on=day,
        reported_on=day,
        description=f"Incident {reference}",
        victim_name="Sam Victim",
        victim_date_of_birth=dt.date(1980, 5, 17),
        victim_address="1 High Street, Hertford",
        victim_postcode="SG14 1AB",
    )


def test_a_second_report_pushed_by_an_agency_raises_one_prompt(area: Area) -> None:
    batch = [_record("P-1", dt.date(2026, 1, 10)), _record("P-2", dt.date(2026, 3, 2))]

    ingest_incidents(area, area.police_force, batch, by=None)
    ingest_incidents(area, area.police_force, batch, by=None)

    prompt = SecondReportPrompt.objects.get()
    assert prompt.earlier_incident.agency_reference == "P-1"
    assert prompt.second_incident.agency_reference == "P-2"


def test_confirming_two_agencies_victims_as_one_person_raises_the_prompt(
    area: Area, coordinator: User
) -> None:
    housing = agency_of(area, AgencyKind.HOUSING)
    ingest_incidents(area, area.police_force, [_record("P-1", dt.date(2026, 1, 10))], by=None)
    ingest_incidents(area, housing, [_record("H-1", dt.date(2026, 2, 20))], by=None)
    assert not SecondReportPrompt.objects.exists()

    confirm_link(VictimLink.objects.get(area=area), by=coordinator)

    prompt = SecondReportPrompt.objects.get()
    assert prompt.earlier_incident.agency_reference == "P-1"
    assert prompt.second_incident.agency_reference == "H-1"
