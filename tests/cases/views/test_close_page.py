"""The close page closes a decided case with the reason, and refuses one not yet decided."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from casereview.accounts.models import User
from casereview.areas.models import Area
from casereview.cases.workflow import Status
from tests.cases.helpers import gathering
from tests.cases.views.pages import date_fields, decided, error_summary, main_text, step_url

pytestmark = pytest.mark.usefixtures("in_march")


def test_closing_a_decided_case_records_the_reason(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    case = decided(area, coordinator, met=True)

    response = coordinator_client.post(
        step_url("close", case),
        {"reason": "The victim wants no review", **date_fields("on", dt.date(2026, 3, 16))},
        follow=True,
    )

    assert "The case is closed." in main_text(response)
    case.refresh_from_db()
    assert case.status == Status.CLOSED
    assert case.end_reason == "The victim wants no review"


def test_a_not_met_case_is_not_closed_while_the_victim_can_ask_for_a_review(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    case = decided(area, coordinator, met=False)

    response = coordinator_client.post(
        step_url("close", case),
        {"reason": "No review request yet", **date_fields("on", dt.date(2026, 3, 16))},
    )

    assert "can ask for the decision to be reviewed until" in error_summary(response)
    assert "No review request yet" in response.content.decode()
    case.refresh_from_db()
    assert case.status == Status.THRESHOLD_NOT_MET


def test_an_impossible_date_is_explained_and_the_reason_kept(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    case = decided(area, coordinator, met=False)

    response = coordinator_client.post(
        step_url("close", case),
        {"reason": "Resolved", "on-day": "31", "on-month": "2", "on-year": "2026"},
    )

    assert "must be a real date" in error_summary(response)
    assert "Resolved" in response.content.decode()
    case.refresh_from_db()
    assert case.status == Status.THRESHOLD_NOT_MET


def test_a_case_still_gathering_information_cannot_be_closed(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    case = gathering(area, coordinator)

    response = coordinator_client.post(
        step_url("close", case),
        {"reason": "x", **date_fields("on", dt.date(2026, 3, 16))},
        follow=True,
    )

    assert "A case that is gathering information cannot be closed." in main_text(response)
    case.refresh_from_db()
    assert case.status == Status.GATHERING_INFORMATION
