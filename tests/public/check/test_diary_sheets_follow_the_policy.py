"""The diary-sheet question is asked only where the area's policy does not count diary sheets,
and then a diary sheet does not count, with that reason."""

import datetime as dt
from dataclasses import replace

import pytest

from casereview.rules import REFERENCE_PROCEDURE
from tests.factories import make_policy
from tests.public.check.helpers import Said, answer, check_url

pytestmark = pytest.mark.django_db

COMPLAINTS = [
    Said(dt.date(2026, 2, 2), dt.date(2026, 2, 3)),
    Said(dt.date(2026, 2, 9), dt.date(2026, 2, 10), diary_sheet=True),
    Said(dt.date(2026, 3, 2), dt.date(2026, 3, 3)),
]


def test_where_diary_sheets_do_not_count_the_question_is_asked(client, area, in_march):
    text = client.get(check_url("check_complaints", area)).content.decode()
    assert "This was a diary sheet" in text
    assert 'name="complaint_1_diary_sheet"' in text


def test_a_diary_sheet_does_not_count_where_the_policy_says_so(client, area, in_march):
    text = answer(client, area, COMPLAINTS, dt.date(2026, 3, 16))
    assert "Complaint 2: does not count" in text
    assert "It was a diary sheet, and the policy of East Hertfordshire does not count" in text
    assert "You have 2 qualifying complaints." in text


def test_where_diary_sheets_count_the_question_is_not_asked(client, area, in_march):
    make_policy(area, replace(REFERENCE_PROCEDURE, diary_sheets_count=True), version=2)
    text = client.get(check_url("check_complaints", area)).content.decode()
    assert "diary sheet" not in text


def test_where_diary_sheets_count_a_posted_diary_answer_changes_nothing(client, area, in_march):
    make_policy(area, replace(REFERENCE_PROCEDURE, diary_sheets_count=True), version=2)
    text = answer(client, area, COMPLAINTS, dt.date(2026, 3, 16))
    assert "You have 3 qualifying complaints." in text
    assert "diary sheet" not in text
