"""``make bench``: make (or reuse) the national data set, run every benchmark in a process of its
own, and write ``bench/results.json`` and the readable ``bench/summary.md``.

    python -m bench                                  # everything, SQLite and PostgreSQL
    python -m bench --only b2_repeat_victims,b5_letters
    python -m bench --no-postgres                    # SQLite only
    python -m bench --scale 0.05 --quick             # a small data set, fewer runs: to try a change

Targets are for the two-core machine described in the issue; see bench/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess  # nosec B404 - runs this project's own benchmark modules
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from bench import dataset, report

# (module, database, what it runs on). "national": the generated data set, read only;
# "scratch": an empty migrated database of its own; None: no database.
PLAN: tuple[tuple[str, str | None, str | None], ...] = (
    ("b1_threshold", "sqlite", "scratch"),
    ("b2_repeat_victims", "sqlite", "national"),
    ("b2_repeat_victims", "postgresql", "national"),
    ("b3_import", "sqlite", "scratch"),
    ("b3_import", "postgresql", "scratch"),
    ("b4_web", "sqlite", "national"),
    ("b5_letters", "sqlite", "national"),
)
DEFAULT_POSTGRES = "postgres://casereview:casereview@127.0.0.1:5432/casereview_bench"


def _with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, f"/{name}", parts.query, parts.fragment))


def recreate_postgres_database(url: str) -> None:
    """Drop and create the database ``url`` names, connecting to the server's ``postgres``."""
    import psycopg
    from psycopg import sql

    name = urlsplit(url).path.lstrip("/")
    with psycopg.connect(_with_database(url, "postgres"), autocommit=True) as connection:
        connection.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def ensure_postgres_database(url: str) -> None:
    import psycopg
    from psycopg import sql

    name = urlsplit(url).path.lstrip("/")
    with psycopg.connect(_with_database(url, "postgres"), autocommit=True) as connection:
        found = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not found:
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--only", help="comma-separated modules, e.g. b1_threshold,b4_web")
    parser.add_argument("--no-postgres", action="store_true", help="run on SQLite only")
    parser.add_argument(
        "--postgres-url",
        default=os.environ.get("BENCH_POSTGRES_URL", DEFAULT_POSTGRES),
        help="a PostgreSQL database of the benchmarks' own (dropped and made again as needed)",
    )
    parser.add_argument("--scale", type=float, default=1.0, help="data set size (1.0: national)")
    parser.add_argument("--seed", type=int, default=2014)
    parser.add_argument("--rebuild", action="store_true", help="make the data sets again")
    parser.add_argument("--quick", action="store_true", help="fewer runs, to try a change")
    parser.add_argument("--results", type=Path, default=Path(__file__).parent / "results.json")
    parser.add_argument("--summary", type=Path, default=Path(__file__).parent / "summary.md")
    options = parser.parse_args(argv)
    if not 0 < options.scale <= 1:
        parser.error("--scale must be more than 0 and at most 1")
    only = {name.strip() for name in options.only.split(",")} if options.only else None
    known = {module for module, _, _ in PLAN}
    if only and not only <= known:
        parser.error(f"unknown benchmark(s): {', '.join(sorted(only - known))}")

    plan = [
        step
        for step in PLAN
        if (only is None or step[0] in only)
        and not (options.no_postgres and step[1] == "postgresql")
    ]
    started = time.perf_counter()
    datasets: dict[str, dataset.DataSet] = {}
    for kind in sorted({db for _, db, needs in plan if needs == "national" and db}):
        if kind == "postgresql":
            ensure_postgres_database(options.postgres_url)
        datasets[kind] = dataset.ensure(
            kind,
            scale=options.scale,
            seed=options.seed,
            postgres_url=options.postgres_url,
            rebuild=options.rebuild,
        )

    results: list[dict[str, Any]] = []
    failures: list[str] = []
    with tempfile.TemporaryDirectory(prefix="casereview-bench-") as folder:
        for module, vendor, needs in plan:
            out = Path(folder) / f"{module}-{vendor}.json"
            command = [sys.executable, "-m", f"bench.{module}", "--out", str(out)]
            if options.quick:
                command.append("--quick")
            if needs == "national" and vendor:
                picked = datasets[vendor]
                command += ["--database-url", picked.url, "--manifest", str(picked.manifest_path)]
            elif needs == "scratch" and vendor == "sqlite":
                command += ["--database-url", f"sqlite:///{folder}/{module}-scratch.sqlite3"]
            elif needs == "scratch" and vendor == "postgresql":
                scratch = _with_database(
                    options.postgres_url,
                    urlsplit(options.postgres_url).path.lstrip("/") + "_scratch",
                )
                recreate_postgres_database(scratch)
                command += ["--database-url", scratch]
            report.say(f"\n== {module}" + (f" on {vendor}" if vendor else ""))
            finished = subprocess.run(command, cwd=dataset.ROOT, check=False)  # nosec B603
            # A module that found something wrong (an error answer, two answers that disagree)
            # exits non-zero; whatever it measured before that is still reported beside it.
            if out.exists():
                results.extend(json.loads(out.read_text()))
            if finished.returncode != 0:
                failures.append(f"{module} ({vendor or 'no database'}): exit {finished.returncode}")

    written = report.write(
        results,
        datasets={vendor: chosen.manifest for vendor, chosen in datasets.items()},
        failures=failures,
        seconds=time.perf_counter() - started,
        results_path=options.results,
        summary_path=options.summary,
    )
    print(written)
    return 1 if failures else 0
