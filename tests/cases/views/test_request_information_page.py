"""The request-information page names the relevant bodies it will ask and asks them."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from casereview.accounts.models import User
from casereview.areas.models import Area
from casereview.cases.services import case_acknowledge
from casereview.cases.workflow import Status
from tests.cases.helpers import receive
from tests.cases.views.pages import date_fields, error_summary, main_text, step_url

pytestmark = pytest.mark.usefixtures("in_march")


def test_the_page_lists_every_relevant_body_to_be_asked(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    case = case_acknowledge(receive(area, coordinator), by=coordinator, on=dt.date(2026, 3, 16))

    text = main_text(coordinator_client.get(step_url("request-information", case)))

    for name in (
        "Hertfordshire Constabulary",
        "Hertfordshire County Council",
        "Hertfordshire and West Essex Integrated Care Board",
        "Demo Housing Association",
        "East Hertfordshire Council",
    ):
        assert name in text


def test_sending_the_requests_asks_every_relevant_body(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    case = case_acknowledge(receive(area, coordinator), by=coordinator, on=dt.date(2026, 3, 16))

    response = coordinator_client.post(
        step_url("request-information", case), date_fields("on", dt.date(2026, 3, 16)), follow=True
    )

    case.refresh_from_db()
    assert case.status == Status.GATHERING_INFORMATION
    assert case.information_requests.count() == 5
    assert "Information is requested from 5 relevant bodies." in main_text(response)


def test_a_date_before_the_acknowledgement_is_refused(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    case = receive(area, coordinator, received_on=dt.date(2026, 3, 9))
    case = case_acknowledge(case, by=coordinator, on=dt.date(2026, 3, 12))

    response = coordinator_client.post(
        step_url("request-information", case), date_fields("on", dt.date(2026, 3, 10))
    )

    assert "cannot be before the acknowledgement" in error_summary(response)
    assert 'value="10"' in response.content.decode()
    assert not case.information_requests.exists()


def test_a_case_not_yet_acknowledged_is_sent_back_with_the_reason(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    case = receive(area, coordinator)

    response = coordinator_client.get(step_url("request-information", case), follow=True)

    assert (
        "A case that is newly received cannot have information requested from relevant bodies."
        in main_text(response)
    )
