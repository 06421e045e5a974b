"""The withdraw page ends a case with the reason, and refuses a case that has already ended."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from casereview.accounts.models import User
from casereview.areas.models import Area
from casereview.cases.workflow import Status
from tests.cases.helpers import close_after_window, gathering
from tests.cases.views.pages import date_fields, decided, error_summary, main_text, step_url

pytestmark = pytest.mark.usefixtures("in_march")


def test_withdrawing_records_the_reason_and_the_date(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    case = gathering(area, coordinator)

    response = coordinator_client.post(
        step_url("withdraw", case),
        {"reason": "The neighbour has moved away", **date_fields("on", dt.date(2026, 3, 16))},
        follow=True,
    )

    assert "The case is withdrawn." in main_text(response)
    case.refresh_from_db()
    assert case.status == Status.WITHDRAWN
    assert case.end_reason == "The neighbour has moved away"
    assert case.ended_on == dt.date(2026, 3, 16)


def test_a_missing_reason_is_asked_for_and_the_date_kept(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    case = gathering(area, coordinator)

    response = coordinator_client.post(
        step_url("withdraw", case), {"reason": " ", **date_fields("on", dt.date(2026, 3, 13))}
    )

    assert "Give the reason" in error_summary(response)
    assert 'value="13"' in response.content.decode()
    case.refresh_from_db()
    assert case.status == Status.GATHERING_INFORMATION


def test_a_closed_case_cannot_be_withdrawn(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    case = close_after_window(decided(area, coordinator, met=False), by=coordinator, reason="Done")

    response = coordinator_client.get(step_url("withdraw", case), follow=True)

    assert "A case that is closed cannot be withdrawn." in main_text(response)
