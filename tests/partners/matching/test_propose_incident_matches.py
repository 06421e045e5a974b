"""Proposing matches of incidents: the same occasion recorded by two agencies is proposed to
staff; different occasions, and two records of one agency, are not."""

from __future__ import annotations

import datetime as dt

import pytest

from casereview.areas.models import Area
from casereview.partners.matching.services import INCIDENT_THRESHOLD
from casereview.partners.models import IncidentLink, LinkStatus
from tests.partners.matching.helpers import (
    NOISE_HOUSING,
    NOISE_POLICE,
    SATURDAY,
    VANDALISM,
    housing,
    incident_link,
    one_incident,
    reason_codes,
)

pytestmark = pytest.mark.usefixtures("in_march")


def test_the_same_noise_recorded_by_the_police_and_the_housing_provider_is_proposed(
    area: Area,
) -> None:
    police = one_incident(area, area.police_force, "P-1", **NOISE_POLICE)
    landlord = one_incident(area, housing(area), "H-1", **NOISE_HOUSING)

    link = incident_link(police, landlord)

    assert link is not None
    assert link.status == LinkStatus.PROPOSED
    assert link.area == area
    assert link.score >= INCIDENT_THRESHOLD
    assert reason_codes(link) == [
        "same_day",
        "minutes_apart",
        "descriptions_alike",
        "locations_alike",
        "same_postcode",
    ]
    assert {"code": "minutes_apart", "minutes": 15} in link.reasons


def test_a_record_a_day_apart_is_still_proposed(area: Area) -> None:
    police = one_incident(area, area.police_force, "P-1", **NOISE_POLICE)
    landlord = one_incident(
        area, housing(area), "H-1", behaviour_on=SATURDAY + dt.timedelta(days=1), **NOISE_HOUSING
    )

    link = incident_link(police, landlord)

    assert link is not None
    assert "day_apart" in reason_codes(link)


def test_a_different_incident_the_same_day_is_not_proposed(area: Area) -> None:
    police = one_incident(area, area.police_force, "P-1", **NOISE_POLICE)
    landlord = one_incident(area, housing(area), "H-1", **VANDALISM)

    assert incident_link(police, landlord) is None


def test_records_two_days_apart_are_not_candidates(area: Area) -> None:
    police = one_incident(area, area.police_force, "P-1", **NOISE_POLICE)
    landlord = one_incident(
        area, housing(area), "H-1", behaviour_on=SATURDAY + dt.timedelta(days=2), **NOISE_HOUSING
    )

    assert incident_link(police, landlord) is None


def test_two_records_of_one_agency_are_never_proposed(area: Area) -> None:
    first = one_incident(area, area.police_force, "P-1", **NOISE_POLICE)
    second = one_incident(area, area.police_force, "P-2", **NOISE_HOUSING)

    assert incident_link(first, second) is None


def test_records_of_another_area_are_never_proposed(area: Area, other_area: Area) -> None:
    here = one_incident(area, area.police_force, "P-1", **NOISE_POLICE)
    there = one_incident(other_area, other_area.council, "C-1", **NOISE_HOUSING)

    assert incident_link(here, there) is None


def test_re_sending_the_same_records_proposes_nothing_more(area: Area) -> None:
    one_incident(area, area.police_force, "P-1", **NOISE_POLICE)
    one_incident(area, housing(area), "H-1", **NOISE_HOUSING)
    one_incident(area, housing(area), "H-1", **NOISE_HOUSING)

    assert IncidentLink.objects.count() == 1


def test_a_changed_record_that_no_longer_matches_withdraws_the_proposal(area: Area) -> None:
    police = one_incident(area, area.police_force, "P-1", **NOISE_POLICE)
    one_incident(area, housing(area), "H-1", **NOISE_HOUSING)
    landlord = one_incident(area, housing(area), "H-1", **VANDALISM)

    assert incident_link(police, landlord) is None


def test_a_changed_record_updates_the_score_of_a_proposal(area: Area) -> None:
    police = one_incident(area, area.police_force, "P-1", **NOISE_POLICE)
    landlord = one_incident(area, housing(area), "H-1", **NOISE_HOUSING)
    before = incident_link(police, landlord)
    assert before is not None

    one_incident(area, housing(area), "H-1", **{**NOISE_HOUSING, "behaviour_time": dt.time(23, 40)})

    after = incident_link(police, landlord)
    assert after is not None
    assert after.pk == before.pk
    assert after.score > before.score
    assert {"code": "minutes_apart", "minutes": 0} in after.reasons
