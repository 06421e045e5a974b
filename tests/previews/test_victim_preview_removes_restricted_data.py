"""The victim's preview shows their pages and letters as they get them, without the people
alleged responsible, the panel's assessment or the hidden action, and says these were removed."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from casereview.accounts.models import User
from casereview.areas.models import Area
from tests.previews.helpers import preview, reviewed_case
from tests.reviews.helpers import ALLEGED, ASSESSMENT_MARKER, HIDDEN_ACTION

pytestmark = pytest.mark.usefixtures("before_christmas")


def test_victim_preview_shows_no_restricted_values_and_marks_them_removed(
    area: Area, coordinator: User, staff_client: Callable[[User], Client]
) -> None:
    case = reviewed_case(area, coordinator)

    page = preview(staff_client(coordinator), case, "victim").content.decode()

    for restricted in (ALLEGED, "Secret Lane", ASSESSMENT_MARKER, HIDDEN_ACTION):
        assert restricted not in page
    assert "Removed: the people alleged to be responsible — restricted" in page
    assert "Removed: the panel&#39;s proportionality assessment" in page
    assert "Removed: actions of the plan that the victim may not see — restricted" in page
    assert "Preview: this is what the victim and the applicant will see" in page
    assert "Restricted data is shown" not in page


def test_victim_preview_shows_the_tracking_page_and_every_letter_to_the_victim(
    area: Area, coordinator: User, staff_client: Callable[[User], Client]
) -> None:
    case = reviewed_case(area, coordinator)

    page = preview(staff_client(coordinator), case, "victim").content.decode()

    assert "The tracking page" in page
    assert "Your letters" in page  # the tracking page's own heading
    for letter in case.letters.filter(recipient="victim"):
        assert letter.get_kind_display() in page
    assert "Install noise monitoring equipment" in page  # an action the victim may see
