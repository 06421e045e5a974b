"""Proposing matches of victims: one person known to two agencies is proposed to staff; two
people who only share an address or a birthday are not."""

from __future__ import annotations

import datetime as dt

import pytest

from casereview.areas.models import Area
from casereview.partners.matching.services import VICTIM_THRESHOLD
from casereview.partners.models import LinkStatus, VictimLink
from tests.partners.matching.helpers import (
    NOISE_HOUSING,
    NOISE_POLICE,
    SAM_AT_HOUSING,
    SAM_AT_POLICE,
    SATURDAY,
    housing,
    one_incident,
    reason_codes,
    victim_link,
    victim_of,
)

pytestmark = pytest.mark.usefixtures("in_march")

A_MONTH_EARLIER = SATURDAY - dt.timedelta(days=30)


def test_the_same_victim_at_the_police_and_the_housing_provider_is_proposed(area: Area) -> None:
    # Different occasions: the victims match even where the incidents do not.
    police = one_incident(area, area.police_force, "P-1", **SAM_AT_POLICE)
    landlord = one_incident(
        area, housing(area), "H-1", behaviour_on=A_MONTH_EARLIER, **SAM_AT_HOUSING
    )

    link = victim_link(victim_of(police), victim_of(landlord))

    assert link is not None
    assert link.status == LinkStatus.PROPOSED
    assert link.score >= VICTIM_THRESHOLD
    assert reason_codes(link) == [
        "same_name",
        "same_date_of_birth",
        "addresses_alike",
        "same_postcode",
    ]


def test_a_neighbour_at_the_same_address_with_another_name_is_not_proposed(area: Area) -> None:
    police = one_incident(area, area.police_force, "P-1", **SAM_AT_POLICE)
    landlord = one_incident(
        area,
        housing(area),
        "H-1",
        victim_name="Jo Neighbour",
        victim_address="Flat 2, 12 Bury Road, Hertford",
        victim_postcode="SG14 1AB",
        victim_date_of_birth=dt.date(1975, 1, 2),
    )

    assert victim_link(victim_of(police), victim_of(landlord)) is None


def test_someone_else_born_the_same_day_is_not_proposed(area: Area) -> None:
    police = one_incident(area, area.police_force, "P-1", **SAM_AT_POLICE)
    landlord = one_incident(
        area,
        housing(area),
        "H-1",
        victim_name="Alex Other",
        victim_date_of_birth=dt.date(1980, 5, 17),
        victim_postcode="SG12 9AA",
    )

    assert victim_link(victim_of(police), victim_of(landlord)) is None


def test_victims_of_one_agency_are_never_proposed(area: Area) -> None:
    one_incident(area, area.police_force, "P-1", **SAM_AT_POLICE)
    one_incident(area, area.police_force, "P-2", victim_reference="X-9", **SAM_AT_HOUSING)

    assert VictimLink.objects.count() == 0


def test_incident_and_victim_proposals_come_together_for_one_occasion(area: Area) -> None:
    police = one_incident(area, area.police_force, "P-1", **NOISE_POLICE, **SAM_AT_POLICE)
    landlord = one_incident(area, housing(area), "H-1", **NOISE_HOUSING, **SAM_AT_HOUSING)

    assert victim_link(victim_of(police), victim_of(landlord)) is not None
    assert VictimLink.objects.count() == 1
