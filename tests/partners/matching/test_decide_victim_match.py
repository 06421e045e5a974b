"""Confirming a victim match makes the two agencies' records one person: their reports are
seen together, and a second report within six months prompts the area to explain the Case
Review. Splitting makes them two people again."""

from __future__ import annotations

import datetime as dt

import pytest

from casereview.accounts.models import User
from casereview.areas.models import Area
from casereview.partners.matching.services import confirm_link, split_link
from casereview.partners.models import Incident, PartnerVictim, SecondReportPrompt, VictimLink
from tests.partners.matching.helpers import (
    SAM_AT_HOUSING,
    SAM_AT_POLICE,
    SATURDAY,
    housing,
    one_incident,
    victim_link,
    victim_of,
)

pytestmark = pytest.mark.usefixtures("in_march")

# The landlord heard from Sam about another occasion a month before the police did.
A_MONTH_EARLIER = SATURDAY - dt.timedelta(days=30)


@pytest.fixture
def reports(area: Area) -> tuple[Incident, Incident]:
    return (
        one_incident(area, housing(area), "H-1", behaviour_on=A_MONTH_EARLIER, **SAM_AT_HOUSING),
        one_incident(area, area.police_force, "P-1", **SAM_AT_POLICE),
    )


def _link(reports: tuple[Incident, Incident]) -> VictimLink:
    link = victim_link(victim_of(reports[0]), victim_of(reports[1]))
    assert link is not None
    return link


def test_confirming_gives_both_records_one_person_key(
    reports: tuple[Incident, Incident], coordinator: User
) -> None:
    confirm_link(_link(reports), by=coordinator)

    keys = {victim_of(incident).person_key for incident in reports}
    assert keys == {min(victim_of(incident).pk for incident in reports)}


def test_a_second_report_across_agencies_is_found_once_the_person_is_confirmed(
    reports: tuple[Incident, Incident], coordinator: User
) -> None:
    assert not SecondReportPrompt.objects.exists()

    confirm_link(_link(reports), by=coordinator)

    prompt = SecondReportPrompt.objects.get()
    assert prompt.earlier_incident_id == reports[0].pk
    assert prompt.second_incident_id == reports[1].pk


def test_splitting_makes_them_two_people_again(
    reports: tuple[Incident, Incident], coordinator: User
) -> None:
    confirm_link(_link(reports), by=coordinator)

    split_link(_link(reports), by=coordinator)

    for incident in reports:
        victim = victim_of(incident)
        assert victim.person_key == victim.pk
    assert PartnerVictim.objects.values("person_key").distinct().count() == 2
