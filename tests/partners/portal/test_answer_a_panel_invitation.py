"""An agency's representative accepts or declines its panel invitation (a reason is needed to
decline), can change the answer until the meeting starts, and is refused after that."""

from __future__ import annotations

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError

from casereview.accounts.models import Role
from casereview.areas.models import AgencyKind
from casereview.partners.portal.services import panel_respond
from casereview.reviews.models import InvitationResponse, PanelMember
from tests.cases.helpers import agency_of, at
from tests.factories import make_user
from tests.partners.portal.helpers import police_on_panel, police_seat

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_march")]


def panel_url(member_id: int) -> str:
    return f"/staff/partners/agency/panels/{member_id}/"


def test_accepting_records_who_answered_and_when(area, coordinator, agency_rep, staff_client):
    seat = police_seat(police_on_panel(area, coordinator))
    client = staff_client(agency_rep)

    assert client.get(panel_url(seat.pk)).status_code == 200
    page = client.post(panel_url(seat.pk), {"response": "accept", "note": ""})

    assert page.status_code == 302
    seat.refresh_from_db()
    assert seat.response == InvitationResponse.ACCEPTED
    assert seat.responded_by == agency_rep
    assert seat.responded_at == at(2026, 3, 16)


def test_declining_needs_a_reason(area, coordinator, agency_rep, staff_client):
    seat = police_seat(police_on_panel(area, coordinator))

    page = staff_client(agency_rep).post(panel_url(seat.pk), {"response": "decline"})

    assert "Say why your agency cannot attend" in page.content.decode()
    seat.refresh_from_db()
    assert seat.response == ""


def test_the_answer_can_change_until_the_meeting_starts(area, coordinator, agency_rep):
    seat = police_seat(police_on_panel(area, coordinator))  # meeting today at 2pm
    panel_respond(seat, by=agency_rep, accepted=True)

    with time_machine.travel(at(2026, 3, 16, 13), tick=False):
        panel_respond(seat, by=agency_rep, accepted=False, note="Officer on leave.")
    seat.refresh_from_db()
    assert seat.response == InvitationResponse.DECLINED
    assert seat.response_note == "Officer on leave."

    with (
        time_machine.travel(at(2026, 3, 16, 14), tick=False),
        pytest.raises(ValidationError) as refused,
    ):
        panel_respond(seat, by=agency_rep, accepted=True)
    assert "can no longer be answered" in str(refused.value)
    seat.refresh_from_db()
    assert seat.response == InvitationResponse.DECLINED


def test_after_the_start_the_page_says_so_instead_of_a_form(
    area, coordinator, agency_rep, staff_client
):
    seat = police_seat(police_on_panel(area, coordinator))

    with time_machine.travel(at(2026, 3, 16, 15), tick=False):
        client = staff_client(agency_rep)
        html = client.get(panel_url(seat.pk)).content.decode()
        refused = client.post(panel_url(seat.pk), {"response": "accept"}, follow=True)

    assert "can no longer be answered" in html
    assert 'name="response"' not in html
    assert "can no longer be answered" in refused.content.decode()
    seat.refresh_from_db()
    assert seat.response == ""


def test_only_the_seats_agency_may_answer(area, coordinator, staff_client):
    case = police_on_panel(area, coordinator)
    seat = police_seat(case)
    housing_rep = make_user(
        "rep@housing.test",
        Role.AGENCY_REPRESENTATIVE,
        area,
        agency=agency_of(area, AgencyKind.HOUSING),
    )

    with pytest.raises(PermissionDenied):
        panel_respond(seat, by=housing_rep, accepted=True)
    assert staff_client(housing_rep).get(panel_url(seat.pk)).status_code == 404
    assert PanelMember.objects.get(pk=seat.pk).response == ""


def test_a_seat_of_another_organisation_cannot_be_answered(area, coordinator, agency_rep):
    case = police_on_panel(area, coordinator)
    fire = PanelMember.objects.get(meeting__case=case, agency__isnull=True)

    with pytest.raises(PermissionDenied):
        panel_respond(fire, by=agency_rep, accepted=True)


def test_the_day_after_the_meeting_the_answer_is_refused(area, coordinator, agency_rep):
    seat = police_seat(police_on_panel(area, coordinator))

    with (
        time_machine.travel(at(2026, 3, 17), tick=False),
        pytest.raises(ValidationError) as refused,
    ):
        panel_respond(seat, by=agency_rep, accepted=True)
    assert "response" in refused.value.message_dict
