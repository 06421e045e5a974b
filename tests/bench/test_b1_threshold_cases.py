"""Benchmark 1's cases are what they claim to be: evaluating one through the app gives the rules
engine's own answer for the same synthetic complaints, and the engine's count-only path agrees
with the full evaluation. No timings here."""

from __future__ import annotations

import pytest

from bench.b1_threshold import CaseBuilder, confirmed_rules, evaluate_from_database, interleaved
from bench.synthetic import APPLICATION_DATE, complaints
from casereview.rules import (
    REFERENCE_PROCEDURE,
    STATUTORY_DEFAULTS,
    Complaint,
    LocalPolicy,
    ReportWindow,
    evaluate_threshold,
)
from casereview.rules.threshold import count_qualifying


def engine_input(
    built_index_by_pk: dict[int, int], wanted: dict[int, bool], n: int, seed: int
) -> list[Complaint]:
    """The synthetic complaints as the app loads them: ids are row keys, ordered by report date
    then key, only those ``wanted`` says."""
    synthetic = complaints(n, seed=seed)
    rows = [(synthetic[index], pk) for pk, index in built_index_by_pk.items() if wanted[pk]]
    rows.sort(key=lambda pair: (pair[0].reported_date, pair[1]))
    return [
        Complaint(
            id=str(pk),
            behaviour_date=item.behaviour_date,
            reported_date=item.reported_date,
            agency=item.agency,
            incident=item.incident,
            kind=item.kind,
        )
        for item, pk in rows
    ]


@pytest.mark.django_db
def test_a_built_case_evaluates_as_the_engine_evaluates_its_synthetic_complaints() -> None:
    built = CaseBuilder(seed=7).case(400)
    evaluation = evaluate_from_database(built.case_id)

    confirmed_only = evaluate_threshold(
        APPLICATION_DATE,
        engine_input(built.index_by_pk, built.confirmed_by_pk, 400, 7),
        REFERENCE_PROCEDURE,
    )
    everything = evaluate_threshold(
        APPLICATION_DATE,
        engine_input(built.index_by_pk, dict.fromkeys(built.index_by_pk, True), 400, 7),
        REFERENCE_PROCEDURE,
    )

    assert evaluation.result == confirmed_only
    assert evaluation.if_all_confirmed.qualifying_count == everything.qualifying_count
    assert evaluation.if_all_confirmed.threshold_met == everything.threshold_met
    assert len(evaluation.unconfirmed) == sum(not c for c in built.confirmed_by_pk.values()) > 0
    assert confirmed_only.qualifying_count > 0
    assert any(o.same_as for o in confirmed_only.complaints)  # shared incidents and days
    assert any(o.reasons and not o.same_as for o in confirmed_only.complaints)  # late, diary


@pytest.mark.django_db
def test_the_benchmark_times_the_engine_on_exactly_what_the_app_passes_it() -> None:
    built = CaseBuilder(seed=8).case(200)
    evaluation = evaluate_from_database(built.case_id)

    assert (
        evaluate_threshold(APPLICATION_DATE, confirmed_rules(built.case_id), REFERENCE_PROCEDURE)
        == evaluation.result
    )


@pytest.mark.parametrize(
    "policy",
    [
        REFERENCE_PROCEDURE,
        STATUTORY_DEFAULTS,
        LocalPolicy(
            threshold=2, same_day_is_same_occasion=False, report_within=ReportWindow(days=7)
        ),
    ],
)
@pytest.mark.parametrize("n", [0, 1, 50, 2_000])
def test_counting_only_gives_the_full_evaluations_verdict_and_count(
    policy: LocalPolicy, n: int
) -> None:
    items = complaints(n, seed=n)
    full = evaluate_threshold(APPLICATION_DATE, items, policy)
    counted = count_qualifying(APPLICATION_DATE, items, policy)

    assert (counted.threshold_met, counted.threshold, counted.qualifying_count) == (
        full.threshold_met,
        full.threshold,
        full.qualifying_count,
    )


def test_sizes_are_timed_in_turn_or_each_after_an_untimed_call_of_its_own() -> None:
    calls: list[str] = []
    sizes = {1: lambda: calls.append("small"), 2: lambda: calls.append("large")}

    in_turn = interleaved(sizes, 2)
    assert calls == ["small", "large"] + ["small", "large"] * 2  # a warm-up round, then rounds
    assert [len(timing.runs_ms) for timing in in_turn.values()] == [2, 2]

    calls.clear()
    interleaved(sizes, 2, each_after_itself=True)
    assert calls == ["small", "large"] + ["small", "small", "large", "large"] * 2
