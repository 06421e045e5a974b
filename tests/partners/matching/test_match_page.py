"""The page of one match: both records in full, the decisions so far, and a form with which a
coordinator confirms or splits it; a read-only member sees it without the form."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from casereview.accounts.models import User
from casereview.areas.models import Area
from casereview.audit.models import AccessRecord
from casereview.partners.matching.services import split_link
from casereview.partners.models import LinkStatus, MatchDecision
from tests.partners.matching.pages import incident_url, list_url, proposed_matches, victim_url

pytestmark = pytest.mark.usefixtures("in_march")

StaffClient = Callable[[User], Client]


def test_the_incident_page_shows_both_records_in_full_and_the_form(
    area: Area, coordinator: User, staff_client: StaffClient
) -> None:
    incidents, _victims = proposed_matches(area)

    page = staff_client(coordinator).get(incident_url(area, incidents)).content.decode()

    assert "Is this the same incident?" in page
    assert "Loud music and shouting from flat 3 late at night" in page
    assert "Noise complaint: loud music, shouting, flat 3 Bury Road" in page
    assert "11:40pm" in page
    assert "11:55pm" in page
    assert "No one has decided this match yet." in page
    assert "Confirm: these are the same" in page
    assert 'method="post"' in page


def test_the_victim_page_shows_both_records_of_the_person(
    area: Area, coordinator: User, staff_client: StaffClient
) -> None:
    _incidents, victims = proposed_matches(area)

    page = staff_client(coordinator).get(victim_url(area, victims)).content.decode()

    assert "Is this the same person?" in page
    assert "Flat 2, 12 Bury Road, Hertford" in page
    assert "2/12 Bury Road Hertford" in page
    assert "17 May 1980" in page


def test_confirming_by_post_goes_back_to_the_list_with_a_message(
    area: Area, coordinator: User, staff_client: StaffClient
) -> None:
    incidents, _victims = proposed_matches(area)
    client = staff_client(coordinator)

    response = client.post(
        incident_url(area, incidents), {"decision": "confirm", "note": "Same night"}, follow=True
    )

    assert response.redirect_chain[-1][0] == list_url(area) + "?kind=incidents"
    assert "The records are confirmed as the same." in response.content.decode()
    incidents.refresh_from_db()
    assert incidents.status == LinkStatus.CONFIRMED
    assert MatchDecision.objects.get().note == "Same night"


def test_splitting_a_victim_match_by_post(
    area: Area, area_admin: User, staff_client: StaffClient
) -> None:
    _incidents, victims = proposed_matches(area)

    response = staff_client(area_admin).post(victim_url(area, victims), {"decision": "split"})

    assert response.status_code == 302
    victims.refresh_from_db()
    assert victims.status == LinkStatus.SPLIT


def test_the_page_lists_every_decision_with_who_made_it(
    area: Area, coordinator: User, area_admin: User, staff_client: StaffClient
) -> None:
    incidents, _victims = proposed_matches(area)
    split_link(incidents, by=area_admin, note="Two parties that night")

    page = staff_client(coordinator).get(incident_url(area, incidents)).content.decode()

    assert "Alex Admin" in page
    assert "Two parties that night" in page
    assert "16 March 2026 at 10am" in page
    assert "You can change the decision. Both decisions stay on record." in page


def test_no_choice_is_an_error_that_keeps_the_note(
    area: Area, coordinator: User, staff_client: StaffClient
) -> None:
    incidents, _victims = proposed_matches(area)

    response = staff_client(coordinator).post(
        incident_url(area, incidents), {"note": "Checked with the landlord"}
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert "Choose whether these are the same or different" in page
    assert "Checked with the landlord" in page
    incidents.refresh_from_db()
    assert incidents.status == LinkStatus.PROPOSED


def test_a_read_only_member_sees_the_match_without_the_form_and_cannot_post(
    area: Area, read_only: User, staff_client: StaffClient
) -> None:
    incidents, _victims = proposed_matches(area)
    client = staff_client(read_only)

    page = client.get(incident_url(area, incidents)).content.decode()
    listing = client.get(list_url(area)).content.decode()
    refused = client.post(incident_url(area, incidents), {"decision": "confirm"})

    assert "Is this the same incident?" in page
    assert 'method="post" novalidate' not in page
    assert "You can see these matches but not decide them." in listing
    assert refused.status_code == 403
    incidents.refresh_from_db()
    assert incidents.status == LinkStatus.PROPOSED


def test_looking_at_a_match_is_recorded(
    area: Area, coordinator: User, staff_client: StaffClient
) -> None:
    _incidents, victims = proposed_matches(area)

    staff_client(coordinator).get(victim_url(area, victims))

    assert AccessRecord.objects.get(area=area).what == f"cross-agency victim match {victims.pk}"
