"""Time ``evaluate_threshold`` on synthetic sets of 1k, 10k and 100k complaints.

Reports the median of several runs for each size and its ratio to the 1k median measured in the
same run, next to the ratios that linear and n log n growth would give. Absolute times depend on
the machine; the ratios are what to compare between runs and commits.

Sizes are timed in interleaved rounds (1k, 10k, 100k, then again), so that a change in machine
load during the run affects every size alike. As with ``timeit``, the garbage collector is off
while a call is timed: the cyclic collector's passes depend on the whole heap of the process, not
on the algorithm being measured.
"""

from __future__ import annotations

import argparse
import gc
import math
import statistics
import time
from collections.abc import Sequence

from bench.synthetic import APPLICATION_DATE, complaints
from casereview.rules import REFERENCE_PROCEDURE, Complaint, evaluate_threshold

SIZES = (1_000, 10_000, 100_000)
# The largest ratio accepted as "n log n" growth: noise on a shared machine is easily 50%.
TOLERANCE = 1.5


def time_once(items: list[Complaint]) -> float:
    gc.collect()
    gc.disable()
    try:
        started = time.perf_counter()
        evaluate_threshold(APPLICATION_DATE, items, REFERENCE_PROCEDURE)
        return time.perf_counter() - started
    finally:
        gc.enable()


def medians(sizes: Sequence[int], repeats: int) -> dict[int, float]:
    sets = {n: complaints(n) for n in sizes}
    for items in sets.values():
        time_once(items)  # warm the caches
    timings: dict[int, list[float]] = {n: [] for n in sizes}
    for _ in range(repeats):
        for n, items in sets.items():
            timings[n].append(time_once(items))
    return {n: statistics.median(found) for n, found in timings.items()}


def n_log_n_ratio(n: int, base: int) -> float:
    return (n * math.log(n)) / (base * math.log(base))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--repeats", type=int, default=7, help="runs per size (default 7)")
    options = parser.parse_args(argv)
    if options.repeats < 1:
        parser.error("--repeats must be at least 1")

    base_n = SIZES[0]
    results = medians(SIZES, options.repeats)
    base = results[base_n]
    print(f"evaluate_threshold, median of {options.repeats} runs, reference procedure policy")
    header = f"{'n':>8}  {'median ms':>10}  {'ratio':>7}  {'n ratio':>8}  {'n log n ratio':>13}"
    print(header)
    print("-" * len(header))
    for n, seconds in results.items():
        print(
            f"{n:>8}  {seconds * 1000:>10.2f}  {seconds / base:>7.1f}  {n / base_n:>8.1f}  "
            f"{n_log_n_ratio(n, base_n):>13.1f}"
        )
    largest = SIZES[-1]
    bound = n_log_n_ratio(largest, base_n)
    ratio = results[largest] / base
    verdict = "within" if ratio <= bound * TOLERANCE else "ABOVE"
    print(
        f"\n{largest} / {base_n}: ratio {ratio:.1f}, {verdict} {TOLERANCE} x the n log n "
        f"ratio {bound:.1f}"
    )
    return 0
