"""The national data set generator: every area of England and Wales on one service, a year of
incidents from their police forces, councils and housing providers, and five years of cases.

    .venv/bin/python -m bench.national --database-url sqlite:///var/bench/x.sqlite3 \\
        --scale 0.02 --seed 2014 --manifest var/bench/x.json --fresh

``bench.dataset`` runs it (a process of its own) and reuses what it made while
``GENERATOR_VERSION``, the seed, the scale and the migrations stay the same.

At scale 1.0: the 318 areas of the directory (areas never scale), about 1,000,000 incidents over
the year before ``TODAY`` and about 75,000 cases over the five years before it, in every status.
Same seed and scale, same rows: every value comes from a seeded ``random.Random`` or from the
fixed ``TODAY``, never from the clock. Phases (each timed in the manifest):

1. ``bench.national_areas``: the directory, each area on the service with a policy (some varied),
   relevant bodies and staff;
2. ``bench.national_incidents``: incidents and partner victims, duplicates and repeat victims;
3. ``bench.national_cases``: case templates built through the real services, then cloned across
   areas and dates with remapped keys;
4. the sample the web benchmark signs in with (a coordinator with a known TOTP key), ANALYZE,
   and the manifest.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import logging
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

# Bump whenever the generated data changes shape: bench.dataset then makes the data set again.
GENERATOR_VERSION = 3

# The data set's own today: the last day of the 2025-26 financial year (the statistics year runs
# April to March, casereview.publishing.periods), so that year is complete in the data.
TODAY = dt.date(2026, 3, 31)
STATISTICS_YEAR = (dt.date(2025, 4, 1), dt.date(2026, 3, 31))
CASE_YEARS = 5
DEFAULT_SEED = 2014

# The sample coordinator's second factor: a fixed TOTP key (hex), so the web benchmark can
# compute codes and sign in for real.
SAMPLE_TOTP_KEY = hashlib.sha1(b"casereview-bench-national-totp", usedforsecurity=False).hexdigest()


def say(message: str) -> None:
    print(f"[national] {message}", file=sys.stderr, flush=True)


class Phases:
    """Seconds spent in each phase, for the manifest."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self.started = time.perf_counter()

    def run(self, name: str, call: Callable[[], Any]) -> Any:
        began = time.perf_counter()
        say(f"{name}...")
        result = call()
        self.seconds[name] = round(time.perf_counter() - began, 2)
        say(f"{name}: {self.seconds[name]:.1f} s")
        return result

    @property
    def total(self) -> float:
        return round(time.perf_counter() - self.started, 2)


def drop_everything(url: str) -> None:
    """--fresh: an SQLite file is deleted; a PostgreSQL database's public schema is dropped and
    made again (the database itself stays, with its owner and grants)."""
    parts = urlsplit(url)
    if parts.scheme.startswith("sqlite"):
        path = Path(url.split("sqlite:///", 1)[1]) if "sqlite:///" in url else None
        if path is not None:
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
            path.parent.mkdir(parents=True, exist_ok=True)
        return
    import psycopg

    with psycopg.connect(url.replace("postgres://", "postgresql://", 1), autocommit=True) as c:
        c.execute("DROP SCHEMA public CASCADE")
        c.execute("CREATE SCHEMA public")


def quiet() -> None:
    """Only warnings from the libraries the case templates run (the PDF renderer and the task
    runner log every step)."""
    for name in ("weasyprint", "fontTools", "django_tasks", "casereview", "django"):
        logging.getLogger(name).setLevel(logging.WARNING)


def bulk_load_mode(*, on: bool) -> None:
    """SQLite: while generating, a rollback journal and no syncing (in WAL mode every page of
    the big load transactions would be written twice: to the WAL, then by the checkpoint); the
    data set is made again from scratch if the process dies. Back to WAL after, as the service
    runs it."""
    from django.db import connection

    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        if on:
            cursor.execute("PRAGMA journal_mode=DELETE")
            cursor.execute("PRAGMA synchronous=OFF")
        else:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")


