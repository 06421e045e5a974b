""" "Open a case" on the repeat-victim list opens a partner-initiated case whose complaints are
the person's qualifying incidents, confirmed by the agencies; the screening of a new application
still applies, and its refusals are shown on the page."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from casereview.accounts.models import User
from casereview.areas.models import AgencyKind, Area
from casereview.cases.models import Case, Channel, ComplaintSource, Relationship
from casereview.partners.models import PartnerVictim
from tests.cases.helpers import agency_of, receive, victim
from tests.partners.duties.helpers import incident, same_occasion, same_person, victim_record

pytestmark = pytest.mark.usefixtures("in_march")

StaffClient = Callable[[User], Client]


@pytest.fixture
def sam(area: Area) -> PartnerVictim:
    """Known to the police and the housing association; three occasions, one told to both."""
    housing = agency_of(area, AgencyKind.HOUSING)
    at_police = victim_record(area, area.police_force, "Sam Victim")
    at_housing = victim_record(area, housing, "Sam Victim", address="Flat 2, 1 High Street")
    same_person(at_police, at_housing)
    incident(area, area.police_force, at_police, dt.date(2026, 1, 5), agency_reference="P-1")
    incident(area, area.police_force, at_police, dt.date(2026, 2, 9), agency_reference="P-2")
    told_police = incident(
        area, area.police_force, at_police, dt.date(2026, 3, 2), agency_reference="P-3"
    )
    told_housing = incident(
        area, housing, at_housing, dt.date(2026, 3, 2), dt.date(2026, 3, 4), agency_reference="H-1"
    )
    same_occasion(told_police, told_housing)
    return at_police


def _url(area: Area) -> str:
    return reverse("partners:repeat-victims", kwargs={"slug": area.slug})


def test_opening_a_case_makes_a_partner_initiated_case_with_confirmed_complaints(
    area: Area, sam: PartnerVictim, coordinator: User, staff_client: StaffClient
) -> None:
    response = staff_client(coordinator).post(_url(area), {"person": str(sam.person_key)})

    case = Case.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("cases:case", kwargs={"reference": case.reference})
    assert case.channel == Channel.PARTNER_AGENCY
    assert case.received_on == dt.date(2026, 3, 16)
    assert (case.victim_name, case.victim_postcode) == ("Sam Victim", "SG14 1AB")
    assert case.applicant_relationship == Relationship.PARTNER_AGENCY
    assert case.applicant_name == "Hertfordshire Constabulary"
    assert "P-1" in case.asb_description
    assert "H-1" in case.asb_description
    complaints = list(case.complaints.order_by("agency_reference"))
    assert [c.agency_reference for c in complaints] == ["H-1", "P-1", "P-2", "P-3"]
    assert {c.source for c in complaints} == {ComplaintSource.CONFIRMED_BY_AGENCY}
    assert all(c.incident is not None for c in complaints)
    linked = {c.agency_reference: c.incident_key for c in complaints}
    assert linked["H-1"] == linked["P-3"] != ""
    assert linked["P-1"] == ""


def test_a_person_opened_a_case_for_leaves_the_list(
    area: Area, sam: PartnerVictim, coordinator: User, staff_client: StaffClient
) -> None:
    client = staff_client(coordinator)
    client.post(_url(area), {"person": str(sam.person_key)}, follow=True)  # shows the message

    page = client.get(_url(area)).content.decode()
    assert "0 people" in page
    assert "Sam Victim" not in page


def test_an_open_application_refuses_the_case_and_the_page_says_why(
    area: Area, sam: PartnerVictim, coordinator: User, staff_client: StaffClient
) -> None:
    earlier = receive(area, coordinator, victim=victim("Sam Victim", postcode="SG14 1AB"))

    response = staff_client(coordinator).post(_url(area), {"person": str(sam.person_key)})

    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page
    assert f"earlier case {earlier.reference} is still open" in page
    assert Case.objects.count() == 1


def test_a_person_without_qualifying_incidents_is_refused_by_name(
    area: Area, coordinator: User, staff_client: StaffClient
) -> None:
    response = staff_client(coordinator).post(_url(area), {"person": "987654"})

    assert "has no qualifying incidents in East Hertfordshire" in response.content.decode()
    assert not Case.objects.exists()


def test_a_missing_or_malformed_person_is_refused(
    area: Area, coordinator: User, staff_client: StaffClient
) -> None:
    for posted in ({}, {"person": "not-a-number"}, {"person": "-3"}):
        response = staff_client(coordinator).post(_url(area), posted)
        assert response.status_code == 200
        assert "Choose a person on the list." in response.content.decode()
    assert not Case.objects.exists()


def test_a_read_only_member_cannot_open_a_case(
    area: Area, sam: PartnerVictim, read_only: User, staff_client: StaffClient
) -> None:
    response = staff_client(read_only).post(_url(area), {"person": str(sam.person_key)})

    assert response.status_code == 403
    assert not Case.objects.exists()
