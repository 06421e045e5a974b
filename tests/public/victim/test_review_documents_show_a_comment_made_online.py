"""A comment the victim made online appears in the panel's action plan as made on the tracking
page (and the review's documents still render once there is one)."""

from __future__ import annotations

import pytest

from casereview.reviews.documents import PANEL, document_html
from tests.public.victim.helpers import ACTION_URLS, tracking
from tests.reviews.helpers import consulting

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_march")]


def test_the_panels_action_plan_shows_the_online_comment(area, coordinator):
    case = consulting(area, coordinator)
    tracking(case).post(ACTION_URLS["victim_comment"], {"text": "Please add street lighting."})

    html = document_html(case, "action-plan", PANEL)

    assert "Please add street lighting." in html
    assert "The online tracking page" in html
