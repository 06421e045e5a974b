"""Properties of threshold evaluation that hold for any complaints and any policy."""

from dataclasses import replace
from datetime import date, timedelta

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from casereview.rules import (
    Complaint,
    ComplaintKind,
    LocalPolicy,
    Reason,
    ReportWindow,
    evaluate_threshold,
)

FIRST_DAY = date(2025, 1, 1)

report_windows = st.one_of(
    st.builds(ReportWindow, months=st.integers(1, 3)),
    st.builds(ReportWindow, days=st.integers(1, 45)),
)
policies = st.builds(
    LocalPolicy,
    threshold=st.integers(1, 6),
    report_within=report_windows,
    application_within_months=st.integers(1, 9),
    diary_sheets_count=st.booleans(),
    same_day_is_same_occasion=st.booleans(),
)


@st.composite
def complaint_lists(draw, max_size=25):
    count = draw(st.integers(0, max_size))
    items = []
    for index in range(count):
        behaviour = FIRST_DAY + timedelta(days=draw(st.integers(0, 400)))
        items.append(
            Complaint(
                id=f"c{index}",
                behaviour_date=behaviour,
                reported_date=behaviour + timedelta(days=draw(st.integers(0, 60))),
                agency=draw(st.sampled_from(["police", "council", "housing"])),
                incident=draw(st.sampled_from(["", "", "", "i1", "i2", "i3"])),
                kind=draw(st.sampled_from(list(ComplaintKind))),
            )
        )
    return items


application_dates = st.integers(0, 550).map(lambda days: FIRST_DAY + timedelta(days=days))


def own_reasons(outcome):
    return tuple(reason for reason in outcome.reasons if reason is not Reason.DUPLICATE)


def group_count(items, policy):
    keys = set()
    for index, item in enumerate(items):
        if item.incident.strip():
            keys.add(("incident", item.incident.strip()))
        elif policy.same_day_is_same_occasion:
            keys.add(("day", item.behaviour_date))
        else:
            keys.add(("single", index))
    return len(keys)


@given(complaint_lists(), application_dates, policies, st.data())
def test_adding_a_copy_of_a_complaint_never_changes_the_count(items, applied, policy, data):
    assume(items)
    original = data.draw(st.sampled_from(items))
    # A duplicate is a second report of the same incident: the contract knows it as one by a
    # shared incident key, or by the same day when the same-day rule holds.
    assume(original.incident.strip() or policy.same_day_is_same_occasion)
    copy = replace(original, id="copy", agency="another agency")
    before = evaluate_threshold(applied, items, policy)
    after = evaluate_threshold(applied, [*items, copy], policy)
    assert after.qualifying_count == before.qualifying_count
    assert after.threshold_met == before.threshold_met


@given(complaint_lists(), application_dates, st.integers(1, 200), policies)
def test_a_later_application_never_makes_an_existing_complaint_qualify(
    items, applied, later, policy
):
    earlier = evaluate_threshold(applied, items, policy)
    moved = evaluate_threshold(applied + timedelta(days=later), items, policy)
    for item, before, after in zip(items, earlier.complaints, moved.complaints, strict=True):
        # Complaints made after the first application date did not exist when it was made.
        if item.reported_date <= applied and not before.qualifying:
            assert not after.qualifying


@given(complaint_lists(), application_dates, policies, st.randoms(use_true_random=False))
def test_results_do_not_depend_on_input_order(items, applied, policy, random):
    shuffled = list(items)
    random.shuffle(shuffled)
    first = evaluate_threshold(applied, items, policy)
    second = evaluate_threshold(applied, shuffled, policy)
    assert (first.threshold_met, first.qualifying_count) == (
        second.threshold_met,
        second.qualifying_count,
    )
    by_id = {outcome.id: outcome for outcome in second.complaints}
    for outcome in first.complaints:
        assert by_id[outcome.id].qualifying == outcome.qualifying
        assert own_reasons(by_id[outcome.id]) == own_reasons(outcome)
    assert sum(o.counted for o in first.complaints) == sum(o.counted for o in second.complaints)


@given(complaint_lists(), application_dates, policies)
def test_evaluation_is_deterministic(items, applied, policy):
    assert evaluate_threshold(applied, items, policy) == evaluate_threshold(applied, items, policy)


@given(complaint_lists(), application_dates, policies)
def test_each_incident_has_exactly_one_counted_complaint(items, applied, policy):
    result = evaluate_threshold(applied, items, policy)
    counted = {outcome.id for outcome in result.complaints if outcome.counted}
    assert len(counted) == group_count(items, policy)
    assert result.qualifying_count <= len(counted)
    for outcome in result.complaints:
        if outcome.counted:
            assert outcome.same_as is None
            assert Reason.DUPLICATE not in outcome.reasons
        else:
            assert outcome.same_as in counted
            assert Reason.DUPLICATE in outcome.reasons


@given(complaint_lists(), application_dates, policies)
def test_the_threshold_is_met_exactly_when_enough_counted_complaints_qualify(
    items, applied, policy
):
    result = evaluate_threshold(applied, items, policy)
    assert result.threshold == min(policy.threshold, 3)
    assert result.threshold_met == (result.qualifying_count >= result.threshold)
    assert result.qualifying_count == sum(o.counted and o.qualifying for o in result.complaints)


@given(complaint_lists(), application_dates, policies)
def test_a_complaint_qualifies_exactly_when_it_has_no_reason_of_its_own(items, applied, policy):
    for outcome in evaluate_threshold(applied, items, policy).complaints:
        assert outcome.qualifying == (own_reasons(outcome) == ())


@settings(max_examples=50)
@given(complaint_lists(), application_dates, policies)
def test_the_law_is_never_stricter_than_a_policy_with_a_higher_threshold(items, applied, policy):
    capped = evaluate_threshold(applied, items, replace(policy, threshold=3))
    higher = evaluate_threshold(applied, items, replace(policy, threshold=6))
    assert capped.threshold_met == higher.threshold_met
