"""The case page lists the case's appeals: what each is against, when it came, its window (or
why it was accepted late), who hears it, its status, outcome and reasons, with a link to it."""

from __future__ import annotations

import pytest
from django.test import Client

from casereview.accounts.models import User
from casereview.appeals.models import Outcome
from casereview.appeals.services import appeal_send_outcome
from casereview.areas.models import Area
from tests.appeals.helpers import hear, lodge
from tests.appeals.views.urls import appeal_page
from tests.cases.views.pages import case_page, decided, main_text
from tests.reviews.helpers import later

pytestmark = pytest.mark.usefixtures("in_march")


def test_each_appeal_is_shown_with_its_outcome_and_a_link(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    with later(-35):
        case = decided(area, coordinator, met=False)
    first = lodge(case, coordinator, late_reason="The letter went to an old address.")
    first = appeal_send_outcome(hear(first, coordinator, Outcome.NOT_UPHELD), by=coordinator)
    second = lodge(case, coordinator, late_reason="New evidence from the victim.")

    response = coordinator_client.get(case_page(case))

    text = main_text(response)
    page = response.content.decode()
    assert "Appeals" in text
    assert "The decision that the threshold was not met" in text
    assert "received late, accepted because: The letter went to an old address." in text
    assert "A senior manager" in text
    assert "Outcome sent" in text
    assert "Not upheld, heard 16 March 2026" in text
    assert "The reviewer read the diary and the agencies' records." in text
    assert "Waiting to be heard" in text
    assert appeal_page(first) in page
    assert appeal_page(second) in page


def test_a_case_without_appeals_has_no_appeals_section(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    case = decided(area, coordinator, met=False)

    assert "Appeals" not in main_text(coordinator_client.get(case_page(case)))
