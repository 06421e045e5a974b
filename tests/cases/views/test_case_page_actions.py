"""The case page offers the steps the case's status allows, and only to people who can act."""

from __future__ import annotations

import pytest
from django.test import Client

from casereview.accounts.models import User
from casereview.areas.models import Area
from tests.cases.helpers import gathering, receive
from tests.cases.views.pages import case_page, decided, main_text, step_url

pytestmark = pytest.mark.usefixtures("in_march")


def test_a_new_case_offers_acknowledgement_and_withdrawal(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    case = receive(area, coordinator)

    page = coordinator_client.get(case_page(case)).content.decode()

    assert f'href="{step_url("acknowledge", case)}"' in page
    assert f'href="{step_url("withdraw", case)}"' in page
    assert f'href="{step_url("close", case)}"' not in page
    assert f'href="{step_url("request-information", case)}"' not in page


def test_a_case_gathering_information_offers_the_decision(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    case = gathering(area, coordinator)

    page = coordinator_client.get(case_page(case)).content.decode()

    assert f'href="{step_url("decide", case)}"' in page
    assert f'href="{step_url("acknowledge", case)}"' not in page


def test_a_met_case_offers_the_call_to_the_victim_and_closing(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    case = decided(area, coordinator, met=True)

    page = coordinator_client.get(case_page(case)).content.decode()

    assert f'href="{step_url("victim-contact", case)}"' in page
    assert f'href="{step_url("close", case)}"' in page


def test_a_read_only_member_sees_the_case_but_no_buttons(
    area: Area, coordinator: User, read_only_client: Client
) -> None:
    case = receive(area, coordinator)

    response = read_only_client.get(case_page(case))

    assert response.status_code == 200
    assert "You can read this case but not act on it." in main_text(response)
    assert step_url("acknowledge", case) not in response.content.decode()


def test_a_coordinator_of_another_area_is_told_it_does_not_exist(
    area: Area, coordinator: User, outsider_client: Client
) -> None:
    case = receive(area, coordinator)

    assert outsider_client.get(case_page(case)).status_code == 404
