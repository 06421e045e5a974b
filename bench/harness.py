"""What every benchmark shares: timing several runs, the spread, peak memory, and the result
record that ``make bench`` gathers into ``bench/results.json`` and the summary.

A benchmark module (``bench/b<N>_<name>.py``) is run by the orchestrator (``python -m bench``) in
a process of its own, so that its peak memory is its own and its Django settings (which database)
are its own:

    python -m bench.b2_repeat_victims --database-url URL --manifest M.json --out fragment.json

Each module has ``main(argv) -> int`` parsing ``common_arguments`` and writing its results with
``write_fragment``. Times are in milliseconds unless a result says otherwise.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import os
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

Op = Literal["<=", ">="]


@dataclass(frozen=True)
class Timing:
    """Several runs of one thing: every run, in milliseconds."""

    runs_ms: tuple[float, ...]

    @property
    def median(self) -> float:
        return statistics.median(self.runs_ms)

    @property
    def spread(self) -> dict[str, float]:
        """Minimum, quartiles and maximum: the spread reported beside every median."""
        ordered = sorted(self.runs_ms)
        if len(ordered) >= 2:
            q1, _, q3 = statistics.quantiles(ordered, n=4, method="inclusive")
        else:
            q1 = q3 = ordered[0]
        return {"min": ordered[0], "p25": q1, "p75": q3, "max": ordered[-1]}


def time_once(call: Callable[[], object], *, collect: bool = True) -> float:
    """Milliseconds of one call, with the cyclic garbage collector off while it runs (its passes
    depend on the whole heap of the process, not on the code measured, as ``timeit`` says); with
    ``collect`` a ``gc.collect()`` first, so that every run starts from the same heap."""
    if collect:
        gc.collect()
    gc.disable()
    try:
        started = time.perf_counter()
        call()
        return (time.perf_counter() - started) * 1000
    finally:
        gc.enable()


def time_runs(
    call: Callable[[], object],
    *,
    repeats: int,
    warmup: int = 1,
    collect: bool = True,
) -> Timing:
    """Time ``call`` ``repeats`` times (``time_once``) after ``warmup`` untimed calls."""
    for _ in range(warmup):
        call()
    return Timing(tuple(time_once(call, collect=collect) for _ in range(repeats)))


def reset_peak_memory() -> None:
    """Start a new peak-memory window for this process (Linux: clear_refs 5 resets VmHWM)."""
    # Not Linux, or not allowed: the peak then spans the whole run.
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")


def peak_memory_mib() -> float:
    """This process's peak resident memory since start or the last reset, in MiB."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:  # pragma: no cover
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@dataclass(frozen=True)
class Target:
    op: Op
    value: float
    unit: str

    def met_by(self, figure: float) -> bool:
        return figure <= self.value if self.op == "<=" else figure >= self.value

    def __str__(self) -> str:
        return f"{self.op} {self.value:g} {self.unit}"


@dataclass
class Result:
    """One figure of one benchmark, with its target and (where the issue asks) its baseline.

    ``figure`` is what the target is about (a median, a p95, a rate); ``timing`` gives its runs
    and spread where it is a median of timed runs. ``ratio`` is ``figure / baseline_figure``,
    compared with ``ratio_target`` (for rates: ours over the baseline's)."""

    id: str
    title: str
    figure: float
    unit: str
    target: Target | None = None
    database: str | None = None
    timing: Timing | None = None
    peak_memory_mib: float | None = None
    memory_target_mib: float | None = None
    baseline_name: str | None = None
    baseline_figure: float | None = None
    ratio_target: Target | None = None
    details: dict[str, Any] = field(default_factory=dict)
    notes: str = ""

    @property
    def ratio(self) -> float | None:
        if self.baseline_figure in (None, 0):
            return None
        assert self.baseline_figure is not None
        return self.figure / self.baseline_figure

    @property
    def met(self) -> bool:
        checks = []
        if self.target is not None:
            checks.append(self.target.met_by(self.figure))
        if self.ratio_target is not None and self.ratio is not None:
            checks.append(self.ratio_target.met_by(self.ratio))
        if self.memory_target_mib is not None and self.peak_memory_mib is not None:
            checks.append(self.peak_memory_mib <= self.memory_target_mib)
        return all(checks)

    def as_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id,
            "title": self.title,
            "database": self.database,
            "figure": round(self.figure, 3),
            "unit": self.unit,
            "target": asdict(self.target) if self.target else None,
            "met": self.met,
            "peak_memory_mib": (
                round(self.peak_memory_mib, 1) if self.peak_memory_mib is not None else None
            ),
            "memory_target_mib": self.memory_target_mib,
            "baseline": (
                {"name": self.baseline_name, "figure": round(self.baseline_figure, 3)}
                if self.baseline_figure is not None
                else None
            ),
            "ratio": round(self.ratio, 3) if self.ratio is not None else None,
            "ratio_target": asdict(self.ratio_target) if self.ratio_target else None,
            "details": self.details,
            "notes": self.notes,
        }
        if self.timing is not None:
            data["runs"] = len(self.timing.runs_ms)
            data["median_ms"] = round(self.timing.median, 3)
            data["spread_ms"] = {k: round(v, 3) for k, v in self.timing.spread.items()}
        return data


def common_arguments(description: str | None, prog: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=prog, description=description)
    parser.add_argument("--database-url", help="the generated national data set to use")
    parser.add_argument("--manifest", type=Path, help="the data set's manifest (JSON)")
    parser.add_argument("--out", type=Path, help="write the results here as JSON")
    parser.add_argument("--repeats", type=int, default=7, help="timed runs per figure")
    parser.add_argument(
        "--quick", action="store_true", help="fewer runs and smaller sizes, to try a change"
    )
    return parser


def read_manifest(path: Path | None) -> dict[str, Any]:
    if path is None:
        return {}
    loaded: dict[str, Any] = json.loads(path.read_text())
    return loaded


def write_fragment(path: Path | None, results: Sequence[Result]) -> None:
    """Print each result and, with ``path``, write them for the orchestrator."""
    for result in results:
        verdict = "met" if result.met else "MISSED"
        ratio = f", ratio {result.ratio:.2f}" if result.ratio is not None else ""
        say(
            f"{result.id}: {result.figure:,.2f} {result.unit} "
            f"(target {result.target or '-'}{ratio}) {verdict}"
        )
    if path is not None:
        path.write_text(json.dumps([result.as_dict() for result in results], indent=2))


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def setup_django(database_url: str | None, *, migrate: bool = False) -> None:
    """Point Django at ``database_url`` with production-like settings (DEBUG off) and set up."""
    if database_url:
        os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "casereview.settings")
    os.environ.setdefault("SECRET_KEY", "bench-only-secret-key-not-used-anywhere-else-0123456789")
    os.environ.setdefault("DEBUG", "0")
    os.environ.setdefault("EMAIL_HOST", "127.0.0.1")  # required with DEBUG off; never used here
    os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost")
    import django

    django.setup()
    if migrate:
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
