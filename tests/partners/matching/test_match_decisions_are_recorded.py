"""Every confirm and split is recorded, by whom, when and why, and the record only grows."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine

from casereview.accounts.models import User
from casereview.areas.models import Area
from casereview.partners.matching.services import confirm_link, split_link
from casereview.partners.models import IncidentLink, LinkStatus, MatchDecision, MatchKind
from tests.cases.helpers import at
from tests.partners.matching.helpers import (
    NOISE_HOUSING,
    NOISE_POLICE,
    SAM_AT_HOUSING,
    SAM_AT_POLICE,
    housing,
    incident_link,
    one_incident,
    victim_link,
    victim_of,
)

pytestmark = pytest.mark.usefixtures("in_march")


@pytest.fixture
def link(area: Area) -> IncidentLink:
    found = incident_link(
        one_incident(area, area.police_force, "P-1", **NOISE_POLICE),
        one_incident(area, housing(area), "H-1", **NOISE_HOUSING),
    )
    assert found is not None
    return found


def test_each_decision_is_a_row_with_who_when_and_the_note(
    link: IncidentLink, coordinator: User, area_admin: User
) -> None:
    confirm_link(link, by=coordinator, note="  Same flat, same night  ")
    with time_machine.travel(at(2026, 3, 17), tick=False):
        split_link(link, by=area_admin, note="Two different parties")

    decisions = list(MatchDecision.objects.filter(link_id=link.pk).order_by("at"))
    assert [(d.kind, d.decision, d.by, d.note) for d in decisions] == [
        (MatchKind.INCIDENT, LinkStatus.CONFIRMED, coordinator, "Same flat, same night"),
        (MatchKind.INCIDENT, LinkStatus.SPLIT, area_admin, "Two different parties"),
    ]
    assert decisions[0].at == at(2026, 3, 16)
    assert decisions[1].at == at(2026, 3, 17)
    assert decisions[0].area_id == link.area_id


def test_deciding_the_same_way_twice_records_it_once(link: IncidentLink, coordinator: User) -> None:
    confirm_link(link, by=coordinator)
    confirm_link(link, by=coordinator)

    assert MatchDecision.objects.filter(link_id=link.pk).count() == 1


def test_victim_decisions_are_recorded_as_victim_decisions(area: Area, coordinator: User) -> None:
    police = one_incident(area, area.police_force, "P-1", **SAM_AT_POLICE)
    landlord = one_incident(
        area, housing(area), "H-1", behaviour_on=dt.date(2026, 2, 1), **SAM_AT_HOUSING
    )
    link = victim_link(victim_of(police), victim_of(landlord))
    assert link is not None

    split_link(link, by=coordinator)

    decision = MatchDecision.objects.get()
    assert (decision.kind, decision.link_id, decision.decision) == (
        MatchKind.VICTIM,
        link.pk,
        LinkStatus.SPLIT,
    )
