"""Time the repeat-victim check (``casereview.partners.duties.repeat_victims``) over 10k, 100k and
1,000,000 incidents from three agencies.

    .venv/bin/python -m bench.repeat_victims                       # SQLite file in a temp dir
    .venv/bin/python -m bench.repeat_victims --sizes 10000,100000  # quicker
    .venv/bin/python -m bench.repeat_victims --database-url postgres://user@host/db  # an EMPTY db
    .venv/bin/python -m bench.repeat_victims --explain             # print the query plans

It migrates a fresh database with the project's migrations, then builds one area per size, each
with its council, police force and a housing association, and its incidents written in batches
(``bulk_create`` with explicit keys, so that the derived columns are set in one pass):

- about 0.3 victim records per incident, one person in ten known to two agencies (the records
  joined as one person, as confirmed matches leave them);
- victims' incident counts skewed (most report once or twice, a few many times);
- behaviour over eighteen months before the day of the check, most reported within days, a tail
  reported weeks late; one in ten a diary sheet; some incidents told to a second agency and
  linked as one occasion; a few people with an open case.

Each size is timed in interleaved rounds (10k, 100k, 1M, then again: load from other processes
falls on every size alike), median of ``--repeats`` runs, next to a same-run baseline: a plain
``COUNT(*)`` of the same area's incidents. Compare the ratios, not the milliseconds.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from typing import Any

SIZES = (10_000, 100_000, 1_000_000)
ON = date(2026, 3, 16)
BATCH = 5_000


def _setup_django(database_url: str) -> None:
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "casereview.settings")
    os.environ.setdefault("SECRET_KEY", "bench-only-secret-key-not-used-anywhere-else-0123456789")
    os.environ.setdefault("DEBUG", "0")
    os.environ.setdefault("EMAIL_HOST", "127.0.0.1")  # required with DEBUG off; never used here
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


class Builder:
    """Writes one area's synthetic data with explicit primary keys."""

    def __init__(self, seed: int) -> None:
        from casereview.partners.models import Incident, PartnerVictim

        self.rng = random.Random(seed)
        self.next_victim = (
            PartnerVictim.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        ) + 1
        self.next_incident = (
            Incident.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        ) + 1

    def area(self, n: int) -> Any:
        from casereview.areas.models import Agency, AgencyKind, Area, AreaAgency, AreaPolicy
        from casereview.rules import REFERENCE_PROCEDURE, policy_to_dict

        def agency(name: str, kind: str) -> Agency:
            return Agency.objects.create(code=f"bench-{n}-{kind}", name=name, kind=kind)

        council = agency(f"Benchshire {n} Council", AgencyKind.COUNCIL)
        police = agency(f"Benchshire {n} Police", AgencyKind.POLICE)
        housing = agency(f"Benchshire {n} Homes", AgencyKind.HOUSING)
        area = Area.objects.create(
            gss_code=f"E9{n % 10_000_000:07d}",
            la_code=f"B{len(str(n)):02d}",
            slug=f"benchshire-{n}",
            name=f"Benchshire {n}",
            official_name=f"Benchshire {n} District Council",
            nation="england",
            region="East of England",
            area_type="NMD",
            council=council,
            police_force=police,
            on_service=True,
        )
        for body in (council, police, housing):
            AreaAgency.objects.create(area=area, agency=body, relevant_body=True)
        AreaPolicy.objects.create(
            area=area, version=1, rules=policy_to_dict(REFERENCE_PROCEDURE), effective_from=ON
        )
        return area

    def fill(self, area: Any, n: int, progress: Callable[[int], None]) -> None:
        from casereview.areas.models import Agency, AreaPolicy
        from casereview.cases.models import Case, normalise_name, normalise_postcode
        from casereview.partners.models import Incident, PartnerVictim, months_late

        rng = self.rng
        agencies = list(Agency.objects.filter(area_agencies__area=area).order_by("pk"))
        people = max(1, int(n * 0.27))
        # Each person: one record, or (one in ten) a record at each of two agencies.
        records: list[PartnerVictim] = []
        person_records: list[list[int]] = []
        names: list[str] = []
        postcodes: list[str] = []
        for index in range(people):
            name = f"Person {index} {area.la_code}"
            postcode = (
                f"SG{index % 90 + 10} {index % 9}{'ABDEFGHJL'[index % 9]}{'NPQRSTU'[index % 7]}"
            )
            names.append(name)
            postcodes.append(postcode)
            count = 2 if rng.random() < 0.1 else 1
            chosen = rng.sample(agencies, count)
            ids = []
            for body in chosen:
                pk = self.next_victim
                self.next_victim += 1
                records.append(
                    PartnerVictim(
                        pk=pk,
                        area=area,
                        agency=body,
                        name=name,
                        postcode=postcode,
                        name_key=normalise_name(name),
                        postcode_key=normalise_postcode(postcode),
                        person_key=0,
                    )
                )
                ids.append(pk)
            for record in records[-count:]:
                record.person_key = ids[0]
            person_records.append(ids)
        for start in range(0, len(records), BATCH):
            PartnerVictim.objects.bulk_create(records[start : start + BATCH])
        agency_of = {r.pk: r.agency_id for r in records}

        first_day = ON - timedelta(days=540)
        made = 0
        batch: list[Incident] = []

        def add(victim_id: int, behaviour: date, reported: date, kind: str, group: int) -> int:
            pk = self.next_incident
            self.next_incident += 1
            batch.append(
                Incident(
                    pk=pk,
                    area=area,
                    agency_id=agency_of[victim_id],
                    agency_reference=f"R{pk}",
                    victim_id=victim_id,
                    behaviour_on=behaviour,
                    reported_on=reported,
                    kind=kind,
                    days_late=(reported - behaviour).days,
                    months_late=months_late(behaviour, reported),
                    group_key=group or pk,
                    linked=bool(group),
                )
            )
            return pk

        while made < n:
            # Skewed towards the first people: most report a few times, some many.
            ids = person_records[int(people * rng.random() ** 2.5)]
            behaviour = first_day + timedelta(days=rng.randrange(540))
            roll = rng.random()
            delay = (
                rng.randrange(4)
                if roll < 0.8
                else rng.randrange(4, 31)
                if roll < 0.95
                else rng.randrange(31, 91)
            )
            reported = min(behaviour + timedelta(days=delay), ON)
            kind = "diary_sheet" if rng.random() < 0.1 else "complaint"
            first = add(ids[0], behaviour, reported, kind, 0)
            made += 1
            if len(ids) > 1 and made < n and rng.random() < 0.3:
                # The same occasion told to the person's other agency, confirmed as one.
                batch[-1].linked = True
                twin = min(reported + timedelta(days=rng.randrange(6)), ON)
                add(ids[1], behaviour, twin, "complaint", first)
                made += 1
            if len(batch) >= BATCH:
                Incident.objects.bulk_create(batch)
                batch.clear()
                progress(made)
        if batch:
            Incident.objects.bulk_create(batch)
        progress(made)

        # A few people with an open application (one in a thousand).
        policy = AreaPolicy.objects.get(area=area)
        cases = [
            Case(
                reference=f"{area.la_code}-2026-{number:05d}",
                area=area,
                policy=policy,
                status="received",
                channel="phone",
                received_on=ON,
                victim_name=names[index],
                victim_postcode=postcodes[index],
                victim_name_key=normalise_name(names[index]),
                victim_postcode_key=normalise_postcode(postcodes[index]),
                asb_description="Synthetic",
            )
            for number, index in enumerate(range(0, people, 1000), start=1)
        ]
        Case.objects.bulk_create(cases)


