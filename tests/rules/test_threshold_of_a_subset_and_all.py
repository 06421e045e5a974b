"""``evaluate_threshold_and_count`` (a case's confirmed complaints evaluated, and all of them
counted "if all were confirmed", from one per-complaint pass) gives exactly what
``evaluate_threshold`` of the subset and ``count_qualifying`` of all give; and
``Complaint.from_record`` makes the same complaint as the constructor, with the same check."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from casereview.rules import Complaint, ComplaintKind, LocalPolicy, evaluate_threshold
from casereview.rules.threshold import count_qualifying, evaluate_threshold_and_count
from tests.rules.test_threshold_properties import application_dates, complaint_lists, policies


@given(complaint_lists(), application_dates, policies, st.data())
def test_the_subset_and_the_whole_are_evaluated_as_on_their_own(
    items: list[Complaint], applied: date, policy: LocalPolicy, data: st.DataObject
) -> None:
    include = data.draw(st.lists(st.booleans(), min_size=len(items), max_size=len(items)))

    result, everything = evaluate_threshold_and_count(applied, items, include, policy)

    subset = [item for item, flag in zip(items, include, strict=True) if flag]
    assert result == evaluate_threshold(applied, subset, policy)
    assert everything == count_qualifying(applied, items, policy)


def test_one_include_flag_per_complaint_is_required() -> None:
    item = Complaint("a", date(2026, 1, 5), date(2026, 1, 6), "police")

    with pytest.raises(ValueError, match="one include flag per complaint"):
        evaluate_threshold_and_count(date(2026, 2, 1), [item], [True, False])


def test_a_complaint_from_a_record_equals_the_same_complaint_constructed() -> None:
    made = Complaint.from_record(
        "7", date(2026, 1, 5), date(2026, 1, 6), "police", "i1", ComplaintKind.DIARY_SHEET
    )

    assert made == Complaint(
        "7", date(2026, 1, 5), date(2026, 1, 6), "police", "i1", ComplaintKind.DIARY_SHEET
    )
    assert hash(made) == hash(
        Complaint(
            "7", date(2026, 1, 5), date(2026, 1, 6), "police", "i1", ComplaintKind.DIARY_SHEET
        )
    )


def test_a_record_reported_before_its_behaviour_is_refused_as_by_the_constructor() -> None:
    with pytest.raises(ValueError, match="reported before the behaviour"):
        Complaint.from_record(
            "7", date(2026, 1, 6), date(2026, 1, 5), "police", "", ComplaintKind.COMPLAINT
        )
