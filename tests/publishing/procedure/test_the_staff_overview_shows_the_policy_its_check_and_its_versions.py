"""The overview shows the current policy's rules and its check, and every version with who saved
it and why; each version can be opened."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from casereview.rules.policy import REFERENCE_PROCEDURE
from tests.factories import make_policy
from tests.publishing.procedure.helpers import text_of, url

pytestmark = pytest.mark.django_db


def test_the_overview_shows_the_rules_the_check_and_the_history(staff_client, read_only, area):
    second = make_policy(
        area,
        replace(REFERENCE_PROCEDURE, threshold=2),
        version=2,
        effective_from=dt.date(2026, 4, 1),
    )
    second.notes = "Lower threshold agreed by the board"
    second.save()
    text = text_of(staff_client(read_only).get(url("procedure", area)))
    assert "Version 2, in force from 1 April 2026." in text
    assert "Threshold (qualifying complaints)" in text
    assert "This policy is stricter than the law in 2 ways." in text
    assert "Lower threshold agreed by the board" in text
    assert url("policy-version", area, version=1) in text
    # Read-only members see no buttons to change anything.
    assert "Change the policy" not in text
    assert "Record a consultation" not in text


def test_an_old_version_shows_its_own_rules_and_when_it_was_replaced(
    staff_client, coordinator, area
):
    make_policy(
        area,
        replace(REFERENCE_PROCEDURE, threshold=5),
        version=2,
        effective_from=dt.date(2026, 4, 1),
    )
    text = text_of(staff_client(coordinator).get(url("policy-version", area, version=1)))
    assert "In force from 1 January 2025 until 1 April 2026, when version 2 replaced it." in text
    assert "The policy asks for" not in text
    newer = text_of(staff_client(coordinator).get(url("policy-version", area, version=2)))
    assert "The policy asks for 5 qualifying complaints" in newer