def _timed(call: Callable[[], object]) -> float:
    started = time.perf_counter()
    call()
    return time.perf_counter() - started


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.repeat_victims", description=__doc__)
    parser.add_argument("--repeats", type=int, default=5, help="runs per size (default 5)")
    parser.add_argument(
        "--sizes",
        default=",".join(str(n) for n in SIZES),
        help="incident counts, comma-separated (default 10000,100000,1000000)",
    )
    parser.add_argument("--database-url", help="an empty database to use instead of SQLite")
    parser.add_argument("--explain", action="store_true", help="print each size's query plan")
    parser.add_argument("--keep", action="store_true", help="keep the temporary SQLite file")
    options = parser.parse_args(argv)
    try:
        sizes = [int(part) for part in options.sizes.split(",") if part.strip()]
    except ValueError:
        parser.error("--sizes must be whole numbers separated by commas")
    if not sizes or min(sizes) < 100 or options.repeats < 1:
        parser.error("give sizes of at least 100 and --repeats of at least 1")

    folder = None
    url = options.database_url
    if not url:
        folder = tempfile.mkdtemp(prefix="bench-repeat-victims-")
        url = f"sqlite:///{folder}/bench.sqlite3"
    try:
        _setup_django(url)
        return _run(sizes, options.repeats, explain=options.explain)
    finally:
        if folder and not options.keep:
            shutil.rmtree(folder, ignore_errors=True)
        elif folder:
            _say(f"kept {folder}")


