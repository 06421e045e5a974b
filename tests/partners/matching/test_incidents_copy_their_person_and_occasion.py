"""Each incident carries copies of its victim record's person (``person_key``) and of its
occasion (``occasion_key``) for the repeat-victim check. They are written with the incident
and follow every change of what they copy: a changed record, a confirmed or split incident
match, a confirmed or split victim match."""

from __future__ import annotations

import datetime as dt

import pytest

from casereview.accounts.models import User
from casereview.areas.models import Area
from casereview.partners.matching.services import confirm_link, split_link
from casereview.partners.models import Incident, PartnerVictim, occasion_key_of
from tests.partners.matching.helpers import (
    NOISE_HOUSING,
    NOISE_POLICE,
    SAM_AT_HOUSING,
    SAM_AT_POLICE,
    SATURDAY,
    housing,
    incident_link,
    one_incident,
    record,
    send,
    victim_link,
    victim_of,
)

pytestmark = pytest.mark.usefixtures("in_march")
SUNDAY = SATURDAY + dt.timedelta(days=1)


def copies() -> dict[int, tuple[int | None, int]]:
    return {
        row[0]: row[1:] for row in Incident.objects.values_list("pk", "person_key", "occasion_key")
    }


def in_step() -> dict[int, tuple[int | None, int]]:
    """What every incident's copies should be, worked out from what they copy."""
    person_of = dict(PartnerVictim.objects.values_list("pk", "person_key"))
    return {
        incident.pk: (
            person_of[incident.victim_id] if incident.victim_id is not None else None,
            occasion_key_of(incident.linked, incident.group_key, incident.behaviour_on),
        )
        for incident in Incident.objects.all()
    }


def test_a_new_incident_copies_its_victims_person_and_its_own_day(area: Area) -> None:
    named = one_incident(area, area.police_force, "P-1", **NOISE_POLICE, **SAM_AT_POLICE)
    unnamed = one_incident(area, area.police_force, "P-2", behaviour_on=SUNDAY, **NOISE_POLICE)

    assert named.person_key == victim_of(named).pk
    assert named.occasion_key == -SATURDAY.toordinal()
    assert (unnamed.person_key, unnamed.occasion_key) == (None, -SUNDAY.toordinal())


def test_unlinked_incidents_about_one_day_share_an_occasion_and_no_group_key_is_a_day() -> None:
    day = dt.date(2026, 3, 14)
    assert occasion_key_of(False, 5, day) == occasion_key_of(False, 9, day) < 0
    assert occasion_key_of(True, 5, day) == 5
    assert occasion_key_of(False, 1, dt.date(1, 1, 1)) == -1


def test_a_changed_record_brings_its_copies_along(area: Area) -> None:
    first = one_incident(area, area.police_force, "P-1", **NOISE_POLICE, **SAM_AT_POLICE)
    other = {**SAM_AT_POLICE, "victim_name": "Alex Other", "victim_date_of_birth": None}

    (changed,) = send(
        area, area.police_force, record("P-1", behaviour_on=SUNDAY, **NOISE_POLICE, **other)
    )

    assert changed.pk == first.pk
    assert changed.victim_id != first.victim_id
    assert changed.person_key == victim_of(changed).person_key == changed.victim_id
    assert changed.occasion_key == -SUNDAY.toordinal()
    assert copies() == in_step()


def test_an_incident_match_gives_the_group_one_occasion_until_it_is_split(
    area: Area, coordinator: User
) -> None:
    pair = (
        one_incident(area, area.police_force, "P-1", **NOISE_POLICE),
        one_incident(area, housing(area), "H-1", behaviour_on=SUNDAY, **NOISE_HOUSING),
    )
    link = incident_link(*pair)
    assert link is not None

    confirm_link(link, by=coordinator)
    assert {key for _, key in copies().values()} == {min(i.pk for i in pair)}
    assert copies() == in_step()

    # A linked incident's record changing its day stays in its group's occasion.
    send(area, area.police_force, record("P-1", behaviour_on=SUNDAY, **NOISE_POLICE))
    assert {key for _, key in copies().values()} == {min(i.pk for i in pair)}

    split_link(link, by=coordinator, note="Different flats")
    assert sorted(key for _, key in copies().values()) == [-SUNDAY.toordinal()] * 2
    assert copies() == in_step()


def test_a_victim_match_gives_their_incidents_one_person_until_it_is_split(
    area: Area, coordinator: User
) -> None:
    reports = (
        one_incident(area, housing(area), "H-1", **NOISE_HOUSING, **SAM_AT_HOUSING),
        one_incident(area, area.police_force, "P-1", behaviour_on=SUNDAY, **SAM_AT_POLICE),
    )
    link = victim_link(*(victim_of(report) for report in reports))
    assert link is not None
    records = sorted(victim_of(report).pk for report in reports)

    confirm_link(link, by=coordinator)
    assert {person for person, _ in copies().values()} == {records[0]}
    assert copies() == in_step()

    split_link(link, by=coordinator)
    assert sorted(person or 0 for person, _ in copies().values()) == records
    assert copies() == in_step()
