"""A policy with nothing stricter than the law needs no confirmation to save."""

from __future__ import annotations

import datetime as dt

import pytest

from casereview.areas.selectors import current_policy_record
from casereview.rules.policy import STATUTORY_DEFAULTS
from tests.publishing.procedure.helpers import check, check_then_save, policy_post, text_of

pytestmark = pytest.mark.django_db


def test_the_check_of_a_clean_policy_says_so_and_asks_no_confirmation(
    staff_client, area_admin, area
):
    client = staff_client(area_admin)
    text = text_of(check(client, area, policy_post(STATUTORY_DEFAULTS)))
    assert "Nothing in this policy is stricter than the law." in text
    assert "I understand this policy is stricter" not in text


def test_a_clean_policy_is_saved_as_the_next_version(
    staff_client, area_admin, area, before_christmas
):
    client = staff_client(area_admin)
    response = check_then_save(client, area, policy_post(STATUTORY_DEFAULTS), confirm=False)
    assert response.status_code == 302
    saved = current_policy_record(area)
    assert saved is not None
    assert (saved.version, saved.effective_from) == (2, dt.date(2026, 12, 21))
    assert saved.rules["report_within"] == {"months": 1}
    assert saved.rules["diary_sheets_count"] is True
    # The nation comes from the area, not from what was posted.
    assert saved.rules["nation"] == "england"
