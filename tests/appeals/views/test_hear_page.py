"""The hearing page records the outcome and its reasons, explains what upholding does for the
appeal's ground, and refuses a second hearing."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from casereview.accounts.models import User
from casereview.appeals.models import AppealStatus, Ground, Outcome
from casereview.areas.models import Area
from casereview.cases.workflow import Status
from tests.appeals.helpers import hear, lodge
from tests.appeals.views.urls import appeal_page
from tests.cases.views.pages import case_page, date_fields, error_summary, main_text
from tests.letters.helpers import decided_not_met
from tests.reviews.helpers import consulting

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_march")]


def test_the_page_explains_upholding_a_threshold_appeal(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    appeal = lodge(decided_not_met(area, coordinator), coordinator)

    text = main_text(coordinator_client.get(appeal_page(appeal, "hear")))

    assert "Record the hearing of the appeal" in text
    assert "the threshold must be decided again within 14 working days of the hearing" in text
    assert "Not upheld: the case stays where it is." in text


def test_the_page_explains_upholding_a_review_appeal(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    appeal = lodge(consulting(area, coordinator), coordinator, ground=Ground.REVIEW_CONDUCT)

    text = main_text(coordinator_client.get(appeal_page(appeal, "hear")))

    assert "Upheld: the review is reconvened." in text


def test_an_upheld_hearing_sends_the_case_back(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    case = decided_not_met(area, coordinator)
    appeal = lodge(case, coordinator)

    response = coordinator_client.post(
        appeal_page(appeal, "hear"),
        {
            **date_fields("heard_on", dt.date(2026, 3, 16)),
            "outcome": Outcome.UPHELD,
            "reasons": "Housing records were not asked for.",
            "reviewer_name": "Morgan Senior",
        },
    )

    assert response.status_code == 302
    assert response["Location"] == case_page(case)
    appeal.refresh_from_db()
    case.refresh_from_db()
    assert appeal.status == AppealStatus.HEARD
    assert appeal.reasons == "Housing records were not asked for."
    assert case.status == Status.GATHERING_INFORMATION


def test_missing_answers_are_listed_and_the_input_kept(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    appeal = lodge(decided_not_met(area, coordinator), coordinator)

    response = coordinator_client.post(
        appeal_page(appeal, "hear"),
        {**date_fields("heard_on", dt.date(2026, 3, 16)), "reviewer_name": "Kept Name"},
    )

    summary = error_summary(response)
    assert response.status_code == 200
    assert "Choose whether the appeal is upheld" in summary
    assert "Give the reasons for the outcome" in summary
    assert 'value="Kept Name"' in response.content.decode()
    appeal.refresh_from_db()
    assert appeal.status == AppealStatus.LODGED


def test_a_hearing_before_the_appeal_shows_the_services_error(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    appeal = lodge(decided_not_met(area, coordinator), coordinator)

    response = coordinator_client.post(
        appeal_page(appeal, "hear"),
        {
            **date_fields("heard_on", dt.date(2026, 3, 1)),
            "outcome": Outcome.NOT_UPHELD,
            "reasons": "No.",
        },
    )

    assert response.status_code == 200
    assert "The date cannot be before the appeal (16 March 2026)." in error_summary(response)


def test_an_appeal_already_heard_goes_back_to_its_page(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    appeal = hear(lodge(decided_not_met(area, coordinator), coordinator), coordinator)

    response = coordinator_client.get(appeal_page(appeal, "hear"), follow=True)

    assert response.redirect_chain[-1][0] == appeal_page(appeal)
    assert "This appeal has already been heard." in main_text(response)
