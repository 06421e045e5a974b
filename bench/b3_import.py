"""Benchmark 3: incident import through the partner API and by CSV, against a bare
``executemany`` insert of the same rows.

    python -m bench.b3_import --database-url sqlite:///var/bench/dev-c/b3.sqlite3 --quick

Runs on a scratch database (migrated here): one area with its council and police force as
relevant bodies and the reference policy, an API key of the police force and a coordinator
who uploads the CSV files. Each round, on tables emptied of the area's incident data:

- **API**: every row POSTed to ``/api/v1/incidents`` in batches of the API's maximum size
  (``MAX_BATCH``), one after the other as one agency's system sends them, over real HTTP to
  ``gunicorn casereview.wsgi`` on loopback (DEBUG off, behind a TLS proxy as in production), or
  with ``--api-client inprocess`` through ``django.test.Client`` and the full middleware;
- **CSV**: the same rows as CSV files in the documented format (``csv_format``), each stored
  by ``upload_import`` and imported by the background task's own function, run in-process;
- **baseline**: the victims and incidents those imports end with, inserted by one
  ``executemany`` per table in one transaction (derived columns computed beforehand).

The rows are an agency's year: repeat victims (some known by the agency's reference, some by
name, date of birth and postcode), a tenth of them diary sheets, late reports, and rows sent
again in a later batch or file (most changed, some as they were). Rates are rows sent per
second (re-sent rows count: they are work the import does); the baseline's is incidents
inserted per second.
"""

from __future__ import annotations

import csv
import gc
import http.client
import io
import json
import os
import random
import signal
import socket
import statistics
import subprocess  # nosec B404 - starts gunicorn with this project's own WSGI application
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from datetime import time as time_of_day
from pathlib import Path
from typing import Any

from bench import harness
from bench.national_write import columns_of

ROWS = 100_000
QUICK_ROWS = 10_000
# The rows come in this many CSV files (and the re-sent rows repeat rows of earlier files): an
# agency uploading a month at a time would send about this many in a year.
FILES = 10
SEED = 2014
RATE_TARGET = 10_000.0  # rows a second
RATIO_TARGET = 0.3
API_KEY_HEADER = "Authorization"

FIRST_NAMES = [
    "Sam",
    "Alex",
    "Jo",
    "Chris",
    "Pat",
    "Robin",
    "Morgan",
    "Jamie",
    "Taylor",
    "Casey",
    "Ali",
    "Priya",
    "Tomasz",
    "Aisha",
    "Gareth",
    "Sian",
    "Dylan",
    "Megan",
    "Rhys",
    "Ffion",
    "Oliver",
    "Amelia",
    "Noah",
    "Isla",
    "Leo",
    "Ava",
    "Arthur",
    "Mia",
    "Harry",
    "Grace",
]
SURNAMES = [
    "Smith",
    "Jones",
    "Williams",
    "Taylor",
    "Brown",
    "Davies",
    "Evans",
    "Wilson",
    "Thomas",
    "Johnson",
    "Roberts",
    "Robinson",
    "Thompson",
    "Wright",
    "Walker",
    "White",
    "Edwards",
    "Hughes",
    "Green",
    "Hall",
    "Lewis",
    "Harris",
    "Clarke",
    "Patel",
    "Jackson",
    "Wood",
    "Turner",
    "Martin",
    "Cooper",
    "Hill",
    "Ward",
    "Morris",
    "Moore",
    "Clark",
    "Lee",
    "King",
    "Baker",
    "Harrison",
    "Morgan",
]
STREETS = [
    "Fore Street",
    "High Street",
    "Station Road",
    "Church Lane",
    "Mill Road",
    "Park Avenue",
    "Victoria Road",
    "London Road",
    "The Green",
    "Queens Road",
    "North Street",
    "Manor Close",
    "Hill View",
    "Bridge Street",
    "Castle Street",
]
BEHAVIOURS = (
    "Loud music and shouting late at night",
    "Youths gathering and throwing stones at windows",
    "Neighbour's dog barking for hours, owner abusive when asked",
    "Car revving and racing up and down the street",
    "Fly-tipping of rubbish bags behind the garages",
    "Verbal abuse and threats on the doorstep",
    "Drug dealing from a parked car outside",
    "Fireworks let off in the street after midnight",
    "Graffiti sprayed on the front wall",
    "Party with loud music until 4am, bottles thrown into the garden",
)
OUTWARD = ("SG14", "SG13", "SG12", "SG11", "CM23", "CM21", "EN11", "AL6")


