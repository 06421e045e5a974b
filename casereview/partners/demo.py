"""Demo incident data for the demo area, sent through the real ingest service as agencies' systems
would send it, so the partner pages have something to show: one noise incident reported to the
police and to the housing association (a proposed match, and the same victim known to both), a
second report within six months (a prompt to explain the Case Review), and a person whose three
reports to the police already meet the threshold with no application (the repeat-victim check).

Fictional people and places only. Dates count back from today, so the demo stays current; the
agencies' references carry the date, so running it again on the same day changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time, timedelta
from typing import TypedDict

from django.utils import timezone

from casereview.areas.models import Agency, AgencyKind, Area
from casereview.areas.selectors import relevant_bodies
from casereview.partners.ingest import IncidentRecord, ingest_incidents


class VictimFields(TypedDict):
    victim_name: str
    victim_date_of_birth: date
    victim_address: str
    victim_postcode: str


ALEX: VictimFields = {
    "victim_name": "Alex Demo",
    "victim_date_of_birth": date(1979, 4, 2),
    "victim_address": "Flat 4, 9 Example Road, Hertford",
    "victim_postcode": "SG14 9ZZ",
}
ALEX_AT_HOUSING: VictimFields = {
    **ALEX,
    "victim_name": "alex  DEMO",
    "victim_address": "4/9 Example Rd Hertford",
}
JORDAN: VictimFields = {
    "victim_name": "Jordan Sample",
    "victim_date_of_birth": date(1990, 11, 23),
    "victim_address": "2 Sample Close, Ware",
    "victim_postcode": "SG12 9ZZ",
}


@dataclass(frozen=True)
class DemoIncidents:
    created: int
    unchanged: int

    def summary(self) -> str:
        return (
            f"Demo incident data: {self.created} incidents created, {self.unchanged} already there."
        )


def _agency(area: Area, kind: str) -> Agency | None:
    return next((agency for agency in relevant_bodies(area) if agency.kind == kind), None)


def seed_demo_incidents(area: Area, *, today: date | None = None) -> DemoIncidents:
    today = today or timezone.localdate()
    police = area.police_force
    housing = _agency(area, AgencyKind.HOUSING)
    stamp = f"{today:%Y%m%d}"

    def day(days_ago: int) -> date:
        return today - timedelta(days=days_ago)

    police_records = [
        # Alex's first report, and the noise occasion the housing association also recorded.
        IncidentRecord(
            agency_reference=f"DEMO-{stamp}-P1",
            behaviour_on=day(60),
            reported_on=day(59),
            description="Shouting and banging from the flat above late at night",
            location="9 Example Road, Hertford",
            postcode="SG14 9ZZ",
            **ALEX,
        ),
        IncidentRecord(
            agency_reference=f"DEMO-{stamp}-P2",
            behaviour_on=day(10),
            behaviour_time=time(23, 40),
            reported_on=day(9),
            description="Loud music and shouting from flat 5 after midnight",
            location="9 Example Road, Hertford",
            postcode="SG14 9ZZ",
            **ALEX,
        ),
    ] + [
        # Jordan's three reports to the police in the last three months: the threshold is met.
        IncidentRecord(
            agency_reference=f"DEMO-{stamp}-J{number}",
            behaviour_on=day(days_ago),
            reported_on=day(days_ago - 1),
            description=description,
            location="Sample Close, Ware",
            postcode="SG12 9ZZ",
            **JORDAN,
        )
        for number, (days_ago, description) in enumerate(
            [
                (80, "Stones thrown at the front window"),
                (45, "Car tyres slashed on the drive"),
                (20, "Abuse shouted at the victim in the street"),
            ],
            start=1,
        )
    ]
    results = [ingest_incidents(area, police, police_records, by=None)]
    if housing is not None:
        housing_records = [
            IncidentRecord(
                agency_reference=f"DEMO-{stamp}-H1",
                behaviour_on=day(10),
                behaviour_time=time(23, 55),
                reported_on=day(9),
                description="Noise complaint: loud music, shouting, flat 5 Example Road",
                location="Outside 9 Example Road Hertford",
                postcode="sg149zz",
                **ALEX_AT_HOUSING,
            )
        ]
        results.append(ingest_incidents(area, housing, housing_records, by=None))
    return DemoIncidents(
        created=sum(result.created for result in results),
        unchanged=sum(result.unchanged for result in results),
    )
