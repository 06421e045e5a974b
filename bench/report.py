"""Gather the benchmarks' results into ``bench/results.json`` and the readable ``summary.md``.

Results are merged by id with those already in ``results.json``, so that ``--only`` re-measures
some figures and keeps the rest; each result says when and at which commit it was measured.
The before-and-after records of what was fixed live in ``bench/fixes/*.toml`` and are copied
into both files.
"""

from __future__ import annotations

import contextlib
import json
import os
import platform
import sqlite3
import subprocess  # nosec B404 - asks git for the commit
import sys
import tomllib
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
FIXES = Path(__file__).parent / "fixes"


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _commit() -> str:
    try:
        found = subprocess.run(  # nosec B603 B607
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
        dirty = subprocess.run(  # nosec B603 B607
            # The benchmarks' own output files do not make the code under test a change.
            [
                "git",
                "status",
                "--porcelain",
                "--untracked-files=no",
                "--",
                ".",
                ":(exclude)bench/results.json",
                ":(exclude)bench/summary.md",
            ],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return found.stdout.strip() + ("+changes" if dirty.stdout.strip() else "")


def machine() -> dict[str, Any]:
    memory = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    return {
        "cpus": os.cpu_count(),
        "memory_gib": memory,
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "platform": platform.platform(),
    }


def fixes() -> list[dict[str, Any]]:
    """Every before-and-after record, in file then record order."""
    found: list[dict[str, Any]] = []
    for path in sorted(FIXES.glob("*.toml")):
        with path.open("rb") as handle:
            found.extend(tomllib.load(handle).get("fix", []))
    return found


def _merge(path: Path, new: list[dict[str, Any]]) -> list[dict[str, Any]]:
    kept: dict[str, dict[str, Any]] = {}
    if path.exists():
        try:
            for old in json.loads(path.read_text()).get("results", []):
                kept[_key(old)] = old
        except (OSError, ValueError):
            pass
    for result in new:
        kept[_key(result)] = result
    return list(kept.values())


def _key(result: dict[str, Any]) -> str:
    return f"{result['id']}@{result.get('database') or '-'}"


def _figure(value: float | None, unit: str = "") -> str:
    if value is None:
        return "-"
    text = f"{value:,.0f}" if abs(value) >= 100 else f"{value:,.2f}"
    return f"{text} {unit}".strip()


def _target(target: dict[str, Any] | None) -> str:
    if not target:
        return "-"
    return f"{target['op']} {target['value']:g} {target['unit']}".strip()


def summary(data: dict[str, Any]) -> str:
    lines = ["# Benchmark results", ""]
    meta = data["machine"]
    lines.append(
        f"Written {data['written_at']} at commit {data['commit']} on {meta['cpus']} CPUs, "
        f"{meta['memory_gib']} GiB, Python {meta['python']}, SQLite {meta['sqlite']}. "
        "Each figure is the median of several runs (spread: min / p25 / p75 / max); "
        "targets are the issue's, for a two-core machine."
    )
    lines.append("")
    if data["datasets"]:
        lines += ["## Data sets", ""]
        lines.append("| database | areas | incidents | cases | letters | events | made in | size |")
        lines.append("|---|---:|---:|---:|---:|---:|---:|---:|")
        for vendor, manifest in sorted(data["datasets"].items()):
            counts = manifest.get("counts", {})
            lines.append(
                f"| {vendor} | {counts.get('areas', '-'):,} | {counts.get('incidents', 0):,} | "
                f"{counts.get('cases', 0):,} | {counts.get('letters', 0):,} | "
                f"{counts.get('events', 0):,} | {manifest.get('seconds', 0):,.0f} s | "
                f"{manifest.get('size_bytes', 0) / 1024**2:,.0f} MiB |"
            )
        lines.append("")
    lines += ["## Figures", ""]
    lines.append(
        "| benchmark | database | figure | target | baseline | ratio | ratio target | "
        "spread (ms) | peak MiB | met |"
    )
    lines.append("|---|---|---:|---|---:|---:|---|---|---:|---|")
    for result in sorted(data["results"], key=lambda r: (r["id"], r.get("database") or "")):
        spread = result.get("spread_ms")
        spread_text = (
            " / ".join(f"{spread[k]:,.1f}" for k in ("min", "p25", "p75", "max")) if spread else "-"
        )
        baseline = result.get("baseline")
        lines.append(
            f"| {result['title']} | {result.get('database') or '-'} | "
            f"{_figure(result['figure'], result['unit'])} | {_target(result.get('target'))} | "
            f"{_figure(baseline['figure']) if baseline else '-'} | "
            f"{_figure(result.get('ratio'))} | {_target(result.get('ratio_target'))} | "
            f"{spread_text} | {_figure(result.get('peak_memory_mib'))} | "
            f"{'yes' if result['met'] else '**no**'} |"
        )
    lines.append("")
    notes = [r for r in data["results"] if r.get("notes")]
    if notes:
        lines += ["## Notes", ""]
        for result in notes:
            lines.append(
                f"- **{result['title']}** ({result.get('database') or '-'}): {result['notes']}"
            )
        lines.append("")
    if data["fixes"]:
        lines += ["## Fixed after profiling (before → after)", ""]
        for fix in data["fixes"]:
            lines.append(
                f"- **{fix.get('benchmark', '?')}**: {fix.get('cause', '')} "
                f"Fix: {fix.get('change', '')} Before: {fix.get('before', '?')}; "
                f"after: {fix.get('after', '?')}."
            )
        lines.append("")
    if data["failures"]:
        lines += ["## Did not run to the end", ""]
        lines += [f"- {failure}" for failure in data["failures"]]
        lines.append("")
    return "\n".join(lines)


def write(
    results: list[dict[str, Any]],
    *,
    datasets: dict[str, dict[str, Any]],
    failures: list[str],
    seconds: float,
    results_path: Path,
    summary_path: Path,
) -> str:
    now = datetime.now(UTC).replace(microsecond=0).isoformat()
    commit = _commit()
    for result in results:
        result.setdefault("measured_at", now)
        result.setdefault("commit", commit)
    previous_datasets: dict[str, Any] = {}
    if results_path.exists():
        with contextlib.suppress(OSError, ValueError):
            previous_datasets = json.loads(results_path.read_text()).get("datasets", {})
    data = {
        "written_at": now,
        "commit": commit,
        "seconds": round(seconds, 1),
        "machine": machine(),
        "datasets": {**previous_datasets, **datasets},
        "results": _merge(results_path, results),
        "fixes": fixes(),
        "failures": failures,
    }
    results_path.write_text(json.dumps(data, indent=2) + "\n")
    text = summary(data)
    summary_path.write_text(text + "\n")
    return text