# --- The rows -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Person:
    reference: str
    name: str
    date_of_birth: str
    address: str
    postcode: str


def _postcode(rng: random.Random) -> str:
    letters = "ABDEFGHJLNPQRSTUWXYZ"
    return f"{rng.choice(OUTWARD)} {rng.randrange(10)}{rng.choice(letters)}{rng.choice(letters)}"


def _people(count: int, rng: random.Random) -> list[_Person]:
    """``count`` different people: no two share a name, date of birth and postcode (the import
    would take them for one person when one is named without a reference, and whether it does
    depends on which chunk meets whom first, which the expected rows cannot follow)."""
    people = []
    who: set[tuple[str, str, str]] = set()
    for index in range(count):
        street = rng.choice(STREETS)
        birth = "" if rng.random() < 0.15 else (date(1940, 1, 1) + timedelta(rng.randrange(25_000)))
        name = f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}"
        postcode = _postcode(rng)
        while (name, str(birth), postcode) in who:
            postcode = _postcode(rng)
        who.add((name, str(birth), postcode))
        people.append(
            _Person(
                # Three in five victims carry the agency's own reference for them.
                reference=f"P-{index:07d}" if rng.random() < 0.6 else "",
                name=name,
                date_of_birth=str(birth),
                address=f"{rng.randrange(1, 200)} {street}, Hertford",
                postcode=postcode,
            )
        )
    return people


