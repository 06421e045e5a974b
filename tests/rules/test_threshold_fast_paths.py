"""The engine's fast paths give what the plain reading of the rules gives.

``evaluate_threshold`` builds its outcomes without the dataclass constructor, chooses each
group's counted complaint in one pass, and classifies whole columns at once;
``count_qualifying`` counts groups with a qualifying member; the warnings about local rules
stricter than the law look only at the complaints with the reason in question, and not at all
when the local window is no shorter than the law's; ``evaluate_records`` takes the complaints
field by field. Each is checked here against a plain implementation written straight
from the module's docstring (a list per group, ``min`` by report date then position, the
constructors), over any complaints and any policy, with many ties on dates."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from casereview.rules import (
    Complaint,
    ComplaintKind,
    ComplaintOutcome,
    LocalPolicy,
    Reason,
    ThresholdResult,
    evaluate_threshold,
)
from casereview.rules.dates import add_months
from casereview.rules.policy import (
    STATUTORY_APPLICATION_WINDOW_MONTHS,
    STATUTORY_MAX_THRESHOLD,
    STATUTORY_REPORT_WINDOW_MONTHS,
)
from casereview.rules.threshold import (
    ThresholdCount,
    _stricter_than_law_text,
    count_qualifying,
    evaluate_records,
    evaluate_threshold_and_count,
)
from tests.rules.test_threshold_properties import application_dates, complaint_lists, policies

FIRST_DAY = date(2025, 1, 1)


@st.composite
def crowded_complaints(draw: st.DrawFn) -> list[Complaint]:
    """Complaints on a few dates, so that groups, equal report dates and ties are common."""
    count = draw(st.integers(0, 30))
    items = []
    for index in range(count):
        behaviour = FIRST_DAY + timedelta(days=draw(st.integers(0, 6)))
        items.append(
            Complaint(
                id=f"c{index}",
                behaviour_date=behaviour,
                reported_date=behaviour + timedelta(days=draw(st.integers(0, 3)) * 20),
                agency=draw(st.sampled_from(["police", "council"])),
                incident=draw(st.sampled_from(["", "", " ", "i1", " i1 ", "i2"])),
                kind=draw(st.sampled_from(list(ComplaintKind))),
            )
        )
    return items


any_complaints = st.one_of(complaint_lists(), crowded_complaints())


def plain_own_reasons(
    item: Complaint, application_date: date, policy: LocalPolicy
) -> tuple[Reason, ...]:
    reasons = []
    if item.reported_date > policy.report_within.last_day(item.behaviour_date):
        reasons.append(Reason.REPORTED_LATE)
    if application_date > add_months(item.reported_date, policy.application_within_months):
        reasons.append(Reason.TOO_OLD)
    if not policy.diary_sheets_count and item.kind == ComplaintKind.DIARY_SHEET:
        reasons.append(Reason.DIARY_SHEET)
    if item.reported_date > application_date:
        reasons.append(Reason.AFTER_APPLICATION)
    return tuple(reasons)


def plain_evaluation(
    application_date: date, items: list[Complaint], policy: LocalPolicy
) -> tuple[tuple[ComplaintOutcome, ...], int]:
    """The outcomes and the count, read straight from the module docstring."""
    own = [plain_own_reasons(item, application_date, policy) for item in items]
    groups: dict[object, list[int]] = {}
    for index, item in enumerate(items):
        if item.incident.strip():
            key: object = ("incident", item.incident.strip())
        elif policy.same_day_is_same_occasion:
            key = ("day", item.behaviour_date)
        else:
            key = ("single", index)
        groups.setdefault(key, []).append(index)
    counted_of: dict[int, int] = {}
    for members in groups.values():
        qualifying = [index for index in members if not own[index]]
        pool = qualifying or members
        counted = min(pool, key=lambda index: (items[index].reported_date, index))
        for index in members:
            counted_of[index] = counted
    outcomes = []
    for index, item in enumerate(items):
        counted = counted_of[index] == index
        reasons = own[index] if counted else (*own[index], Reason.DUPLICATE)
        outcomes.append(
            ComplaintOutcome(
                id=item.id,
                qualifying=not own[index],
                counted=counted,
                same_as=None if counted else items[counted_of[index]].id,
                reasons=tuple(sorted(reasons, key=list(Reason).index)),
                report_by=policy.report_within.last_day(item.behaviour_date),
                apply_by=add_months(item.reported_date, policy.application_within_months),
            )
        )
    count = sum(1 for outcome in outcomes if outcome.counted and outcome.qualifying)
    return tuple(outcomes), count


def plain_warnings(
    application_date: date, items: list[Complaint], policy: LocalPolicy
) -> list[str]:
    """Every complaint a local rule shut out that the law would have let in, named as the
    engine names them."""
    late, old, diary = [], [], []
    for item in items:
        reasons = plain_own_reasons(item, application_date, policy)
        law_report_by = add_months(item.behaviour_date, STATUTORY_REPORT_WINDOW_MONTHS)
        if Reason.REPORTED_LATE in reasons and item.reported_date <= law_report_by:
            late.append(item.id)
        law_apply_by = add_months(item.reported_date, STATUTORY_APPLICATION_WINDOW_MONTHS)
        if Reason.TOO_OLD in reasons and application_date <= law_apply_by:
            old.append(item.id)
        if Reason.DIARY_SHEET in reasons:
            diary.append(item.id)
    return _stricter_than_law_text(late, old, diary, policy)


def fields(
    items: list[Complaint],
) -> tuple[list[str], list[date], list[date], list[str], list[str]]:
    return (
        [item.id for item in items],
        [item.behaviour_date for item in items],
        [item.reported_date for item in items],
        [item.incident for item in items],
        [item.kind.value for item in items],
    )


@given(any_complaints, application_dates, policies)
def test_the_evaluation_equals_the_plain_reading_of_the_rules(
    items: list[Complaint], applied: date, policy: LocalPolicy
) -> None:
    result = evaluate_threshold(applied, items, policy)

    outcomes, count = plain_evaluation(applied, items, policy)
    assert result.complaints == outcomes
    assert [hash(outcome) for outcome in result.complaints] == [hash(o) for o in outcomes]
    assert result.qualifying_count == count
    assert result.threshold_met == (count >= policy.applied_threshold)
    capped = policy.threshold > STATUTORY_MAX_THRESHOLD
    assert list(result.warnings[1 if capped else 0 :]) == plain_warnings(applied, items, policy)
    assert len(result.warnings) == capped + len(plain_warnings(applied, items, policy))


@given(any_complaints, application_dates, policies)
def test_the_count_alone_equals_the_full_evaluations_count(
    items: list[Complaint], applied: date, policy: LocalPolicy
) -> None:
    result = evaluate_threshold(applied, items, policy)

    assert count_qualifying(applied, items, policy) == ThresholdCount(
        threshold_met=result.threshold_met,
        threshold=result.threshold,
        qualifying_count=result.qualifying_count,
    )


@given(any_complaints, application_dates, policies, st.data())
def test_complaints_given_field_by_field_evaluate_as_the_complaints_themselves(
    items: list[Complaint], applied: date, policy: LocalPolicy, data: st.DataObject
) -> None:
    include = data.draw(st.lists(st.booleans(), min_size=len(items), max_size=len(items)))

    found = evaluate_records(applied, *fields(items), include, policy)

    assert found == evaluate_threshold_and_count(applied, items, include, policy)


def test_kinds_may_be_given_as_members_or_as_their_values() -> None:
    items = [
        Complaint("a", date(2026, 1, 5), date(2026, 1, 6), "police"),
        Complaint(
            "b", date(2026, 1, 7), date(2026, 1, 7), "police", kind=ComplaintKind.DIARY_SHEET
        ),
    ]
    ids, behaviour, reported, incidents, _ = fields(items)
    as_members = [item.kind for item in items]
    as_values = [item.kind.value for item in items]

    by_member = evaluate_records(
        date(2026, 2, 1), ids, behaviour, reported, incidents, as_members, [True, True]
    )
    by_value = evaluate_records(
        date(2026, 2, 1), ids, behaviour, reported, incidents, as_values, [True, True]
    )

    assert by_member == by_value
    assert isinstance(by_value[0], ThresholdResult)


def test_a_record_reported_before_its_behaviour_is_refused_as_by_the_constructor() -> None:
    with pytest.raises(ValueError, match="complaint 7: reported before the behaviour"):
        evaluate_records(
            date(2026, 2, 1),
            ["7"],
            [date(2026, 1, 6)],
            [date(2026, 1, 5)],
            [""],
            ["complaint"],
            [True],
        )


def test_an_unknown_kind_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown complaint kinds: 'letter'"):
        evaluate_records(
            date(2026, 2, 1),
            ["7"],
            [date(2026, 1, 5)],
            [date(2026, 1, 6)],
            [""],
            ["letter"],
            [True],
        )


def test_every_field_is_needed_once_per_complaint() -> None:
    with pytest.raises(ValueError, match="once per complaint"):
        evaluate_records(
            date(2026, 2, 1),
            ["7", "8"],
            [date(2026, 1, 5)] * 2,
            [date(2026, 1, 6)] * 2,
            [""] * 2,
            ["complaint"] * 2,
            [True],
        )


def test_an_id_used_twice_is_refused_as_by_evaluate_threshold() -> None:
    with pytest.raises(ValueError, match="complaint id '7' is used more than once"):
        evaluate_records(
            date(2026, 2, 1),
            ["7", "7"],
            [date(2026, 1, 5)] * 2,
            [date(2026, 1, 6)] * 2,
            [""] * 2,
            ["complaint"] * 2,
            [True, True],
        )
