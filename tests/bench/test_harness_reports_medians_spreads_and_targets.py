"""The benchmark harness: what every figure in bench/results.json is made of."""

from __future__ import annotations

import gc

import pytest

from bench.harness import Result, Target, Timing, peak_memory_mib, reset_peak_memory, time_runs


def test_the_median_and_spread_are_those_of_the_runs() -> None:
    timing = Timing((5.0, 1.0, 3.0, 2.0, 4.0))

    assert timing.median == 3.0
    assert timing.spread == {"min": 1.0, "p25": 2.0, "p75": 4.0, "max": 5.0}


def test_a_single_run_has_no_spread_beyond_itself() -> None:
    assert Timing((7.0,)).spread == {"min": 7.0, "p25": 7.0, "p75": 7.0, "max": 7.0}


def test_targets_are_met_on_the_right_side_of_their_value() -> None:
    at_most = Target("<=", 5, "ms")
    at_least = Target(">=", 10_000, "rows/s")

    assert at_most.met_by(5)
    assert not at_most.met_by(5.01)
    assert at_least.met_by(10_000)
    assert not at_least.met_by(9_999)
    assert str(at_least) == ">= 10000 rows/s"


def test_time_runs_warms_up_then_times_each_repeat_with_the_collector_off() -> None:
    calls: list[bool] = []

    def call() -> None:
        calls.append(gc.isenabled())

    timing = time_runs(call, repeats=4, warmup=2)

    assert len(calls) == 6
    assert calls[:2] == [True, True]  # warm-up calls are not timed
    assert calls[2:] == [False] * 4
    assert len(timing.runs_ms) == 4
    assert all(run >= 0 for run in timing.runs_ms)
    assert gc.isenabled()


def test_the_collector_is_back_on_when_a_timed_call_fails() -> None:
    def call() -> None:
        raise RuntimeError("broken")

    with pytest.raises(RuntimeError):
        time_runs(call, repeats=1, warmup=0)
    assert gc.isenabled()


def test_a_result_is_missed_when_any_of_its_targets_is_missed() -> None:
    within = Result(
        id="b2.check",
        title="check",
        figure=900.0,
        unit="ms",
        target=Target("<=", 20_000, "ms"),
        baseline_name="duckdb",
        baseline_figure=400.0,
        ratio_target=Target("<=", 3, "x"),
        peak_memory_mib=300.0,
        memory_target_mib=1024,
    )
    too_slow_for_the_baseline = Result(**{**within.__dict__, "baseline_figure": 200.0})
    too_big = Result(**{**within.__dict__, "peak_memory_mib": 2048.0})

    assert within.ratio == pytest.approx(2.25)
    assert within.met
    assert not too_slow_for_the_baseline.met  # 4.5 x the baseline
    assert not too_big.met


def test_a_result_without_a_baseline_has_no_ratio() -> None:
    result = Result(
        id="b5.pdf", title="PDF", figure=80.0, unit="ms", target=Target("<=", 100, "ms")
    )

    assert result.ratio is None
    assert result.as_dict()["baseline"] is None
    assert result.as_dict()["met"] is True


def test_as_dict_carries_the_runs_and_spread_of_a_timed_figure() -> None:
    result = Result(
        id="b1.threshold.1000",
        title="threshold",
        figure=3.0,
        unit="ms",
        timing=Timing((2.0, 3.0, 4.0)),
    )

    data = result.as_dict()

    assert data["runs"] == 3
    assert data["median_ms"] == 3.0
    assert data["spread_ms"]["min"] == 2.0
    assert data["spread_ms"]["max"] == 4.0


def test_peak_memory_follows_an_allocation_and_starts_again_after_a_reset() -> None:
    reset_peak_memory()
    before = peak_memory_mib()
    block = bytearray(200 * 1024 * 1024)  # 200 MiB, touched so that it is resident
    for index in range(0, len(block), 4096):
        block[index] = 1
    during = peak_memory_mib()
    del block
    gc.collect()
    reset_peak_memory()
    after = peak_memory_mib()

    assert during >= before + 150
    assert after < during - 150