def table_counts() -> dict[str, int]:
    from django.db import connection

    counts = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names()):
            cursor.execute(f'SELECT COUNT(*) FROM "{table}"')  # nosec B608 - introspected name
            counts[table] = int(cursor.fetchone()[0])
    return counts


def database_size() -> int:
    from django.conf import settings
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_database_size(current_database())")
            return int(cursor.fetchone()[0])
    name = Path(str(settings.DATABASES["default"]["NAME"]))
    return sum(
        Path(f"{name}{suffix}").stat().st_size
        for suffix in ("", "-wal")
        if Path(f"{name}{suffix}").exists()
    )


def analyze() -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        cursor.execute("ANALYZE")


def make_sample(
    areas: list[Any], per_area_cases: dict[int, int], incidents: dict[int, int]
) -> dict[str, Any]:
    """A typical area (near the median of cases and incidents) with a coordinator who can sign
    in with a password and a TOTP code, an open case with a long history and a few letters."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from bench.national_areas import BENCH_PASSWORD
    from bench.national_cases import sample_case
    from casereview.accounts.models import User
    from casereview.cases.models import Case
    from casereview.cases.workflow import OPEN_STATUSES

    def rank(values: dict[int, int]) -> dict[int, float]:
        ordered = sorted(values, key=lambda key: (values[key], key))
        return {key: index / max(1, len(ordered) - 1) for index, key in enumerate(ordered)}

    case_rank = rank(per_area_cases)
    incident_rank = rank(incidents)
    with_open = set(Case.objects.filter(status__in=OPEN_STATUSES).values_list("area_id", flat=True))
    chosen = min(
        [area for area in areas if area.id in with_open] or areas,
        key=lambda area: (
            abs(case_rank.get(area.id, 0.5) - 0.5) + abs(incident_rank.get(area.id, 0.5) - 0.5),
            area.gss_code,
        ),
    )
    user = User.objects.get(pk=chosen.coordinator_id)
    TOTPDevice.objects.filter(user=user).delete()
    TOTPDevice.objects.create(
        user=user,
        name="bench authenticator",
        key=SAMPLE_TOTP_KEY,
        confirmed=True,
        created_at=dt.datetime.combine(TODAY, dt.time(9), tzinfo=dt.UTC),
    )
    sample: dict[str, Any] = {
        "area_id": chosen.id,
        "area_slug": chosen.slug,
        "area_name": chosen.name,
        "area_gss_code": chosen.gss_code,
        "coordinator_id": user.pk,
        "coordinator_email": user.email,
        "coordinator_password": BENCH_PASSWORD,
        "totp_key_hex": SAMPLE_TOTP_KEY,
        "totp": {"digits": 6, "step": 30, "t0": 0, "algorithm": "sha1"},
        "incidents": incidents.get(chosen.id, 0),
        "cases": per_area_cases.get(chosen.id, 0),
    }
    sample.update(sample_case(chosen.id))
    return sample


def generate(
    *, scale: float, seed: int, say: Callable[[str], None] = say, phases: Phases | None = None
) -> dict[str, Any]:
    """Generate the data set into the current (migrated, empty) database; return the manifest
    (without ``seconds`` and ``size_bytes``, which the command adds)."""
    from django.db import transaction

    from bench.national_areas import make_areas
    from bench.national_cases import make_cases
    from bench.national_incidents import WINDOW_DAYS, make_incidents
    from bench.national_write import Writer

    phases = phases or Phases()
    with transaction.atomic():
        writer = Writer()
        areas, area_counts = phases.run("areas", lambda: make_areas(writer, seed, say))
        incidents = phases.run(
            "incidents",
            lambda: make_incidents(writer, areas, scale=scale, seed=seed, today=TODAY, say=say),
        )
    cases = phases.run(
        "cases",
        lambda: make_cases(
            areas,
            scale=scale,
            seed=seed,
            today=TODAY,
            years=CASE_YEARS,
            top_people=incidents.top_people,
            say=say,
        ),
    )
    sample = phases.run("sample", lambda: make_sample(areas, cases.per_area, incidents.per_area))
    phases.run("analyze", analyze)

    counts = table_counts()
    by_status = _cases_by_status()
    manifest: dict[str, Any] = {
        "generator_version": GENERATOR_VERSION,
        "seed": seed,
        "scale": scale,
        "today": TODAY.isoformat(),
        "incidents_window": [
            (TODAY - dt.timedelta(days=WINDOW_DAYS - 1)).isoformat(),
            TODAY.isoformat(),
        ],
        "cases_window": [cases.first_received.isoformat(), TODAY.isoformat()],
        "statistics_year": [STATISTICS_YEAR[0].isoformat(), STATISTICS_YEAR[1].isoformat()],
        "statistics_period": "2025-26",
        "counts": {
            "areas": area_counts["areas"],
            "agencies": counts["areas_agency"],
            "relevant_bodies": counts["areas_areaagency"],
            "users": counts["accounts_user"],
            "incidents": counts["partners_incident"],
            "partner_victims": counts["partners_partnervictim"],
            "incident_links": counts["partners_incidentlink"],
            "victim_links": counts["partners_victimlink"],
            "cases": counts["cases_case"],
            "cases_by_status": by_status,
            "open_cases": sum(
                n
                for s, n in by_status.items()
                if s not in ("closed", "withdrawn", "not_suitable", "declined")
            ),
            "complaints": counts["cases_complaint"],
            "letters": counts["letters_letter"],
            "events": counts["cases_caseevent"],
            "deadlines": counts["cases_deadline"],
            "information_requests": counts["partners_informationrequest"],
            "information_responses": counts["partners_informationresponse"],
            "meetings": counts["reviews_meeting"],
            "appeals": counts["appeals_appeal"],
        },
        "tables": counts,
        "policy_variants": cases.variants,
        "cloning": cases.notes,
        "sample": sample,
        "phase_seconds": phases.seconds,
    }
    return manifest


def _cases_by_status() -> dict[str, int]:
    from django.db.models import Count

    from casereview.cases.models import Case

    rows = Case.objects.order_by().values("status").annotate(n=Count("id"))
    return {row["status"]: row["n"] for row in sorted(rows, key=lambda r: r["status"])}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.national", description=__doc__)
    parser.add_argument("--database-url", required=True, help="SQLite file or PostgreSQL db")
    parser.add_argument("--scale", type=float, default=1.0, help="1.0: the national data set")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--manifest", type=Path, required=True, help="write the manifest here")
    parser.add_argument(
        "--fresh", action="store_true", help="start from an empty database (drops everything)"
    )
    options = parser.parse_args(argv)
    if not 0 < options.scale <= 10:
        parser.error("--scale must be above 0 and at most 10")

    phases = Phases()
    if options.fresh:
        phases.run("fresh", lambda: drop_everything(options.database_url))
    from bench import harness

    phases.run("migrate", lambda: harness.setup_django(options.database_url, migrate=True))
    quiet()
    bulk_load_mode(on=True)
    manifest = generate(scale=options.scale, seed=options.seed, phases=phases)
    bulk_load_mode(on=False)
    manifest["seconds"] = phases.total
    manifest["size_bytes"] = database_size()
    from django.db import connection

    manifest["database"] = connection.vendor
    options.manifest.parent.mkdir(parents=True, exist_ok=True)
    options.manifest.write_text(json.dumps(manifest, indent=2))
    counts = manifest["counts"]
    say(
        f"done in {manifest['seconds']:.0f} s, {manifest['size_bytes'] / 2**20:,.0f} MiB: "
        f"{counts['areas']} areas, {counts['incidents']:,} incidents, "
        f"{counts['cases']:,} cases, {counts['letters']:,} letters -> {options.manifest}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
