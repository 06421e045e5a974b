"""The panel's preview shows the invitation e-mail and the panel's versions of the documents,
restricted data included: the panel is the audience it is written for."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from casereview.accounts.models import User
from casereview.areas.models import Area
from tests.previews.helpers import preview, reviewed_case
from tests.reviews.helpers import ALLEGED, ASSESSMENT_MARKER

pytestmark = pytest.mark.usefixtures("before_christmas")


def test_the_panel_preview_shows_the_invitation_and_the_panels_documents(
    area: Area, coordinator: User, staff_client: Callable[[User], Client]
) -> None:
    case = reviewed_case(area, coordinator)

    page = preview(staff_client(coordinator), case, "panel").content.decode()

    assert "Preview: this is what the review panel will see" in page
    assert "Invitation e-mail to the panel" in page
    assert "Chair&#39;s pack (The review panel&#39;s version)" in page
    assert "OFFICIAL-SENSITIVE: for the review panel only" in page
    assert ALLEGED in page
    assert ASSESSMENT_MARKER in page
    assert "Restricted data is shown" not in page
