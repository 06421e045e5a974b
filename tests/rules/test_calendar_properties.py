"""Properties of working-day and month arithmetic over many dates."""

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from casereview.rules import (
    REFERENCE_PROCEDURE,
    LocalPolicy,
    ReportWindow,
    add_months,
    calendar_for,
    policy_from_dict,
    policy_to_dict,
)

dates = st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 6, 30))
nations = st.sampled_from(["england", "wales", "england-wales"])


@given(dates, st.integers(0, 40), nations)
def test_adding_working_days_lands_on_a_working_day_that_many_working_days_on(start, n, nation):
    calendar = calendar_for(nation)
    due = calendar.add_working_days(start, n)
    assert calendar.is_working_day(due.due)
    assert calendar.working_days_between(due.counted_from, due.due) == n
    assert due.start <= due.counted_from <= due.due
    assert all(not calendar.is_working_day(day.date) for day in due.skipped)
    assert len(due.skipped) == (due.due - due.start).days + 1 - n - 1


@given(dates, st.integers(0, 30), st.integers(0, 30))
def test_adding_working_days_in_two_steps_is_the_same_as_in_one(start, first, second):
    calendar = calendar_for("england-wales")
    step = calendar.add_working_days(start, first).due
    assert (
        calendar.add_working_days(step, second).due
        == calendar.add_working_days(start, first + second).due
    )


@given(dates, st.integers(0, 24))
def test_adding_months_keeps_the_day_or_clamps_it_to_the_month_end(start, months):
    result = add_months(start, months)
    assert (result.year * 12 + result.month) - (start.year * 12 + start.month) == months
    assert result.day == start.day or (
        result.day < start.day and (result + timedelta(days=1)).month != result.month
    )


@given(
    st.builds(
        LocalPolicy,
        threshold=st.integers(1, 10),
        report_within=st.one_of(
            st.builds(ReportWindow, months=st.integers(1, 12)),
            st.builds(ReportWindow, days=st.integers(1, 365)),
        ),
        application_within_months=st.integers(1, 24),
        diary_sheets_count=st.booleans(),
        same_day_is_same_occasion=st.booleans(),
        panel_minimum_relevant_bodies=st.integers(1, 20),
        nation=st.sampled_from(["england", "wales", "england-wales"]),
    )
)
def test_any_policy_round_trips_through_its_dict(policy):
    assert policy_from_dict(policy_to_dict(policy)) == policy
    assert policy_from_dict(policy_to_dict(REFERENCE_PROCEDURE)) == REFERENCE_PROCEDURE
