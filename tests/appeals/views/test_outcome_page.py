"""The outcome page confirms sending the appeal's outcome to the victim, which concludes it."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from casereview.accounts.models import User
from casereview.appeals.models import AppealStatus, Outcome
from casereview.appeals.services import appeal_send_outcome
from casereview.areas.models import Area
from tests.appeals.helpers import hear, lodge
from tests.appeals.views.urls import appeal_page
from tests.cases.views.pages import case_page, date_fields, error_summary, main_text
from tests.letters.helpers import decided_not_met

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_march")]


def test_the_page_shows_what_will_be_sent(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    appeal = hear(
        lodge(decided_not_met(area, coordinator), coordinator), coordinator, Outcome.UPHELD
    )

    text = main_text(coordinator_client.get(appeal_page(appeal, "outcome")))

    assert "Send the outcome of the appeal" in text
    assert "Upheld" in text
    assert "The reviewer read the diary and the agencies' records." in text


def test_sending_concludes_the_appeal(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    case = decided_not_met(area, coordinator)
    appeal = hear(lodge(case, coordinator), coordinator)

    response = coordinator_client.post(
        appeal_page(appeal, "outcome"), date_fields("on", dt.date(2026, 3, 16))
    )

    assert response.status_code == 302
    assert response["Location"] == case_page(case)
    appeal.refresh_from_db()
    assert appeal.status == AppealStatus.CONCLUDED
    assert appeal.outcome_sent_on == dt.date(2026, 3, 16)


def test_a_date_in_the_future_is_refused(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    appeal = hear(lodge(decided_not_met(area, coordinator), coordinator), coordinator)

    response = coordinator_client.post(
        appeal_page(appeal, "outcome"), date_fields("on", dt.date(2026, 3, 20))
    )

    assert response.status_code == 200
    assert error_summary(response) != ""
    appeal.refresh_from_db()
    assert appeal.status == AppealStatus.HEARD


def test_an_appeal_not_yet_heard_goes_back_to_its_page(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    appeal = lodge(decided_not_met(area, coordinator), coordinator)

    response = coordinator_client.post(
        appeal_page(appeal, "outcome"), date_fields("on", dt.date(2026, 3, 16)), follow=True
    )

    assert response.redirect_chain[-1][0] == appeal_page(appeal)
    assert "Record the appeal's hearing before sending its outcome." in main_text(response)
    appeal.refresh_from_db()
    assert appeal.status == AppealStatus.LODGED


def test_an_appeal_already_concluded_says_when_it_was_sent(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    appeal = appeal_send_outcome(
        hear(lodge(decided_not_met(area, coordinator), coordinator), coordinator), by=coordinator
    )

    response = coordinator_client.get(appeal_page(appeal, "outcome"), follow=True)

    assert "The outcome of this appeal was sent on 16 March 2026." in main_text(response)
