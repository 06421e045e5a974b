"""A partner agency's preview shows the portal and the letters as that agency gets them, and
marks what the agency is not given."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from casereview.accounts.models import User
from casereview.areas.models import Area
from casereview.cases.services import case_acknowledge
from tests.cases.helpers import receive
from tests.previews.helpers import VICTIM_EMAIL, VICTIM_PHONE, VULNERABILITY, preview, reviewed_case
from tests.reviews.helpers import ASSESSMENT_MARKER, HIDDEN_ACTION

pytestmark = pytest.mark.usefixtures("before_christmas")


def test_an_agency_not_yet_asked_sees_no_victim_contact_details_and_they_are_marked_removed(
    area: Area, coordinator: User, staff_client: Callable[[User], Client]
) -> None:
    case = receive(area, coordinator)
    case = case_acknowledge(case, by=coordinator, on=case.received_on)

    response = preview(staff_client(coordinator), case, "partner", agency="hertfordshire")

    page = response.content.decode()
    assert response.status_code == 200
    assert VICTIM_EMAIL not in page
    assert VICTIM_PHONE not in page
    assert "Removed: the victim&#39;s e-mail address — partner agencies do not see it" in page
    assert "Removed: the victim&#39;s phone number — partner agencies do not see it" in page
    assert "Preview: this is what Hertfordshire Constabulary will see" in page


def test_the_police_preview_leaves_out_the_vulnerability_and_the_panels_assessment(
    area: Area, coordinator: User, staff_client: Callable[[User], Client]
) -> None:
    case = reviewed_case(area, coordinator)

    page = preview(staff_client(coordinator), case, "partner", agency="hertfordshire")
    text = page.content.decode()

    assert VULNERABILITY not in text
    assert ASSESSMENT_MARKER not in text
    assert "Removed: the victim&#39;s vulnerability — partner agencies do not see it" in text
    assert "Information request page" in text
    assert "Information request to a relevant body" in text


def test_the_preview_shows_what_the_information_request_letter_really_gives_the_agency(
    area: Area, coordinator: User, staff_client: Callable[[User], Client]
) -> None:
    # The request asks the agency to search its records with the victim's contact details:
    # the preview shows them there, and does not claim they were removed.
    case = reviewed_case(area, coordinator)

    text = preview(staff_client(coordinator), case, "partner", agency="hertfordshire")
    page = text.content.decode()

    assert VICTIM_EMAIL in page
    assert "Removed: the victim&#39;s e-mail address" not in page


def test_the_hidden_action_is_marked_removed_for_an_agency_that_does_not_own_it(
    area: Area, coordinator: User, staff_client: Callable[[User], Client]
) -> None:
    case = reviewed_case(area, coordinator)

    page = preview(staff_client(coordinator), case, "partner", agency=area.council.code)
    text = page.content.decode()

    assert HIDDEN_ACTION not in text
    assert "Removed: actions of the plan that the victim may not see" in text


def test_an_unknown_agency_is_a_clear_error_on_the_page_not_a_failure(
    area: Area, coordinator: User, staff_client: Callable[[User], Client]
) -> None:
    case = receive(area, coordinator)

    response = preview(staff_client(coordinator), case, "partner", agency="no-such-agency")

    assert response.status_code == 200
    assert "Choose one of the partner agencies listed" in response.content.decode()
