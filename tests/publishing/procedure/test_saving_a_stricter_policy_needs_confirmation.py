"""The check never blocks saving a stricter policy, but saving one needs the administrator to
confirm they understand it is stricter than the law; the version saved is the next number and
is in force from the day it is saved."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from casereview.areas.models import AreaPolicy
from casereview.areas.selectors import current_policy_record
from casereview.rules.policy import REFERENCE_PROCEDURE, policy_from_dict
from casereview.rules.policy_check import check_policy
from tests.publishing.procedure.helpers import (
    check,
    check_then_save,
    checked_fingerprint,
    policy_post,
    text_of,
    url,
)

pytestmark = pytest.mark.django_db


def test_without_the_confirmation_nothing_is_saved_and_nothing_typed_is_lost(
    staff_client, area_admin, area, in_march
):
    client = staff_client(area_admin)
    data = policy_post(REFERENCE_PROCEDURE, threshold="4")
    response = check_then_save(client, area, data, confirm=False)
    assert response.status_code == 200
    text = text_of(response)
    assert "Confirm that you understand this policy is stricter than the law" in text
    # The box counts the findings of the policy as typed, not of an earlier wording.
    findings = len(check_policy(replace(REFERENCE_PROCEDURE, threshold=4)))
    assert findings > 1
    assert f"I understand this policy is stricter than the law in {findings} ways" in text
    assert 'value="4"' in text
    assert AreaPolicy.objects.filter(area=area).count() == 1


def test_with_the_confirmation_the_next_version_is_saved_in_force_from_today(
    staff_client, area_admin, area, in_march
):
    client = staff_client(area_admin)
    data = policy_post(REFERENCE_PROCEDURE, threshold="4")
    response = check_then_save(client, area, data, confirm=True)
    assert response.status_code == 302
    assert response["Location"] == url("procedure", area)
    saved = current_policy_record(area)
    assert saved is not None
    assert saved.version == 2
    assert saved.effective_from == dt.date(2026, 3, 16)
    assert saved.created_by == area_admin
    assert saved.notes == "Annual refresh after the partnership board"
    assert policy_from_dict(saved.rules).threshold == 4
    page = text_of(client.get(response["Location"]))
    assert "Version 2 of the policy is saved. It is in force from today." in page


def test_a_policy_changed_after_its_check_is_checked_again_not_saved(
    staff_client, area_admin, area, in_march
):
    client = staff_client(area_admin)
    shown = check(client, area, policy_post(REFERENCE_PROCEDURE, threshold="2"))
    changed = policy_post(REFERENCE_PROCEDURE, threshold="5")
    response = client.post(
        url("policy-edit", area),
        {**changed, "checked": checked_fingerprint(shown), "confirm": "on", "save": "1"},
    )
    assert response.status_code == 200
    text = text_of(response)
    assert "You changed the policy after checking it." in text
    assert "The policy asks for 5 qualifying complaints" in text
    assert AreaPolicy.objects.filter(area=area).count() == 1


def test_saving_needs_a_note_of_what_changed_and_why(staff_client, area_admin, area, in_march):
    client = staff_client(area_admin)
    data = policy_post(REFERENCE_PROCEDURE, notes="  ")
    response = check_then_save(client, area, data, confirm=True)
    assert response.status_code == 200
    assert "Enter what changed and why" in text_of(response)
    assert AreaPolicy.objects.filter(area=area).count() == 1
