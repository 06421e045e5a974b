"""Three complaints about three occasions, each reported in time to a relevant body, meet the
reference procedure's threshold of three."""

import datetime as dt

import pytest

from tests.public.check.helpers import COUNCIL, HOUSING, POLICE, Said, answer

pytestmark = pytest.mark.django_db

MID_MARCH = dt.date(2026, 3, 16)


def test_three_qualifying_complaints_meet_the_threshold(client, area, in_march):
    text = answer(
        client,
        area,
        [
            Said(dt.date(2026, 1, 10), dt.date(2026, 1, 12), to=POLICE),
            Said(dt.date(2026, 2, 3), dt.date(2026, 2, 3), to=COUNCIL),
            Said(dt.date(2026, 3, 1), dt.date(2026, 3, 10), to=HOUSING),
        ],
        apply_on=MID_MARCH,
    )
    assert "Your complaints are likely to meet the threshold in East Hertfordshire" in text
    assert "You have 3 qualifying complaints. 3 are needed." in text
    for number in (1, 2, 3):
        assert f"Complaint {number}: counts" in text
    assert "does not count" not in text
    assert "It counts: it was made to a relevant body within 30 days of the behaviour" in text


def test_two_qualifying_complaints_do_not(client, area, in_march):
    text = answer(
        client,
        area,
        [
            Said(dt.date(2026, 1, 10), dt.date(2026, 1, 12)),
            Said(dt.date(2026, 2, 3), dt.date(2026, 2, 3)),
        ],
        apply_on=MID_MARCH,
    )
    assert "Your complaints do not meet the threshold in East Hertfordshire" in text
    assert "You have 2 qualifying complaints. 3 are needed." in text


def test_the_result_states_the_threshold_and_windows_in_plain_words(client, area, in_march):
    text = answer(client, area, [Said(dt.date(2026, 3, 2), dt.date(2026, 3, 3))], MID_MARCH)
    assert "at least 3 qualifying complaints about the same anti-social behaviour" in text
    assert "within 30 days of the behaviour" in text
    assert "within 6 months of the complaint" in text
    # Dates the GOV.UK way.
    assert "if you apply on 16 March 2026" in text
    assert "2 March 2026" in text
    assert "3 March 2026" in text
