"""Pressing "Check the policy" shows the check of the proposed policy, each finding in words
with what the law says, and what changes from the current version; nothing is saved yet."""

from __future__ import annotations

import pytest

from casereview.areas.models import AreaPolicy
from casereview.rules.policy import REFERENCE_PROCEDURE
from tests.publishing.procedure.helpers import check, policy_post, text_of

pytestmark = pytest.mark.django_db


def test_a_threshold_of_4_a_30_day_window_and_a_caveat_are_each_found(
    staff_client, area_admin, area
):
    client = staff_client(area_admin)
    data = policy_post(
        REFERENCE_PROCEDURE,
        threshold="4",
        caveats="closed: The case must be closed",
    )
    response = check(client, area, data)
    assert response.status_code == 200
    text = text_of(response)
    assert "This policy is stricter than the law in 4 ways." in text
    assert "The policy asks for 4 qualifying complaints, but the law allows no more than 3" in text
    assert (
        "within 30 days of the behaviour, but the law counts any complaint made within one calendar month"
        in text
    )
    assert "The policy does not count diary sheets as complaints" in text
    assert "adds a condition the law does not have: “The case must be closed”" in text
    assert "What the law says:" in text
    assert "s.104(4)" in text
    assert "I understand this policy is stricter than the law in 4 ways" in text
    assert AreaPolicy.objects.filter(area=area).count() == 1


def test_the_check_lists_what_changes_from_the_current_version(staff_client, area_admin, area):
    client = staff_client(area_admin)
    response = check(client, area, policy_post(REFERENCE_PROCEDURE, threshold="2"))
    changes = response.context_data["checked"]["changes"]
    assert [(c.label, c.before, c.after) for c in changes] == [
        ("Threshold (qualifying complaints)", "3", "2")
    ]
    assert "Save as version 2" in text_of(response)


def test_the_check_keeps_everything_typed(staff_client, area_admin, area):
    client = staff_client(area_admin)
    data = policy_post(REFERENCE_PROCEDURE, threshold="2", extra_routes="hate: One hate incident")
    text = text_of(check(client, area, data))
    assert 'value="2"' in text
    assert "hate: One hate incident" in text
    assert "Annual refresh after the partnership board" in text
