"""An appeal's page shows the appeal, its window, its status, its deadlines and its outcome,
with the next step for people who can act, and records that it was shown."""

from __future__ import annotations

import pytest
from django.test import Client

from casereview.accounts.models import User
from casereview.appeals.models import Outcome
from casereview.appeals.services import appeal_send_outcome
from casereview.areas.models import Area
from casereview.audit.log import views_of
from tests.appeals.helpers import hear, lodge
from tests.appeals.views.urls import appeal_page
from tests.cases.views.pages import main_text
from tests.letters.helpers import decided_not_met
from tests.reviews.helpers import later

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_march")]


def test_a_lodged_appeal_shows_its_window_and_hearing_deadline(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    case = decided_not_met(area, coordinator)
    appeal = lodge(case, coordinator, reviewer_name="Morgan Senior")

    response = coordinator_client.get(appeal_page(appeal))

    text = main_text(response)
    assert response.status_code == 200
    assert "Appeal received 16 March 2026" in text
    assert "The decision that the threshold was not met" in text
    assert "Waiting to be heard" in text
    assert "Ends 13 April 2026: received in time" in text
    assert "The agencies did not look at my diary." in text
    assert "Morgan Senior" in text
    assert "Hear the appeal 8 April 2026" in text
    assert "Not heard yet." in text
    assert appeal_page(appeal, "hear") in response.content.decode()
    assert views_of(case)[-1].what == f"appeal {appeal.pk}"


def test_a_late_appeal_shows_why_it_was_accepted(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    with later(-35):
        case = decided_not_met(area, coordinator)
    appeal = lodge(case, coordinator, late_reason="The letter went to an old address.")

    text = main_text(coordinator_client.get(appeal_page(appeal)))

    assert (
        "Ended 9 March 2026: received late, accepted because: The letter went to an old address."
        in text
    )


def test_a_heard_appeal_shows_its_outcome_and_offers_the_letter(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    case = decided_not_met(area, coordinator)
    appeal = hear(lodge(case, coordinator), coordinator, Outcome.UPHELD)

    response = coordinator_client.get(appeal_page(appeal))

    text = main_text(response)
    assert "Heard; outcome not yet sent" in text
    assert "Upheld" in text
    assert "The reviewer read the diary and the agencies' records." in text
    assert "The case goes back to gathering information" in text
    assert "Tell the victim the outcome of the appeal 23 March 2026" in text
    assert appeal_page(appeal, "outcome") in response.content.decode()
    assert appeal_page(appeal, "hear") not in response.content.decode()


def test_a_concluded_appeal_offers_no_step(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    case = decided_not_met(area, coordinator)
    appeal = appeal_send_outcome(hear(lodge(case, coordinator), coordinator), by=coordinator)

    response = coordinator_client.get(appeal_page(appeal))

    text = main_text(response)
    assert "Outcome sent" in text
    assert "Outcome sent to the victim 16 March 2026" in text
    assert appeal_page(appeal, "outcome") not in response.content.decode()


def test_a_read_only_member_reads_it_without_buttons(
    area: Area, coordinator: User, read_only_client: Client
) -> None:
    case = decided_not_met(area, coordinator)
    appeal = lodge(case, coordinator)

    response = read_only_client.get(appeal_page(appeal))

    assert response.status_code == 200
    assert "You can read this appeal but not act on it." in main_text(response)
    assert appeal_page(appeal, "hear") not in response.content.decode()


def test_an_appeal_of_another_case_is_not_found(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    from tests.cases.views.pages import someone

    case = decided_not_met(area, coordinator)
    other = decided_not_met(area, coordinator, victim=someone(3))
    appeal = lodge(other, coordinator)

    url = appeal_page(appeal).replace(other.reference, case.reference)

    assert coordinator_client.get(url).status_code == 404
