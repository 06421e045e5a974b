"""The case page shows the review in process order: the victim's voice, the meeting and its
panel, the outcome, the recommendations, the action plan (every action, with whether the victim
may see it), the victim's comments and the documents; never the proportionality assessment."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from casereview.accounts.models import User
from casereview.areas.models import AgencyKind, Area
from casereview.reviews.models import VoiceChoice
from casereview.reviews.services import Chair, review_schedule_meeting
from tests.cases.helpers import agency_of
from tests.cases.views.pages import case_page, main_text
from tests.reviews.helpers import (
    ASSESSMENT_MARKER,
    HIDDEN_ACTION,
    meeting_plan,
    monitoring,
    voiced,
)

pytestmark = pytest.mark.usefixtures("before_christmas")


def test_a_monitored_case_shows_every_section_of_its_review_in_order(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    case = monitoring(area, coordinator)

    response = coordinator_client.get(case_page(case))

    text = main_text(response)
    headings = [
        "Victim's voice",
        "Review meeting",
        "Outcome",
        "Recommendations",
        "Action plan",
        "Victim's comments",
        "Documents",
    ]
    positions = [text.index(heading) for heading in headings]
    assert positions == sorted(positions)
    assert "Attend the first part of the meeting in person" in text
    assert "Victim Support, referral accepted" in text
    assert "21 December 2026 at 2pm" in text
    assert "Wallfields, Pegs Lane, Hertford" in text
    assert "Pat Chair, Broxbourne Borough Council" in text
    assert "Hertfordshire Fire and Rescue Service Fire Officer" in text
    assert "The panel agreed a plan to stop the noise." in text
    assert "Review how noise reports are triaged." in text
    assert "Install noise monitoring equipment" in text
    assert "Happy with the plan." in text


def test_the_plan_lists_hidden_actions_for_staff_with_a_link_to_update_each(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    case = monitoring(area, coordinator)
    hidden = case.meetings.get().actions.get(victim_may_see=False)

    response = coordinator_client.get(case_page(case))

    page = response.content.decode()
    assert HIDDEN_ACTION in main_text(response)
    assert (
        reverse("reviews:action", kwargs={"reference": case.reference, "action_id": hidden.pk})
        in page
    )
    assert reverse("reviews:documents", kwargs={"reference": case.reference}) in page
    assert "Final since" in main_text(response)


def test_the_proportionality_assessment_is_not_shown(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    case = monitoring(area, coordinator)

    assert ASSESSMENT_MARKER not in coordinator_client.get(case_page(case)).content.decode()


def test_a_typed_impact_statement_is_shown_with_a_link_to_change_the_choice(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    case = voiced(area, coordinator, choice=VoiceChoice.IMPACT_STATEMENT)

    response = coordinator_client.get(case_page(case))

    assert "The noise every night has made me ill." in main_text(response)
    assert reverse("reviews:voice", kwargs={"reference": case.reference}) in (
        response.content.decode()
    )
    assert "Review meeting" not in main_text(response)


def test_a_chair_from_an_agency_that_handled_the_case_is_warned_about(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    case = voiced(area, coordinator)
    police = agency_of(area, AgencyKind.POLICE)
    chair = Chair(name="Pat Police", organisation=police.name, agency=police)
    review_schedule_meeting(case, by=coordinator, plan=meeting_plan(area, chair=chair))

    text = main_text(coordinator_client.get(case_page(case)))

    assert f"The chair is from {police.name}, which handled this case." in text
    assert "Not held yet" in text


def test_the_lead_agency_is_the_council_until_it_changes(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    case = voiced(area, coordinator)

    text = main_text(coordinator_client.get(case_page(case)))

    assert f"Lead agency {area.council.name}" in text


def test_a_read_only_member_sees_the_review_without_links_to_change_it(
    area: Area, coordinator: User, read_only_client: Client
) -> None:
    case = monitoring(area, coordinator)

    response = read_only_client.get(case_page(case))

    assert "Install noise monitoring equipment" in main_text(response)
    assert "/review/actions/" not in response.content.decode()
