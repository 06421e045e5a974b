"""Complaints about one incident or occasion count once."""

from datetime import date

from casereview.rules import LocalPolicy, Reason, evaluate_threshold
from tests.rules.factories import complaint

APPLIED = date(2026, 3, 1)


def by_id(result):
    return {outcome.id: outcome for outcome in result.complaints}


def test_one_incident_reported_to_two_agencies_counts_once():
    result = evaluate_threshold(
        APPLIED,
        [
            complaint("police", date(2026, 1, 10), date(2026, 1, 12), incident="i1"),
            complaint(
                "council", date(2026, 1, 10), date(2026, 1, 11), agency="council", incident="i1"
            ),
        ],
    )
    outcomes = by_id(result)
    assert result.qualifying_count == 1
    assert outcomes["council"].counted
    assert outcomes["police"].same_as == "council"
    assert outcomes["police"].reasons == (Reason.DUPLICATE,)


def test_a_shared_incident_key_joins_complaints_about_different_dates():
    result = evaluate_threshold(
        APPLIED,
        [
            complaint("a", date(2026, 1, 10), incident="i1"),
            complaint("b", date(2026, 1, 11), incident="i1"),
        ],
    )
    assert result.qualifying_count == 1


def test_complaints_about_the_same_day_without_keys_are_one_occasion():
    result = evaluate_threshold(
        APPLIED, [complaint("a", date(2026, 1, 10)), complaint("b", date(2026, 1, 10))]
    )
    assert result.qualifying_count == 1
    assert by_id(result)["b"].same_as == "a"


def test_without_the_same_day_rule_complaints_about_one_day_count_separately():
    policy = LocalPolicy(same_day_is_same_occasion=False)
    result = evaluate_threshold(
        APPLIED, [complaint("a", date(2026, 1, 10)), complaint("b", date(2026, 1, 10))], policy
    )
    assert result.qualifying_count == 2


def test_different_incident_keys_on_the_same_day_are_different_incidents():
    result = evaluate_threshold(
        APPLIED,
        [
            complaint("a", date(2026, 1, 10), incident="morning"),
            complaint("b", date(2026, 1, 10), incident="night"),
        ],
    )
    assert result.qualifying_count == 2


def test_a_keyed_and_an_unkeyed_complaint_on_the_same_day_are_not_joined():
    result = evaluate_threshold(
        APPLIED,
        [complaint("a", date(2026, 1, 10), incident="i1"), complaint("b", date(2026, 1, 10))],
    )
    assert result.qualifying_count == 2


def test_a_blank_incident_key_is_no_key():
    result = evaluate_threshold(
        APPLIED,
        [complaint("a", date(2026, 1, 10), incident="  "), complaint("b", date(2026, 1, 10))],
    )
    assert result.qualifying_count == 1


def test_the_earliest_reported_qualifying_complaint_is_counted():
    result = evaluate_threshold(
        APPLIED,
        [
            # Reported first, but late: the later, qualifying report is the one counted.
            complaint("late", date(2025, 12, 1), date(2026, 1, 5), incident="i1"),
            complaint("prompt", date(2025, 12, 1), date(2025, 12, 20), incident="i1"),
            complaint("second", date(2025, 12, 1), date(2025, 12, 28), incident="i1"),
        ],
    )
    outcomes = by_id(result)
    assert outcomes["prompt"].counted
    assert outcomes["second"].same_as == "prompt"
    assert outcomes["late"].reasons == (Reason.REPORTED_LATE, Reason.DUPLICATE)


def test_ties_in_reported_date_go_to_the_first_in_input_order():
    result = evaluate_threshold(
        APPLIED, [complaint("b", date(2026, 1, 10)), complaint("a", date(2026, 1, 10))]
    )
    assert by_id(result)["b"].counted
    assert by_id(result)["a"].same_as == "b"


def test_when_none_of_a_group_qualifies_the_earliest_reported_is_counted():
    result = evaluate_threshold(
        APPLIED,
        [
            complaint("a", date(2025, 10, 1), date(2025, 12, 1), incident="i1"),
            complaint("b", date(2025, 10, 1), date(2025, 11, 15), incident="i1"),
        ],
    )
    outcomes = by_id(result)
    assert outcomes["b"].counted
    assert not outcomes["b"].qualifying
    assert outcomes["a"].same_as == "b"
    assert result.qualifying_count == 0


def test_outcomes_come_back_in_input_order():
    items = [complaint(cid, date(2026, 1, day)) for cid, day in (("z", 5), ("a", 3), ("m", 4))]
    assert [outcome.id for outcome in evaluate_threshold(APPLIED, items).complaints] == [
        "z",
        "a",
        "m",
    ]
