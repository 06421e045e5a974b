"""The case page shows everything staff know about a case, with the people alleged responsible
marked RESTRICTED, and records that it was shown."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from django.test import Client

from casereview.accounts.models import User
from casereview.areas.models import AgencyKind, Area
from casereview.audit.log import views_of
from casereview.cases.models import Case
from casereview.cases.services import (
    Applicant,
    case_acknowledge,
    case_request_information,
)
from casereview.partners.services import IncidentInput, information_response_record
from tests.cases.helpers import (
    agency_of,
    close_after_window,
    receive,
    request_to,
    sent_letter,
    stated,
)
from tests.cases.views.pages import case_page, decided, main_text, someone

pytestmark = pytest.mark.usefixtures("in_march")


@pytest.fixture
def full_case(area: Area, coordinator: User) -> Case:
    """A repeat application by a councillor for a vulnerable victim whose first case was
    decided and closed; information requested, the police have answered, a letter is kept."""
    earlier = close_after_window(
        decided(area, coordinator, met=False, victim=someone(7, "Vera Victim")),
        by=coordinator,
        reason="Closed after the decision",
    )
    housing = agency_of(area, AgencyKind.HOUSING)
    case = receive(
        area,
        coordinator,
        victim=replace(
            someone(7, "Vera Victim"),
            vulnerability_notes="Lives alone, recent bereavement",
            support_needs="Large print letters",
        ),
        applicant=Applicant(
            name="Councillor Jane Brown",
            relationship="councillor",
            consent_given_how="Signed consent form",
            consent_given_on=dt.date(2026, 3, 10),
        ),
        location="Outside 4 Mill Lane",
        alleged_responsible="The occupier of 6 Mill Lane",
        complaints=[stated(housing, dt.date(2026, 3, 2), agency_reference="HA-77")],
        repeat_of=earlier,
        material_change="The behaviour has moved to the early hours",
    )
    case = case_acknowledge(case, by=coordinator, on=dt.date(2026, 3, 16))
    case = case_request_information(case, by=coordinator, on=dt.date(2026, 3, 16))
    information_response_record(
        request_to(case, AgencyKind.POLICE),
        by=coordinator,
        received_on=dt.date(2026, 3, 16),
        incidents=[IncidentInput(dt.date(2026, 3, 5), dt.date(2026, 3, 5), "CAD 555")],
        actions_taken="Officers attended twice",
        exemption_relied_on="Schedule 2 para 2",
    )
    sent_letter(case)
    return case


def test_every_section_is_on_the_page(full_case: Case, coordinator_client: Client) -> None:
    text = main_text(coordinator_client.get(case_page(full_case)))

    for expected in (
        # summary
        full_case.reference,
        "Gathering information",
        "East Hertfordshire",
        "Version 1",
        "Phone",
        "16 March 2026",
        "Not assigned",
        "English",
        # victim, applicant and consent
        "Vera Victim",
        "Lives alone, recent bereavement",
        "Large print letters",
        "Councillor Jane Brown",
        "Signed consent form",
        "10 March 2026",
        # the behaviour
        "Loud music and shouting most nights.",
        "Outside 4 Mill Lane",
        # screening
        "The behaviour has moved to the early hours",
        # complaints with their source
        "Demo Housing Association",
        "HA-77",
        "Stated by the applicant",
        "Confirmed by Hertfordshire Constabulary",
        # requests and responses
        "Record a response",
        "Officers attended twice",
        "Schedule 2 para 2",
        # deadlines and how they were worked out
        "Decide the threshold",
        "How this date was worked out",
        "Skipped Friday 3 April 2026: Good Friday (bank holiday).",
        # letters
        "CT2: acknowledgement to the applicant",
        "E-mailed",
        # the timeline
        "Application received",
        "Information response recorded",
        "Casey Coord",
    ):
        assert expected in text, expected


def test_the_people_alleged_responsible_are_marked_restricted(
    full_case: Case, coordinator_client: Client
) -> None:
    text = main_text(coordinator_client.get(case_page(full_case)))

    restricted = text.index("RESTRICTED")
    assert text.index("The occupier of 6 Mill Lane") > restricted
    assert "Never share this with the victim or the applicant" in text


def test_the_earlier_case_of_the_victim_is_linked(
    full_case: Case, coordinator_client: Client
) -> None:
    assert full_case.repeat_of is not None
    page = coordinator_client.get(case_page(full_case)).content.decode()

    assert f'href="{case_page(full_case.repeat_of)}"' in page
    assert "Earlier cases of this victim" in page


def test_showing_the_page_is_recorded_in_the_audit_log(
    full_case: Case, coordinator: User, coordinator_client: Client
) -> None:
    coordinator_client.get(case_page(full_case))

    records = views_of(full_case)
    assert [(r.user, r.what) for r in records] == [(coordinator, "case page")]
