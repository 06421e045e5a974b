"""Complaints about behaviour on the same day are one occasion under the reference procedure:
they count once, however many bodies were told, and the others say which complaint counts."""

import datetime as dt
from dataclasses import replace

import pytest

from casereview.rules import REFERENCE_PROCEDURE
from tests.factories import make_policy
from tests.public.check.helpers import COUNCIL, HOUSING, POLICE, Said, answer

pytestmark = pytest.mark.django_db

SAME_DAY = dt.date(2026, 3, 1)


def test_one_incident_reported_to_three_bodies_counts_once(client, area, in_march):
    text = answer(
        client,
        area,
        [
            Said(SAME_DAY, dt.date(2026, 3, 3), to=COUNCIL),
            Said(SAME_DAY, dt.date(2026, 3, 2), to=POLICE),
            Said(SAME_DAY, dt.date(2026, 3, 4), to=HOUSING),
        ],
        dt.date(2026, 3, 16),
    )
    assert "You have 1 qualifying complaint. 3 are needed." in text
    # The engine counts the earliest report; the others point at it.
    assert "Complaint 2: counts" in text
    assert "Complaint 1: does not count" in text
    assert "Complaint 3: does not count" in text
    assert text.count("It is about the same occasion as complaint 2.") == 2
    assert "Your complaints do not meet the threshold" in text


def test_where_the_policy_does_not_join_same_day_complaints_each_counts(client, area, in_march):
    make_policy(area, replace(REFERENCE_PROCEDURE, same_day_is_same_occasion=False), version=2)
    text = answer(
        client,
        area,
        [
            Said(SAME_DAY, dt.date(2026, 3, 3), to=COUNCIL),
            Said(SAME_DAY, dt.date(2026, 3, 2), to=POLICE),
            Said(SAME_DAY, dt.date(2026, 3, 4), to=HOUSING),
        ],
        dt.date(2026, 3, 16),
    )
    assert "You have 3 qualifying complaints." in text
    assert "same occasion" not in text
