"""The case page offers each step of the review and of appeals as its status allows: a button
linking to the step's page, in process order."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from casereview.accounts.models import User
from casereview.appeals.models import Ground
from casereview.areas.models import Area
from casereview.cases.models import Case
from tests.appeals.helpers import hear, lodge
from tests.cases.views.pages import case_page, decided
from tests.reviews.helpers import consulting, held, met_case, monitoring, scheduled, voiced

pytestmark = pytest.mark.usefixtures("before_christmas")


def link(name: str, case: Case, **extra: object) -> str:
    return 'href="' + reverse(name, kwargs={"reference": case.reference, **extra}) + '"'


def page(client: Client, case: Case) -> str:
    return client.get(case_page(case)).content.decode()


def test_a_met_case_offers_the_victims_voice_and_arranging_the_meeting(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    case = met_case(area, coordinator)

    shown = page(coordinator_client, case)

    assert link("reviews:voice", case) in shown
    assert "Record how the victim is heard" in shown
    assert link("reviews:schedule", case) in shown
    assert "Arrange the review meeting" in shown
    assert link("appeals:lodge", case) not in shown


def test_an_arranged_meeting_can_be_re_arranged_or_recorded(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    case = scheduled(area, coordinator)

    shown = page(coordinator_client, case)

    assert "Re-arrange the review meeting" in shown
    assert "Change how the victim is heard" in shown
    assert link("reviews:record", case) in shown
    assert shown.index("Re-arrange the review meeting") < shown.index("Record the review meeting")


def test_a_held_meeting_offers_the_outcome_minutes_lead_agency_and_an_appeal(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    case = held(area, coordinator)

    shown = page(coordinator_client, case)

    for name in ("reviews:outcome", "reviews:minutes", "reviews:lead-agency", "appeals:lodge"):
        assert link(name, case) in shown, name
    assert "Correct the record of the meeting" in shown
    assert link("reviews:schedule", case) not in shown


def test_a_case_consulting_the_victim_offers_their_comments_and_the_final_plan(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    case = consulting(area, coordinator)

    shown = page(coordinator_client, case)

    assert link("reviews:comment", case) in shown
    assert link("reviews:finalise", case) in shown
    assert link("reviews:outcome", case) not in shown


def test_a_monitored_case_offers_no_step_of_the_consultation(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    case = monitoring(area, coordinator)

    shown = page(coordinator_client, case)

    assert link("reviews:finalise", case) not in shown
    assert link("reviews:comment", case) not in shown
    assert link("appeals:lodge", case) in shown


def test_a_not_met_case_offers_an_appeal(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    case = decided(area, coordinator, met=False)

    shown = page(coordinator_client, case)

    assert link("appeals:lodge", case) in shown
    assert "Record an appeal" in shown
    assert link("reviews:voice", case) not in shown


def test_an_open_appeal_offers_its_hearing_then_its_outcome_instead_of_a_new_appeal(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    case = held(area, coordinator)
    appeal = lodge(case, coordinator, ground=Ground.REVIEW_CONDUCT)

    lodged = page(coordinator_client, case)
    hear(appeal, coordinator)
    heard = page(coordinator_client, case)

    assert link("appeals:hear", case, appeal_id=appeal.pk) in lodged
    assert link("appeals:lodge", case) not in lodged
    assert link("appeals:outcome", case, appeal_id=appeal.pk) in heard
    assert link("appeals:hear", case, appeal_id=appeal.pk) not in heard


def test_a_read_only_member_is_offered_no_review_step(
    area: Area, coordinator: User, read_only_client: Client
) -> None:
    case = voiced(area, coordinator)

    shown = page(read_only_client, case)

    assert link("reviews:schedule", case) not in shown
    assert "You can read this case but not act on it." in shown
