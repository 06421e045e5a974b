"""A "not met" result names, for each complaint that does not count, the engine's reasons in
plain words, with the dates that would have made it count."""

import datetime as dt

import pytest

from casereview.public.check.answers import SOMEONE_ELSE
from tests.public.check.helpers import Said, answer

pytestmark = pytest.mark.django_db

MID_MARCH = dt.date(2026, 3, 16)


def reasons_of(text: str, number: int) -> str:
    """The part of the result page about one complaint."""
    start = text.index(f"Complaint {number}:")
    end = text.find("Complaint ", start + 10)
    return text[start : end if end != -1 else len(text)]


def test_a_complaint_reported_too_late_says_by_when_it_needed_reporting(client, area, in_march):
    # The reference procedure allows 30 days: 1 February + 30 days is 3 March.
    text = answer(client, area, [Said(dt.date(2026, 2, 1), dt.date(2026, 3, 4))], MID_MARCH)
    part = reasons_of(text, 1)
    assert "Complaint 1: does not count" in part
    assert "It was reported more than 30 days after it happened" in part
    assert "it needed to be reported by 3 March 2026" in part


def test_a_complaint_made_long_before_the_application_says_by_when_to_apply(client, area, in_march):
    text = answer(client, area, [Said(dt.date(2025, 8, 1), dt.date(2025, 8, 3))], MID_MARCH)
    part = reasons_of(text, 1)
    assert "It was reported more than 6 months before the date you plan to apply" in part
    assert "the application needed to be made by 3 February 2026" in part


def test_a_complaint_to_someone_else_is_not_to_a_relevant_body(client, area, in_march):
    text = answer(
        client, area, [Said(dt.date(2026, 3, 2), dt.date(2026, 3, 3), to=SOMEONE_ELSE)], MID_MARCH
    )
    part = reasons_of(text, 1)
    assert "Someone else" in part
    assert "not one of the relevant bodies for East Hertfordshire" in part
    assert "You have 0 qualifying complaints." in text


def test_each_complaint_gets_its_own_reasons(client, area, in_march):
    text = answer(
        client,
        area,
        [
            Said(dt.date(2026, 3, 2), dt.date(2026, 3, 3)),
            Said(dt.date(2025, 6, 1), dt.date(2025, 7, 15)),
            Said(dt.date(2026, 3, 5), dt.date(2026, 3, 5), to=SOMEONE_ELSE),
        ],
        MID_MARCH,
    )
    assert "Complaint 1: counts" in reasons_of(text, 1)
    late_and_old = reasons_of(text, 2)
    # Both reasons, in the engine's order.
    assert late_and_old.index("more than 30 days after it happened") < late_and_old.index(
        "more than 6 months before"
    )
    assert "relevant bodies" in reasons_of(text, 3)
    assert "You have 1 qualifying complaint. 3 are needed." in text


def test_a_later_application_date_changes_the_result(client, area, in_march):
    complaints = [Said(dt.date(2025, 9, 20), dt.date(2025, 9, 20))]
    assert "Complaint 1: counts" in answer(client, area, complaints, MID_MARCH)
    later = answer(client, area, complaints, dt.date(2026, 3, 21))
    assert "Complaint 1: does not count" in later
    assert "needed to be made by 20 March 2026" in later
