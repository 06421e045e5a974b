"""The acknowledge page records the acknowledgement, explains bad dates, and refuses a case
that is past acknowledging."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from casereview.accounts.models import User
from casereview.areas.models import Area
from casereview.cases.workflow import Status
from tests.cases.helpers import gathering, receive
from tests.cases.views.pages import (
    case_page,
    date_fields,
    error_summary,
    main_text,
    step_url,
    title,
)

pytestmark = pytest.mark.usefixtures("in_march")


def test_acknowledging_records_the_date_and_returns_to_the_case(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    case = receive(area, coordinator)

    response = coordinator_client.post(
        step_url("acknowledge", case), date_fields("on", dt.date(2026, 3, 16))
    )

    assert response.status_code == 302
    assert response["Location"] == case_page(case)
    case.refresh_from_db()
    assert case.status == Status.ACKNOWLEDGED
    assert case.acknowledged_on == dt.date(2026, 3, 16)
    page = coordinator_client.get(response["Location"])
    assert "The application is recorded as acknowledged." in main_text(page)


def test_the_form_starts_with_today(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    case = receive(area, coordinator)

    response = coordinator_client.get(step_url("acknowledge", case))

    assert response.status_code == 200
    assert 'name="on-day" type="text" value="16"' in response.content.decode()


def test_a_future_date_is_explained_and_what_was_typed_is_kept(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    case = receive(area, coordinator)

    response = coordinator_client.post(
        step_url("acknowledge", case), {"on-day": "17", "on-month": "3", "on-year": "2027"}
    )

    assert response.status_code == 200
    assert "must be today or in the past" in error_summary(response)
    assert title(response).startswith("Error:")
    assert 'value="2027"' in response.content.decode()
    case.refresh_from_db()
    assert case.status == Status.RECEIVED


def test_a_date_before_the_application_is_refused_by_the_service(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    case = receive(area, coordinator)

    response = coordinator_client.post(
        step_url("acknowledge", case), date_fields("on", dt.date(2026, 3, 13))
    )

    assert response.status_code == 200
    assert "cannot be before the application" in error_summary(response)


def test_a_case_already_gathering_information_is_sent_back_with_the_reason(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    case = gathering(area, coordinator)

    response = coordinator_client.get(step_url("acknowledge", case), follow=True)

    assert response.redirect_chain[-1][0] == case_page(case)
    assert "A case that is gathering information cannot be acknowledged." in main_text(response)
