"""Confirming an incident match joins the two records: they share a group, and the complaints
made from them share an incident key, so the threshold engine counts the occasion once."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied

from casereview.accounts.models import User
from casereview.areas.models import Area
from casereview.cases.models import Complaint
from casereview.partners.matching.services import confirm_link
from casereview.partners.models import Incident, LinkStatus
from tests.factories import add_agency, make_agency
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

SUNDAY = SATURDAY + dt.timedelta(days=1)


@pytest.fixture
def pair(area: Area) -> tuple[Incident, Incident]:
    """The police recorded the noise on the Saturday night, the landlord on the Sunday: the
    same-day rule cannot tell they are one occasion; only a confirmed match can."""
    return (
        one_incident(area, area.police_force, "P-1", **NOISE_POLICE),
        one_incident(area, housing(area), "H-1", behaviour_on=SUNDAY, **NOISE_HOUSING),
    )


def test_confirming_puts_both_incidents_in_one_group(
    pair: tuple[Incident, Incident], coordinator: User
) -> None:
    link = incident_link(*pair)
    assert link is not None

    confirm_link(link, by=coordinator)

    police, landlord = (Incident.objects.get(pk=incident.pk) for incident in pair)
    assert police.group_key == landlord.group_key == min(police.pk, landlord.pk)
    assert police.linked
    assert landlord.linked
    link.refresh_from_db()
    assert link.status == LinkStatus.CONFIRMED
    assert link.decided_by == coordinator


def test_the_threshold_engine_counts_the_confirmed_incident_once(
    area: Area, pair: tuple[Incident, Incident], coordinator: User
) -> None:
    case = case_from(area, coordinator, *pair)
    assert counted_complaints(case) == 2
    link = incident_link(*pair)
    assert link is not None

    confirm_link(link, by=coordinator)

    keys = set(Complaint.objects.filter(case=case).values_list("incident_key", flat=True))
    assert keys == {f"linked-{min(p.pk for p in pair)}"}
    assert counted_complaints(case) == 1


def test_a_key_the_agency_gave_is_kept(
    area: Area, pair: tuple[Incident, Incident], coordinator: User
) -> None:
    case = case_from(area, coordinator, *pair)
    Complaint.objects.filter(case=case, incident=pair[0]).update(incident_key="night of 14th")
    link = incident_link(*pair)
    assert link is not None

    confirm_link(link, by=coordinator)

    assert Complaint.objects.get(case=case, incident=pair[0]).incident_key == "night of 14th"


def test_three_agencies_confirmed_in_a_chain_form_one_group(
    area: Area, pair: tuple[Incident, Incident], coordinator: User
) -> None:
    council = one_incident(area, area.council, "C-1", **NOISE_HOUSING)
    first = incident_link(pair[0], pair[1])
    second = incident_link(pair[1], council)
    assert first is not None
    assert second is not None

    confirm_link(first, by=coordinator)
    confirm_link(second, by=coordinator)

    keys = set(
        Incident.objects.filter(pk__in=[pair[0].pk, pair[1].pk, council.pk]).values_list(
            "group_key", flat=True
        )
    )
    assert keys == {min(pair[0].pk, pair[1].pk, council.pk)}


def test_only_coordinators_and_administrators_of_the_area_decide(
    area: Area,
    pair: tuple[Incident, Incident],
    read_only: User,
    agency_rep: User,
    outsider: User,
    area_admin: User,
) -> None:
    link = incident_link(*pair)
    assert link is not None
    for person in (read_only, agency_rep, outsider):
        with pytest.raises(PermissionDenied):
            confirm_link(link, by=person)
    link.refresh_from_db()
    assert link.status == LinkStatus.PROPOSED

    confirm_link(link, by=area_admin)

    link.refresh_from_db()
    assert link.status == LinkStatus.CONFIRMED


def test_an_agency_outside_the_pair_keeps_its_own_group(
    area: Area, pair: tuple[Incident, Incident], coordinator: User
) -> None:
    other = make_agency("Town Watch")
    add_agency(area, other)
    alone = one_incident(area, other, "T-1", **NOISE_POLICE)
    link = incident_link(*pair)
    assert link is not None

    confirm_link(link, by=coordinator)

    alone.refresh_from_db()
    assert alone.group_key == alone.pk
    assert not alone.linked
