"""Migration partners 0005 fills every incident's copies of its victim record's person and of
its occasion, the way the ingest service writes them for new incidents."""

from __future__ import annotations

import datetime as dt

from django.db.migrations.executor import MigrationExecutor

from casereview.partners.models import occasion_key_of
from tests.migrations import models_at

BEFORE = ("partners", "0004_import_file_in_its_own_row")
AFTER = ("partners", "0005_incident_copies_person_and_occasion")


# Days either side of month, year and leap-day boundaries, and the earliest a date can be.
DAYS = [
    dt.date(1, 1, 1),
    dt.date(1999, 12, 31),
    dt.date(2000, 2, 29),
    dt.date(2014, 10, 20),
    dt.date(2024, 2, 29),
    dt.date(2026, 3, 14),
]


def test_every_incident_gets_its_victims_person_and_its_occasion(
    migrations: MigrationExecutor, area
) -> None:
    old = models_at(migrations, BEFORE)
    victims = old.get_model("partners", "PartnerVictim").objects
    incidents = old.get_model("partners", "Incident").objects
    agency = area.police_force.pk
    sam = victims.create(area_id=area.pk, agency_id=agency, agency_reference="V1", name="Sam")
    alex = victims.create(area_id=area.pk, agency_id=agency, agency_reference="V2", name="Alex")
    victims.filter(pk__in=[sam.pk, alex.pk]).update(person_key=sam.pk)  # one person

    def incident(reference: str, day: dt.date, victim, linked: bool = False, group: int = 0):
        made = incidents.create(
            area_id=area.pk,
            agency_id=agency,
            agency_reference=reference,
            victim_id=victim.pk if victim else None,
            behaviour_on=day,
            reported_on=day,
            linked=linked,
        )
        incidents.filter(pk=made.pk).update(group_key=group or made.pk)
        return made.pk

    unlinked = {incident(f"D{n}", day, sam if n % 2 else alex): day for n, day in enumerate(DAYS)}
    first = incident("L1", DAYS[-1], alex, linked=True)
    second = incident("L2", DAYS[-2], None, linked=True, group=first)

    new = models_at(migrations, AFTER)
    rows = {
        row[0]: row[1:]
        for row in new.get_model("partners", "Incident").objects.values_list(
            "pk", "person_key", "occasion_key"
        )
    }
    expected = {pk: (sam.pk, occasion_key_of(False, pk, day)) for pk, day in unlinked.items()}
    expected[first] = (sam.pk, first)
    expected[second] = (None, first)
    assert rows == expected
