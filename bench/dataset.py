"""The national data set the benchmarks run on: made by ``bench.national`` (the generator) into an
SQLite file under ``var/bench/`` or a PostgreSQL database of its own, and kept between runs.

A data set is reused when its manifest says it was made by the same generator version, seed and
scale over the same migrations; otherwise it is made again (``--rebuild`` forces that). Making it
runs in a process of its own, so its time and memory are not the benchmarks'.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess  # nosec B404 - runs this project's own generator
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
VAR = ROOT / "var" / "bench"


@dataclass(frozen=True)
class DataSet:
    vendor: str  # "sqlite" or "postgresql"
    url: str
    manifest_path: Path

    @property
    def manifest(self) -> dict[str, Any]:
        loaded: dict[str, Any] = json.loads(self.manifest_path.read_text())
        return loaded


def schema_fingerprint() -> str:
    """A digest of every migration file's name and content: a new migration means a new data set."""
    digest = hashlib.sha256()
    for path in sorted((ROOT / "casereview").glob("*/migrations/0*.py")):
        digest.update(str(path.relative_to(ROOT)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _wanted(scale: float, seed: int) -> dict[str, Any]:
    from bench.national import GENERATOR_VERSION

    return {
        "generator_version": GENERATOR_VERSION,
        "seed": seed,
        "scale": scale,
        "schema": schema_fingerprint(),
    }


def _fresh(manifest_path: Path, wanted: dict[str, Any]) -> bool:
    if not manifest_path.exists():
        return False
    try:
        made = json.loads(manifest_path.read_text()).get("made_with", {})
    except (OSError, ValueError):
        return False
    return bool(made == wanted)


def _only_the_schema_differs(manifest_path: Path, wanted: dict[str, Any]) -> bool:
    """Made by the same generator, seed and scale, over older migrations: such a data set is
    brought forward by migrating it, as a database in service would be, instead of made again."""
    try:
        made = json.loads(manifest_path.read_text()).get("made_with", {})
    except (OSError, ValueError):
        return False
    same = ("generator_version", "seed", "scale")
    return bool(made) and all(made.get(key) == wanted[key] for key in same)


def migrate_forward(url: str) -> None:
    """Apply the migrations the data set lacks, then refresh the planner's statistics."""
    from bench.harness import setup_django

    setup_django(url, migrate=True)
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def ensure(
    vendor: str,
    *,
    scale: float,
    seed: int,
    postgres_url: str | None = None,
    rebuild: bool = False,
) -> DataSet:
    """The data set on ``vendor``, made now unless a fresh one is already there."""
    VAR.mkdir(parents=True, exist_ok=True)
    label = f"national-{vendor}-s{scale:g}-{seed}"
    manifest_path = VAR / f"{label}.json"
    if vendor == "sqlite":
        path = VAR / f"{label}.sqlite3"
        url = f"sqlite:///{path}"
    elif vendor == "postgresql":
        if not postgres_url:
            raise ValueError("a PostgreSQL data set needs --postgres-url")
        url = postgres_url
    else:
        raise ValueError(f"unknown database {vendor!r}: sqlite or postgresql")
    wanted = _wanted(scale, seed)
    if not rebuild and _fresh(manifest_path, wanted):
        _say(f"data set: reusing {label} ({manifest_path})")
        return DataSet(vendor, url, manifest_path)
    if not rebuild and _only_the_schema_differs(manifest_path, wanted):
        _say(f"data set: migrating {label} to the current schema")
        command = [sys.executable, "-m", "bench.dataset", "migrate", url]
        subprocess.run(command, check=True, cwd=ROOT, env=dict(os.environ))  # nosec B603
        manifest = json.loads(manifest_path.read_text())
        manifest.setdefault("migrated_from", []).append(manifest["made_with"]["schema"])
        manifest["made_with"] = wanted
        manifest_path.write_text(json.dumps(manifest, indent=2))
        return DataSet(vendor, url, manifest_path)
    _say(f"data set: making {label}; this takes minutes at full scale")
    manifest_path.unlink(missing_ok=True)
    command = [
        sys.executable,
        "-m",
        "bench.national",
        "--database-url",
        url,
        "--scale",
        f"{scale:g}",
        "--seed",
        str(seed),
        "--manifest",
        str(manifest_path),
        "--fresh",
    ]
    subprocess.run(command, check=True, cwd=ROOT, env=dict(os.environ))  # nosec B603
    manifest = json.loads(manifest_path.read_text())
    manifest["made_with"] = wanted
    manifest_path.write_text(json.dumps(manifest, indent=2))
    return DataSet(vendor, url, manifest_path)


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] != "migrate":
        sys.exit("usage: python -m bench.dataset migrate DATABASE_URL")
    migrate_forward(sys.argv[2])
