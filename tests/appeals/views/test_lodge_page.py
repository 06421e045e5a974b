"""The page recording an appeal offers the grounds the case allows, shows the window, asks for
a reason only when an appeal could be late, and shows the service's refusals on the form."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone

from casereview.accounts.models import User
from casereview.appeals.models import AppealStatus, Ground, ReviewerKind
from casereview.areas.models import Area
from casereview.audit.log import views_of
from tests.appeals.helpers import lodge
from tests.appeals.views.urls import appeal_page, lodge_url
from tests.cases.helpers import gathering
from tests.cases.views.pages import case_page, date_fields, error_summary, main_text
from tests.letters.helpers import decided_not_met
from tests.reviews.helpers import held, later

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_march")]


def form(**extra: str) -> dict[str, str]:
    values = {
        "ground": Ground.THRESHOLD_DECISION,
        "what_the_victim_says": "Nobody asked the housing association.",
        "reviewer_kind": ReviewerKind.SENIOR_MANAGER,
        "reviewer_name": "Morgan Senior",
        "reviewer_organisation": "East Herts Council",
    }
    values.update(extra)
    return values


def test_a_not_met_case_offers_only_the_threshold_ground_and_shows_the_window(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    case = decided_not_met(area, coordinator)

    response = coordinator_client.get(lodge_url(case))

    page = response.content.decode()
    text = main_text(response)
    assert response.status_code == 200
    assert 'value="threshold_decision"' in page
    assert 'value="review_conduct"' not in page
    assert "An appeal received on or before 13 April 2026 is in time." in text
    # Nothing received today can be late yet, so no reason is asked for.
    assert 'name="late_reason"' not in page
    # The reviewer defaults to the policy's: a senior manager.
    assert 'value="senior_manager" checked' in page
    assert views_of(case)[-1].what == "record an appeal page"


def test_a_held_review_offers_only_the_review_ground(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    case = held(area, coordinator)

    page = coordinator_client.get(lodge_url(case)).content.decode()

    assert 'value="review_conduct"' in page
    assert 'value="threshold_decision"' not in page


def test_an_appeal_in_time_is_recorded(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    # Decided three days ago (the signed-in session cannot travel in time: build the past).
    with later(-3):
        case = decided_not_met(area, coordinator)
    day = timezone.localdate()

    response = coordinator_client.post(lodge_url(case), form(**date_fields("received_on", day)))

    assert response.status_code == 302
    assert response["Location"] == case_page(case)
    appeal = case.appeals.get()
    assert appeal.received_on == day
    assert appeal.reviewer_name == "Morgan Senior"
    assert appeal.status == AppealStatus.LODGED


def test_a_late_appeal_without_a_reason_shows_the_services_error_and_keeps_the_input(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    with later(-35):
        case = decided_not_met(area, coordinator)
    day = timezone.localdate()

    page = coordinator_client.get(lodge_url(case)).content.decode()
    response = coordinator_client.post(lodge_url(case), form(**date_fields("received_on", day)))

    assert 'name="late_reason"' in page
    assert response.status_code == 200
    assert "after the window closed on 9 March 2026" in error_summary(response)
    assert "Give the reason for accepting it late." in error_summary(response)
    assert "Nobody asked the housing association." in response.content.decode()
    assert not case.appeals.exists()


def test_a_late_appeal_with_a_reason_is_accepted(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    with later(-35):
        case = decided_not_met(area, coordinator)
    day = timezone.localdate()

    response = coordinator_client.post(
        lodge_url(case),
        form(**date_fields("received_on", day), late_reason="In hospital until this week."),
    )

    assert response.status_code == 302
    appeal = case.appeals.get()
    assert appeal.is_late is True
    assert appeal.late_reason == "In hospital until this week."


def test_missing_answers_are_listed(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    case = decided_not_met(area, coordinator)

    response = coordinator_client.post(lodge_url(case), {"reviewer_kind": "the_mayor"})

    summary = error_summary(response)
    assert response.status_code == 200
    assert "Choose what the appeal is against" in summary
    assert "Enter what the victim says in their appeal" in summary
    assert "Choose one of the reviewers listed" in summary
    assert not case.appeals.exists()


def test_a_ground_the_case_does_not_allow_is_refused(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    case = decided_not_met(area, coordinator)

    response = coordinator_client.post(
        lodge_url(case),
        form(ground=Ground.REVIEW_CONDUCT, **date_fields("received_on", dt.date(2026, 3, 16))),
    )

    assert response.status_code == 200
    assert "Choose one of the grounds listed" in error_summary(response)


def test_a_case_with_an_open_appeal_goes_to_that_appeal(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    case = decided_not_met(area, coordinator)
    appeal = lodge(case, coordinator)

    response = coordinator_client.get(lodge_url(case), follow=True)

    assert response.redirect_chain[-1][0] == appeal_page(appeal)
    assert "This case already has an appeal waiting for its outcome." in main_text(response)


def test_a_case_that_cannot_be_appealed_goes_back_with_the_reason(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    undecided = gathering(area, coordinator)

    response = coordinator_client.get(lodge_url(undecided), follow=True)

    assert response.redirect_chain[-1][0] == case_page(undecided)
    assert "A case that is gathering information cannot be appealed." in main_text(response)
