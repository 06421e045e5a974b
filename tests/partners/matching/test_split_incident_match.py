"""Splitting an incident match keeps, or takes, the two records apart; a later decision can
join them again; a split pair is never proposed again."""

from __future__ import annotations

import datetime as dt

import pytest

from casereview.accounts.models import User
from casereview.areas.models import Area
from casereview.cases.models import Complaint
from casereview.partners.matching.services import confirm_link, split_link
from casereview.partners.models import Incident, IncidentLink, LinkStatus
from tests.partners.matching.helpers import (
    NOISE_HOUSING,
    NOISE_POLICE,
    SATURDAY,
    case_from,
    counted_complaints,
    housing,
    incident_link,
    one_incident,
)

pytestmark = pytest.mark.usefixtures("in_march")


@pytest.fixture
def pair(area: Area) -> tuple[Incident, Incident]:
    return (
        one_incident(area, area.police_force, "P-1", **NOISE_POLICE),
        one_incident(
            area,
            housing(area),
            "H-1",
            behaviour_on=SATURDAY + dt.timedelta(days=1),
            **NOISE_HOUSING,
        ),
    )


def _link(pair: tuple[Incident, Incident]) -> IncidentLink:
    link = incident_link(*pair)
    assert link is not None
    return link


def test_splitting_a_confirmed_match_undoes_the_group_and_the_incident_keys(
    area: Area, pair: tuple[Incident, Incident], coordinator: User
) -> None:
    case = case_from(area, coordinator, *pair)
    confirm_link(_link(pair), by=coordinator)

    split_link(_link(pair), by=coordinator, note="Different flats")

    for incident in pair:
        incident.refresh_from_db()
        assert incident.group_key == incident.pk
        assert not incident.linked
    assert set(Complaint.objects.filter(case=case).values_list("incident_key", flat=True)) == {""}
    assert counted_complaints(case) == 2
    assert _link(pair).status == LinkStatus.SPLIT


def test_a_split_match_can_be_confirmed_again(
    area: Area, pair: tuple[Incident, Incident], coordinator: User
) -> None:
    case = case_from(area, coordinator, *pair)
    split_link(_link(pair), by=coordinator)

    confirm_link(_link(pair), by=coordinator, note="The landlord checked: same night")

    assert counted_complaints(case) == 1
    assert _link(pair).status == LinkStatus.CONFIRMED


def test_a_split_pair_is_not_proposed_again_when_a_record_changes(
    area: Area, pair: tuple[Incident, Incident], coordinator: User
) -> None:
    split_link(_link(pair), by=coordinator)
    before = _link(pair)

    one_incident(
        area,
        housing(area),
        "H-1",
        behaviour_on=SATURDAY,
        **{**NOISE_HOUSING, "behaviour_time": dt.time(23, 40)},
    )

    after = _link(pair)
    assert after.status == LinkStatus.SPLIT
    assert after.score == before.score
    assert IncidentLink.objects.count() == 1


def test_a_confirmed_pair_is_left_alone_when_a_record_changes_out_of_range(
    area: Area, pair: tuple[Incident, Incident], coordinator: User
) -> None:
    confirm_link(_link(pair), by=coordinator)

    one_incident(
        area, housing(area), "H-1", behaviour_on=SATURDAY - dt.timedelta(days=5), **NOISE_HOUSING
    )

    assert _link(pair).status == LinkStatus.CONFIRMED


def test_splitting_one_link_of_a_chain_leaves_the_rest_joined(
    area: Area, pair: tuple[Incident, Incident], coordinator: User
) -> None:
    council = one_incident(
        area, area.council, "C-1", behaviour_on=SATURDAY + dt.timedelta(days=1), **NOISE_HOUSING
    )
    landlord_council = incident_link(pair[1], council)
    assert landlord_council is not None
    confirm_link(_link(pair), by=coordinator)
    confirm_link(landlord_council, by=coordinator)

    split_link(_link(pair), by=coordinator)

    police, landlord = (Incident.objects.get(pk=i.pk) for i in pair)
    council.refresh_from_db()
    assert police.group_key == police.pk
    assert not police.linked
    assert landlord.group_key == council.group_key == min(landlord.pk, council.pk)
    assert landlord.linked
    assert council.linked