def generate_rows(
    count: int, *, today: date, seed: int = SEED, files: int = FILES
) -> list[dict[str, Any]]:
    """``count`` incident records as an agency's system sends them to the API (JSON values),
    the same for the same arguments. The rows fall into ``files`` consecutive segments (the CSV
    files); about one row in twenty of every segment but the first re-sends a row of an earlier
    segment (never of its own: a file or batch may name a reference only once), four in five
    of them changed."""
    rng = random.Random(seed)
    people = _people(max(1, count // 5), rng)
    # Repeat victims: a few people are named in many rows, most in one or two.
    weights = [1 / (rank + 1) ** 0.8 for rank in range(len(people))]
    rows: list[dict[str, Any]] = []
    segment = max(1, -(-count // files))
    serial = 0
    for start in range(0, count, segment):
        size = min(segment, count - start)
        earlier = len(rows)
        resends = size // 20 if earlier else 0
        # Rows of earlier segments, one per reference (its latest sending): a segment never
        # names a reference twice, even one already sent again before.
        latest = list({row["agency_reference"]: index for index, row in enumerate(rows)}.values())
        again = rng.sample(latest, resends) if resends else []
        chunk: list[dict[str, Any]] = []
        for index in again:
            row = dict(rows[index])
            if rng.random() < 0.8:
                row["description"] = row["description"] + " Officers attended again."
            chunk.append(row)
        while len(chunk) < size:
            serial += 1
            chunk.append(_row(serial, rng, people, weights, today))
        rng.shuffle(chunk)
        rows.extend(chunk)
    return rows


def _row(
    serial: int,
    rng: random.Random,
    people: Sequence[_Person],
    weights: Sequence[float],
    today: date,
) -> dict[str, Any]:
    behaviour = today - timedelta(days=rng.randrange(1, 366))
    # Mostly reported within days; a tail reported weeks later.
    reported = min(today, behaviour + timedelta(days=min(int(rng.expovariate(1 / 4)), 120)))
    timed = rng.random() < 0.7
    row: dict[str, Any] = {
        "agency_reference": f"HP/{behaviour.year}/{serial:07d}",
        "behaviour_on": behaviour.isoformat(),
        "behaviour_time": f"{rng.randrange(24):02d}:{rng.randrange(60):02d}:00" if timed else None,
        "reported_on": reported.isoformat(),
        "kind": "diary_sheet" if rng.random() < 0.1 else "complaint",
        "location": f"Outside {rng.randrange(1, 200)} {rng.choice(STREETS)}, Hertford",
        "postcode": _postcode(rng),
        "description": rng.choice(BEHAVIOURS),
        "victim_reference": "",
        "victim_name": "",
        "victim_date_of_birth": None,
        "victim_address": "",
        "victim_postcode": "",
    }
    if rng.random() < 0.75:  # three rows in four name the victim
        person = rng.choices(people, weights)[0]
        row.update(
            victim_reference=person.reference,
            victim_name=person.name,
            victim_date_of_birth=person.date_of_birth or None,
            victim_address=person.address,
            victim_postcode=person.postcode,
        )
    return row


def segments(rows: Sequence[dict[str, Any]], files: int = FILES) -> list[Sequence[dict[str, Any]]]:
    size = max(1, -(-len(rows) // files))
    return [rows[start : start + size] for start in range(0, len(rows), size)]


def batches(rows: Sequence[dict[str, Any]], size: int) -> Iterator[Sequence[dict[str, Any]]]:
    """API batches of at most ``size`` rows, never straddling a segment (so a batch never holds
    a row and its re-send, which the API refuses as a duplicate reference)."""
    for part in segments(rows):
        for start in range(0, len(part), size):
            yield part[start : start + size]


def csv_file(rows: Sequence[dict[str, Any]]) -> bytes:
    """``rows`` as a CSV file in the documented upload format."""
    from casereview.partners.imports.csv_format import COLUMN_NAMES, FIELD_OF_COLUMN

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMN_NAMES)
    for row in rows:
        writer.writerow([row[FIELD_OF_COLUMN.get(column, column)] or "" for column in COLUMN_NAMES])
    return out.getvalue().encode("utf-8")


def records_of(rows: Sequence[dict[str, Any]]) -> list[Any]:
    """The ``IncidentRecord`` of each row, as the API's schema makes it."""
    from casereview.partners.ingest import IncidentRecord, cleaned

    def day(value: str | None) -> date | None:
        return date.fromisoformat(value) if value else None

    return [
        cleaned(
            IncidentRecord(
                **{
                    **row,
                    "behaviour_on": date.fromisoformat(row["behaviour_on"]),
                    "reported_on": date.fromisoformat(row["reported_on"]),
                    "behaviour_time": (
                        time_of_day.fromisoformat(row["behaviour_time"])
                        if row["behaviour_time"]
                        else None
                    ),
                    "victim_date_of_birth": day(row["victim_date_of_birth"]),
                }
            )
        )
        for row in rows
    ]


@dataclass
class FinalRows:
    """The victims and incidents an import of the rows ends with, as the baseline inserts them:
    ``victims`` are (key, record giving their details); ``incidents`` (record, victim index)."""

    victims: list[Any]
    incidents: list[tuple[Any, int | None]]


def final_rows(rows: Sequence[dict[str, Any]]) -> FinalRows:
    """What storing ``rows`` in order ends with (``casereview.partners.ingest``): one victim per
    victim key (by reference: the latest details; by identity: the first), one incident per
    reference (its latest values)."""
    from casereview.partners.ingest import victim_key

    victim_index: dict[Any, int] = {}
    victims: list[Any] = []
    incidents: dict[str, tuple[Any, int | None]] = {}
    for record in records_of(rows):
        key = victim_key(record)
        index = None
        if key is not None:
            index = victim_index.get(key)
            if index is None:
                index = victim_index[key] = len(victims)
                victims.append(record)
            elif key.reference:
                victims[index] = record
        incidents[record.agency_reference] = (record, index)
    return FinalRows(victims, list(incidents.values()))


# --- The scratch area ---------------------------------------------------------------------------


@dataclass
class Scene:
    area: Any
    agency: Any
    uploader: Any
    key: str


def prepare() -> Scene:
    """One area on the service with its council and police force as relevant bodies, the
    reference policy, the police force's API key and a coordinator to upload files."""
    from casereview.accounts.models import Membership, Role, User
    from casereview.areas.models import Agency, AgencyKind, Area, AreaAgency, AreaPolicy
    from casereview.partners.tokens.services import issue_key
    from casereview.rules import REFERENCE_PROCEDURE, policy_to_dict

    council, _ = Agency.objects.get_or_create(
        code="bench-b3-council",
        defaults={"name": "Benchmark Council", "kind": AgencyKind.COUNCIL, "nation": "england"},
    )
    police, _ = Agency.objects.get_or_create(
        code="bench-b3-police",
        defaults={"name": "Benchmark Constabulary", "kind": AgencyKind.POLICE},
    )
    area, created = Area.objects.get_or_create(
        gss_code="E07999003",
        defaults={
            "la_code": "9B3",
            "slug": "bench-b3",
            "name": "Benchmark Three",
            "official_name": "Benchmark Three District Council",
            "nation": "england",
            "region": "East of England",
            "area_type": "NMD",
            "council": council,
            "police_force": police,
            "on_service": True,
        },
    )
    if created:
        for agency in (council, police):
            AreaAgency.objects.create(area=area, agency=agency, relevant_body=True)
        AreaPolicy.objects.create(
            area=area,
            version=1,
            rules=policy_to_dict(REFERENCE_PROCEDURE),
            effective_from=date(2014, 10, 20),
        )
    uploader = User.objects.filter(email="b3-coordinator@example.test").first()
    if uploader is None:
        uploader = User.objects.create_user(
            "b3-coordinator@example.test", None, full_name="Benchmark Coordinator"
        )
        Membership.objects.create(user=uploader, role=Role.COORDINATOR, area=area)
    _token, key = issue_key(area, police, name="Benchmark RMS", by=None)
    return Scene(area=area, agency=police, uploader=uploader, key=key)


def clear(scene: Scene) -> None:
    """Delete the area's incident data, so that the next run starts from empty tables."""
    from django.db import transaction

    from casereview.partners.models import (
        Incident,
        IncidentImport,
        IncidentLink,
        PartnerVictim,
        SecondReportPrompt,
        VictimLink,
    )

    with transaction.atomic():
        for model in (SecondReportPrompt, IncidentLink, VictimLink, Incident, PartnerVictim):
            model.objects.filter(area=scene.area)._raw_delete(model.objects.db)
        IncidentImport.objects.filter(area=scene.area).delete()


def stored_counts(scene: Scene) -> tuple[int, int]:
    from casereview.partners.models import Incident, PartnerVictim

    return (
        Incident.objects.filter(area=scene.area).count(),
        PartnerVictim.objects.filter(area=scene.area).count(),
    )


# --- The three ways in --------------------------------------------------------------------------


class ApiSender:
    """Sends batches to the partner API: over HTTP to a server, or in-process."""

    def __init__(self, key: str, *, port: int | None) -> None:
        self.key = key
        self.port = port
        self.client: Any = None
        if port is None:
            from django.test import Client

            self.client = Client(headers={API_KEY_HEADER: f"Bearer {key}"}, HTTP_HOST="127.0.0.1")

    def send(self, body: bytes) -> dict[str, int]:
        if self.client is not None:
            response = self.client.post(
                "/api/v1/incidents", body, content_type="application/json", secure=True
            )
            status, payload = response.status_code, response.content
        else:
            assert self.port is not None
            connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=600)
            try:
                connection.request(
                    "POST",
                    "/api/v1/incidents",
                    body=body,
                    headers={
                        "Content-Type": "application/json",
                        API_KEY_HEADER: f"Bearer {self.key}",
                        "X-Forwarded-Proto": "https",
                        "Host": "127.0.0.1",
                    },
                )
                answer = connection.getresponse()
                status, payload = answer.status, answer.read()
            finally:
                connection.close()
        if status != 200:
            raise RuntimeError(f"the API answered {status}: {payload[:2000]!r}")
        counts: dict[str, int] = json.loads(payload)
        return counts


def api_bodies(rows: Sequence[dict[str, Any]]) -> list[bytes]:
    """The request bodies of ``rows`` in batches of the API's maximum size, made before the
    timing starts: an agency's system has its records ready to send; what is measured is the
    service taking them."""
    from casereview.api.partner_schemas import MAX_BATCH

    return [
        json.dumps({"incidents": list(batch)}).encode("utf-8") for batch in batches(rows, MAX_BATCH)
    ]


def send_all(sender: ApiSender, bodies: Sequence[bytes]) -> dict[str, int]:
    totals = {"created": 0, "updated": 0, "unchanged": 0}
    for body in bodies:
        for name, value in sender.send(body).items():
            totals[name] += value
    return totals


def import_files(scene: Scene, files: Sequence[bytes]) -> dict[str, int]:
    """Upload each file as the upload page does, and run its import as the background task
    does (in this process)."""
    from django.db import transaction

    from casereview.partners.imports import tasks
    from casereview.partners.imports.services import upload_import
    from casereview.partners.models import ImportStatus, IncidentImport

    totals = {"created": 0, "updated": 0, "unchanged": 0}
    for number, content in enumerate(files, start=1):
        queued: list[int] = []
        # The upload queues its task on commit; here the task's work runs right after.
        with transaction.atomic():
            upload = upload_import(
                scene.area,
                scene.agency,
                file_name=f"incidents-{number:02d}.csv",
                content=content,
                by=scene.uploader,
                language="en",
            )
            queued.append(upload.pk)
        status = tasks.run_import.call(queued[0], "en")
        done = IncidentImport.objects.get(pk=queued[0])
        if status != ImportStatus.DONE:
            raise RuntimeError(
                f"import {number} ended {status}: {done.problems[:5]} {done.failure}"
            )
        totals["created"] += done.created
        totals["updated"] += done.updated
        totals["unchanged"] += done.unchanged
    return totals


@dataclass
class BaselineRows:
    victim_sql: str
    victim_params: list[tuple[Any, ...]]
    incident_sql: str
    incident_params: list[tuple[Any, ...]]


def baseline_rows(scene: Scene, final: FinalRows) -> BaselineRows:
    """The INSERTs of the baseline, with every column the import writes (derived ones computed
    and values adapted for the database here, outside the timing, as the ORM does before its
    own inserts) and explicit keys above the tables' current ones."""
    from django.db import connection
    from django.db.models import Max
    from django.utils import timezone

    from casereview.cases.models import normalise_name, normalise_postcode
    from casereview.partners.models import Incident, PartnerVictim, months_late, occasion_key_of

    ops = connection.ops
    day, clock = ops.adapt_datefield_value, ops.adapt_timefield_value
    now = ops.adapt_datetimefield_value(timezone.now())
    first_victim = (PartnerVictim.objects.aggregate(top=Max("pk"))["top"] or 0) + 1
    first_incident = (Incident.objects.aggregate(top=Max("pk"))["top"] or 0) + 1
    victim_columns = columns_of(PartnerVictim)
    victim_params = []
    for index, record in enumerate(final.victims):
        pk = first_victim + index
        victim_params.append(
            (
                pk,
                scene.area.pk,
                scene.agency.pk,
                record.victim_reference,
                record.victim_name,
                day(record.victim_date_of_birth),
                record.victim_address,
                record.victim_postcode,
                normalise_name(record.victim_name),
                normalise_postcode(record.victim_postcode),
                pk,
                now,
            )
        )
    incident_columns = columns_of(Incident)
    incident_params = []
    for index, (record, victim) in enumerate(final.incidents):
        pk = first_incident + index
        incident_params.append(
            (
                pk,
                scene.area.pk,
                scene.agency.pk,
                record.agency_reference,
                None if victim is None else first_victim + victim,
                day(record.behaviour_on),
                clock(record.behaviour_time),
                day(record.reported_on),
                record.kind,
                record.location,
                record.postcode,
                normalise_postcode(record.postcode),
                record.description,
                max(0, (record.reported_on - record.behaviour_on).days),
                months_late(record.behaviour_on, record.reported_on),
                pk,
                False,
                now,
                now,
                None if victim is None else first_victim + victim,
                occasion_key_of(False, pk, record.behaviour_on),
            )
        )

    def insert(table: str, columns: Sequence[str]) -> str:
        quote = connection.ops.quote_name
        names = ", ".join(quote(column) for column in columns)
        marks = ", ".join(["%s"] * len(columns))
        return f"INSERT INTO {quote(table)} ({names}) VALUES ({marks})"  # nosec B608 - our names

    return BaselineRows(
        insert(PartnerVictim._meta.db_table, victim_columns),
        victim_params,
        insert(Incident._meta.db_table, incident_columns),
        incident_params,
    )


def baseline_insert(rows: BaselineRows) -> int:
    """The bare insert: one ``executemany`` per table, in one transaction. Returns the
    incidents inserted."""
    from django.db import connection, transaction

    with transaction.atomic(), connection.cursor() as cursor:
        cursor.executemany(rows.victim_sql, rows.victim_params)
        cursor.executemany(rows.incident_sql, rows.incident_params)
    return len(rows.incident_params)


# --- gunicorn -----------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextmanager
def gunicorn(database_url: str | None, *, workers: int = 2) -> Iterator[tuple[int, int]]:
    """``gunicorn casereview.wsgi`` on a free loopback port with production-like settings;
    yields (port, master pid) and always stops it."""
    port = _free_port()
    env = {
        **os.environ,
        "DEBUG": "0",
        "BEHIND_TLS_PROXY": "1",
        "DB_CONN_MAX_AGE": "60",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
    }
    if database_url:
        env["DATABASE_URL"] = database_url
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "casereview.wsgi",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--timeout",
        "600",
        "--log-level",
        "warning",
    ]
    server = subprocess.Popen(  # nosec B603 - our own command line
        command, cwd=Path(__file__).resolve().parent.parent, env=env, start_new_session=True
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            if server.poll() is not None:
                raise RuntimeError(f"gunicorn exited with {server.returncode}")
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError("gunicorn did not start within 60 s") from None
                time.sleep(0.2)
        yield port, server.pid
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait()


def _workers_peak_mib(master: int) -> float | None:
    """The largest peak resident memory of the server's workers (since they started)."""
    try:
        children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    except OSError:
        return None
    peaks = []
    for child in children:
        try:
            for line in Path(f"/proc/{child}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    peaks.append(int(line.split()[1]) / 1024)
        except OSError:
            continue
    return max(peaks) if peaks else None


# --- Running ------------------------------------------------------------------------------------


@dataclass
class Runs:
    seconds: list[float]
    peaks: list[float]
    counts: dict[str, int]

    def timing(self) -> harness.Timing:
        return harness.Timing(tuple(s * 1000 for s in self.seconds))


def _timed(call: Callable[[], Any]) -> tuple[float, float, Any]:
    """(seconds, this process's peak MiB, result) of one run, the garbage collector off."""
    gc.collect()
    harness.reset_peak_memory()
    gc.disable()
    try:
        started = time.perf_counter()
        result = call()
        seconds = time.perf_counter() - started
    finally:
        gc.enable()
    return seconds, harness.peak_memory_mib(), result


def main(argv: Sequence[str] | None = None) -> int:
    parser = harness.common_arguments(__doc__, prog="python -m bench.b3_import")
    parser.add_argument(
        "--rows", type=int, help=f"rows to import ({ROWS:,}; --quick {QUICK_ROWS:,})"
    )
    parser.add_argument(
        "--api-client",
        choices=("gunicorn", "inprocess"),
        default="gunicorn",
        help="send the API batches over HTTP to gunicorn (default) or through django.test.Client",
    )
    options = parser.parse_args(argv)
    harness.setup_django(options.database_url, migrate=True)
    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone

    call_command("createcachetable", verbosity=0)  # the API's rate limit counts in the cache
    database = "postgresql" if connection.vendor == "postgresql" else connection.vendor
    count = options.rows or (QUICK_ROWS if options.quick else ROWS)
    rounds = 3 if options.quick else max(3, min(options.repeats, 5))

    scene = prepare()
    rows = generate_rows(count, today=timezone.localdate())
    files = [csv_file(part) for part in segments(rows)]
    bodies = api_bodies(rows)
    final = final_rows(rows)
    expected = (len(final.incidents), len(final.victims))
    harness.say(
        f"b3: {count:,} rows ({expected[0]:,} incidents, {expected[1]:,} victims) in "
        f"{len(files)} files; {rounds} rounds on {database}"
    )

    api = Runs([], [], {})
    imports = Runs([], [], {})
    bare = Runs([], [], {})

    def check(what: str) -> None:
        found = stored_counts(scene)
        if found != expected:
            raise RuntimeError(f"{what} stored {found} (incidents, victims), not {expected}")

    server_peak: float | None = None
    with contextmanager_for(options.api_client, options.database_url) as (port, master):
        sender = ApiSender(scene.key, port=port)
        # Warm up every path (connections, imports, caches) on a few rows, then start empty.
        clear(scene)
        send_all(sender, api_bodies(rows[:200]))
        clear(scene)
        import_files(scene, [csv_file(rows[:200])])
        clear(scene)
        baseline_insert(baseline_rows(scene, final_rows(rows[:200])))
        for number in range(1, rounds + 1):
            clear(scene)
            seconds, peak, api.counts = _timed(lambda: send_all(sender, bodies))
            check("the API")
            api.seconds.append(seconds)
            api.peaks.append(peak)
            clear(scene)
            seconds, peak, imports.counts = _timed(lambda: import_files(scene, files))
            check("the CSV import")
            imports.seconds.append(seconds)
            imports.peaks.append(peak)
            clear(scene)
            prepared = baseline_rows(scene, final)
            seconds, peak, inserted = _timed(lambda: baseline_insert(prepared))  # noqa: B023
            check("the baseline")
            bare.seconds.append(seconds)
            bare.peaks.append(peak)
            bare.counts = {"inserted": inserted}
            harness.say(
                f"  round {number}: API {count / api.seconds[-1]:,.0f} rows/s, CSV "
                f"{count / imports.seconds[-1]:,.0f} rows/s, executemany "
                f"{expected[0] / bare.seconds[-1]:,.0f} rows/s"
            )
        if master is not None:
            server_peak = _workers_peak_mib(master)
        clear(scene)

    baseline_rate = expected[0] / statistics.median(bare.seconds)
    common = {
        "rows": count,
        "incidents": expected[0],
        "victims": expected[1],
        "rounds": rounds,
        "baseline_runs_ms": [round(s * 1000, 1) for s in bare.seconds],
        "baseline_peak_memory_mib": round(max(bare.peaks), 1),
    }
    results = [
        harness.Result(
            id="b3.import.api",
            title=f"Incident import through the API ({count:,} rows, batches of 1,000)",
            figure=count / statistics.median(api.seconds),
            unit="rows/s",
            target=harness.Target(">=", RATE_TARGET, "rows/s"),
            database=database,
            timing=api.timing(),
            peak_memory_mib=server_peak if server_peak is not None else max(api.peaks),
            baseline_name="executemany",
            baseline_figure=baseline_rate,
            ratio_target=harness.Target(">=", RATIO_TARGET, "x"),
            details={
                **common,
                "client": options.api_client,
                "outcome": api.counts,
                "client_peak_memory_mib": round(max(api.peaks), 1),
            },
            notes=(
                "over HTTP to gunicorn (2 sync workers) on loopback, DEBUG off; peak memory is "
                "the largest worker's"
                if options.api_client == "gunicorn"
                else "in-process django.test.Client with the full middleware; peak memory is "
                "this process's"
            ),
        ),
        harness.Result(
            id="b3.import.csv",
            title=f"Incident import by CSV ({count:,} rows in {len(files)} files)",
            figure=count / statistics.median(imports.seconds),
            unit="rows/s",
            target=harness.Target(">=", RATE_TARGET, "rows/s"),
            database=database,
            timing=imports.timing(),
            peak_memory_mib=max(imports.peaks),
            baseline_name="executemany",
            baseline_figure=baseline_rate,
            ratio_target=harness.Target(">=", RATIO_TARGET, "x"),
            details={**common, "outcome": imports.counts},
            notes="upload_import, then the background task's run_import in this process",
        ),
    ]
    harness.write_fragment(options.out, results)
    return 0


@contextmanager
def contextmanager_for(
    client: str, database_url: str | None
) -> Iterator[tuple[int | None, int | None]]:
    if client == "inprocess":
        yield None, None
        return
    with gunicorn(database_url) as (port, master):
        yield port, master


if __name__ == "__main__":
    sys.exit(main())
