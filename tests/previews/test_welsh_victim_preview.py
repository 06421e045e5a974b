"""A Welsh-speaking victim's pages are previewed in Welsh, as they get them, and marked so."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from casereview.accounts.models import User
from casereview.areas.models import Area
from tests.cases.helpers import victim
from tests.previews.helpers import preview, reviewed_case

pytestmark = pytest.mark.usefixtures("before_christmas")


def test_the_tracking_page_of_a_welsh_case_is_previewed_in_welsh(
    area: Area, coordinator: User, staff_client: Callable[[User], Client]
) -> None:
    case = reviewed_case(area, coordinator, victim=victim(language="cy"))

    page = preview(staff_client(coordinator), case, "victim").content.decode()

    assert '<div class="app-letter" lang="cy">' in page
    assert "Eich llythyrau" in page  # "Your letters", the tracking page's own heading
    assert "Preview: this is what the victim and the applicant will see" in page