def _run(sizes: list[int], repeats: int, *, explain: bool) -> int:
    from django.db import connection
    from tqdm import tqdm

    from casereview.areas.selectors import relevant_bodies
    from casereview.partners.duties.repeat_victims import (
        counts_by_person,
        live_policy,
        repeat_victims,
    )
    from casereview.partners.models import Incident

    builder = Builder(seed=2014)
    areas = {}
    for n in sizes:
        started = time.perf_counter()
        area = builder.area(n)
        with tqdm(total=n, desc=f"building {n:,}", unit=" incidents", file=sys.stderr) as bar:

            def progress(done: int, bar: tqdm[Any] = bar) -> None:
                bar.update(done - bar.n)

            builder.fill(area, n, progress)
        areas[n] = area
        _say(f"built {n:,} incidents in {time.perf_counter() - started:.0f} s")
    # Fresh planner statistics, as a database in service would have.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")

    def check(area: Any) -> Callable[[], object]:
        return lambda: repeat_victims(area, on=ON)

    def baseline(area: Any) -> Callable[[], object]:
        return lambda: Incident.objects.filter(area=area).count()

    found = {n: len(repeat_victims(area, on=ON)) for n, area in areas.items()}  # warm up
    for area in areas.values():
        Incident.objects.filter(area=area).count()
    if explain:
        for n, area in areas.items():
            policy = live_policy(area)
            assert policy is not None
            query = counts_by_person(area, policy, on=ON, agencies=relevant_bodies(area))
            print(f"-- query plan, {n:,} incidents --\n{query.explain()}\n")

    checks: dict[int, list[float]] = {n: [] for n in sizes}
    counts: dict[int, list[float]] = {n: [] for n in sizes}
    for _ in range(repeats):
        for n, area in areas.items():
            checks[n].append(_timed(check(area)))
            counts[n].append(_timed(baseline(area)))
    check_ms = {n: statistics.median(t) * 1000 for n, t in checks.items()}
    count_ms = {n: statistics.median(t) * 1000 for n, t in counts.items()}

    base = sizes[0]
    print(
        f"repeat_victims(area), median of {repeats} runs, reference procedure policy, "
        f"{connection.vendor} ({connection.display_name})"
    )
    header = (
        f"{'incidents':>10}  {'listed':>7}  {'check ms':>9}  {'ratio':>6}  {'n ratio':>8}  "
        f"{'COUNT(*) ms':>11}  {'check / COUNT':>13}"
    )
    print(header)
    print("-" * len(header))
    for n in sizes:
        print(
            f"{n:>10,}  {found[n]:>7,}  {check_ms[n]:>9.1f}  {check_ms[n] / check_ms[base]:>6.1f}  "
            f"{n / base:>8.1f}  {count_ms[n]:>11.1f}  {check_ms[n] / count_ms[n]:>13.1f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
