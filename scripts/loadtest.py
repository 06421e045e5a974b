#!/usr/bin/env python
"""Load test on loopback: N simulated people at once for a fixed time, against the real service.

    .venv/bin/python scripts/loadtest.py [--users 50] [--duration 60] [--staff-share 0.2]
        [--workers 4] [--worker-class sync] [--threads 1] [--database-url URL]
        [--result loadtest.json]

It builds a fresh service in a temporary folder (a new SQLite file, or the PostgreSQL database
given by --database-url, which is emptied first: migrate, the directory and the demo area),
starts gunicorn on a free loopback port, a task worker, and an SMTP server that collects the
e-mails, then runs the simulated people, each in its own thread, until the time is up:

- the public (most of them): each application is a new visitor (own cookies, own address in
  X-Real-IP, which the service is told to trust, so its per-address limits count each visitor)
  who opens the application, answers every question page, submits, and reads the reference
  number on the confirmation page;
- staff (--staff-share of them): coordinators of the demo area who sign in with their password
  and a TOTP code (computed from their authenticator's key), then keep opening the dashboard and
  cases, and acknowledge the applications that are waiting.

Errors are any 5xx, any connection failure, and any status a step does not expect. At the end
every reference a visitor was shown must be a case in the database. It prints p50/p95/p99 and
throughput per kind of request, writes the result as JSON, and exits 1 on any error or lost
application (2 when the service could not be set up). Every process it starts is stopped when
it ends, however it ends.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import http.client
import http.cookiejar
import json
import os
import random
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
# Waiting for a request longer than this is an error: nobody waits that long for a page.
REQUEST_TIMEOUT_S = 30
STARTUP_TIMEOUT_S = 120

SETUP_STAFF = r"""
import json, secrets, sys
import django
django.setup()
from django_otp.plugins.otp_totp.models import TOTPDevice
from casereview.accounts.models import Membership, Role, User
from casereview.areas.models import Area, AgencyKind
from casereview.accounts.management.commands.seed_demo import DEMO_GSS_CODE

area = Area.objects.get(gss_code=DEMO_GSS_CODE)
staff = []
for number in range(int(sys.argv[1])):
    email = f"load-coordinator-{number}@loadtest.invalid"
    password = secrets.token_urlsafe(24)
    user = User.objects.create_user(email, password, full_name=f"Load Coordinator {number}")
    Membership.objects.create(user=user, area=area, role=Role.COORDINATOR)
    device = TOTPDevice.objects.create(user=user, name="Load test", confirmed=True)
    staff.append({"email": email, "password": password, "key": device.key})
police = area.police_force
print(json.dumps({"slug": area.slug, "police": police.pk if police else None, "staff": staff}))
"""

CHECK_STORED = r"""
import json, sys
import django
django.setup()
from casereview.cases.models import Case
wanted = json.load(open(sys.argv[1]))
found = set(Case.objects.filter(reference__in=wanted).values_list("reference", flat=True))
print(json.dumps({"stored": len(found), "missing": sorted(set(wanted) - found)}))
"""


# Measuring -------------------------------------------------------------------------------------


@dataclass
class Sample:
    kind: str
    seconds: float
    status: int
    error: str = ""


@dataclass
class Recorder:
    samples: list[Sample] = field(default_factory=list)
    references: list[str] = field(default_factory=list)
    acknowledged: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, sample: Sample) -> None:
        with self.lock:
            self.samples.append(sample)

    def stored(self, reference: str) -> None:
        with self.lock:
            self.references.append(reference)

    def errors(self) -> list[Sample]:
        return [sample for sample in self.samples if sample.error]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * len(ordered) + 0.5) - 1))
    return ordered[index]


def summary(recorder: Recorder, elapsed: float) -> dict[str, Any]:
    by_kind: dict[str, list[Sample]] = defaultdict(list)
    for sample in recorder.samples:
        by_kind[sample.kind].append(sample)

    def figures(samples: list[Sample]) -> dict[str, Any]:
        times = [sample.seconds * 1000 for sample in samples]
        return {
            "requests": len(samples),
            "errors": sum(1 for sample in samples if sample.error),
            "per_second": round(len(samples) / elapsed, 1),
            "p50_ms": round(percentile(times, 0.50), 1),
            "p95_ms": round(percentile(times, 0.95), 1),
            "p99_ms": round(percentile(times, 0.99), 1),
            "max_ms": round(max(times), 1),
        }

    return {
        "all": figures(recorder.samples) if recorder.samples else {},
        "by_kind": {kind: figures(samples) for kind, samples in sorted(by_kind.items())},
    }


# Talking HTTP like a browser ------------------------------------------------------------------


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """Redirects are part of what is checked (a submitted form answers 302), so none is followed."""

    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


class Unexpected(Exception):
    pass


class Browser:
    """One person's browser: own cookies, own address (sent as X-Real-IP)."""

    def __init__(self, base: str, address: str, recorder: Recorder) -> None:
        self.base = base
        self.address = address
        self.recorder = recorder
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies), _NoRedirects()
        )

    def csrf(self) -> str:
        return next((c.value or "" for c in self.cookies if c.name == "csrftoken"), "")

    def request(
        self, kind: str, path: str, *, data: dict[str, str] | None = None, expect: tuple[int, ...]
    ) -> tuple[int, str, str]:
        """Send one request; record it; raise ``Unexpected`` when its status is not expected."""
        body = None
        if data is not None:
            body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": self.csrf()}).encode()
        request = urllib.request.Request(
            self.base + path,
            data=body,
            headers={"X-Real-IP": self.address, "Referer": self.base + path},
        )
        started = time.perf_counter()
        status, text, location, error = 0, "", "", ""
        try:
            with self.opener.open(request, timeout=REQUEST_TIMEOUT_S) as response:
                status, text = response.status, response.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as answered:
            status = answered.code
            location = answered.headers.get("Location", "")
            text = answered.read().decode("utf-8", "replace")
        except (OSError, http.client.HTTPException) as exc:
            error = f"connection: {type(exc).__name__}: {exc}"
        seconds = time.perf_counter() - started
        if not error and status not in expect:
            error = f"{status} (expected {', '.join(map(str, expect))}) for {path}"
        self.recorder.add(Sample(kind, seconds, status, error))
        if error:
            raise Unexpected(error)
        return status, text, location


# The simulated people --------------------------------------------------------------------------


def local_today() -> dt.date:
    """Today where the service is (its TIME_ZONE), which the dates in the forms are checked by."""
    return dt.datetime.now(tz=ZoneInfo("Europe/London")).date()


def application_pages(number: str, police: int | None) -> list[tuple[str, dict[str, str]]]:
    """Every question page of an application by the victim, with details unique to ``number``
    (the service would rightly treat the same person applying again as a repeat)."""
    today = local_today()
    behaviour, reported = today - dt.timedelta(days=12), today - dt.timedelta(days=11)
    reports: dict[str, str] = {"complaint_rows": "1"}
    if police is not None:
        reports.update(
            {
                "complaint_1_agency": str(police),
                "complaint_1_behaviour_on-day": str(behaviour.day),
                "complaint_1_behaviour_on-month": str(behaviour.month),
                "complaint_1_behaviour_on-year": str(behaviour.year),
                "complaint_1_reported_on-day": str(reported.day),
                "complaint_1_reported_on-month": str(reported.month),
                "complaint_1_reported_on-year": str(reported.year),
                "complaint_1_reference": f"LT-{number}",
            }
        )
    digits = f"{int(number.replace('-', '')) % 1_000_000:06d}"
    return [
        ("screening", {"about": "none"}),
        ("who", {"who": "myself"}),
        ("victim-type", {"victim_kind": "person"}),
        ("victim-name", {"victim_name": f"Load Visitor {number}"}),
        (
            "victim-address",
            {
                "victim_address": f"{number} Test Road\nHertford",
                "victim_postcode": f"SG{random.randint(1, 19)} {random.randint(1, 9)}"
                f"{random.choice('ABDEFGHJLNPQRSTUWXYZ')}{random.choice('ABDEFGHJLNPQRSTUWXYZ')}",
            },
        ),
        (
            "victim-contact-details",
            {
                "victim_email": f"visitor-{number}@loadtest.invalid",
                "victim_phone": f"07700{digits}",
            },
        ),
        ("behaviour", {"asb_description": "Loud music and shouting most nights."}),
        ("where-and-when", {"location": "The flat next door", "started": "Last summer"}),
        ("impact", {"impact": "I cannot sleep."}),
        ("responsible", {"alleged_responsible": "The tenant next door"}),
        ("reports", reports),
        ("support", {"vulnerability_notes": "", "support_needs": ""}),
        ("applied-before", {"applied_before": "no"}),
        ("contact-preference", {"preferred_contact": "email"}),
        ("language", {"language": "en"}),
    ]


REFERENCE = re.compile(r"<strong>([A-Z0-9]+-\d{4}-\d+)</strong>")
CASE_LINK = re.compile(r'href="/staff/cases/([A-Z0-9]+-\d{4}-\d+)/"')


def public_visitor(
    base: str, slug: str, police: int | None, person: int, recorder: Recorder, until: float
) -> None:
    visit = 0
    while time.monotonic() < until:
        visit += 1
        number = f"{person}-{visit}"
        # Each application a new visitor, from an address of their own (10.x.y.z).
        address = f"10.{person % 250}.{visit // 250 % 250}.{visit % 250 + 1}"
        browser = Browser(base, address, recorder)
        apply = f"/areas/{slug}/apply/"
        try:
            browser.request("public: start page", apply, expect=(200,))
            browser.request("public: start", apply, data={}, expect=(302,))
            for question, answers in application_pages(number, police):
                page = f"{apply}questions/{question}/"
                browser.request("public: question page", page, expect=(200,))
                browser.request("public: answer", page, data=answers, expect=(302,))
            check = f"{apply}check-your-answers/"
            browser.request("public: check answers", check, expect=(200,))
            browser.request(
                "public: submit",
                check,
                data={"declaration": "true", "website": ""},
                expect=(302,),
            )
            _, page, _ = browser.request(
                "public: confirmation", f"{apply}application-sent/", expect=(200,)
            )
        except Unexpected:
            continue
        found = REFERENCE.search(page)
        if found is None:
            recorder.add(Sample("public: confirmation", 0, 200, "no reference on the page"))
            continue
        recorder.stored(found.group(1))


def totp_now(key_hex: str) -> str:
    """The code an authenticator app shows now (RFC 6238, 30 s steps, 6 digits, SHA-1)."""
    import hashlib
    import hmac
    import struct

    counter = struct.pack(">Q", int(time.time()) // 30)
    digest = hmac.new(bytes.fromhex(key_hex), counter, hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{value % 1_000_000:06d}"


def staff_member(
    base: str, person: int, account: dict[str, str], recorder: Recorder, until: float
) -> None:
    browser = Browser(base, f"10.251.0.{person % 250 + 1}", recorder)
    try:
        browser.request("staff: sign-in page", "/staff/sign-in/", expect=(200,))
        browser.request(
            "staff: sign in",
            "/staff/sign-in/",
            data={"email": account["email"], "password": account["password"]},
            expect=(302,),
        )
        browser.request("staff: code page", "/staff/two-factor/", expect=(200,))
        browser.request(
            "staff: code",
            "/staff/two-factor/",
            data={"code": totp_now(account["key"])},
            expect=(302,),
        )
    except Unexpected:
        return
    while time.monotonic() < until:
        try:
            _, dashboard, _ = browser.request("staff: dashboard", "/staff/cases/", expect=(200,))
            references = sorted(set(CASE_LINK.findall(dashboard)))
            if not references:
                continue
            reference = random.choice(references)
            _, page, _ = browser.request(
                "staff: case page", f"/staff/cases/{reference}/", expect=(200,)
            )
            step = f"/staff/cases/{reference}/acknowledge/"
            if f'href="{step}"' not in page:
                continue
            # 302: another coordinator acknowledged it since the case page was read, so the
            # step is no longer open and the service sends this one back to the case.
            status, _, _ = browser.request("staff: acknowledge page", step, expect=(200, 302))
            if status == 302:
                continue
            today = local_today()
            # 302: acknowledged. 200: the form again, because another coordinator acknowledged
            # it a moment before (the service refuses the second, as it must).
            status, _, _ = browser.request(
                "staff: acknowledge",
                step,
                data={
                    "on-day": str(today.day),
                    "on-month": str(today.month),
                    "on-year": str(today.year),
                },
                expect=(302, 200),
            )
            if status == 302:
                with recorder.lock:
                    recorder.acknowledged += 1
        except Unexpected:
            continue


# The service under test ----------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def manage(env: dict[str, str], *args: str, timeout: float = 600) -> str:
    completed = subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if completed.returncode != 0:
        raise SystemExit(f"manage.py {' '.join(args)} failed:\n{completed.stderr[-3000:]}")
    return completed.stdout


def run_python(env: dict[str, str], code: str, *args: str) -> Any:
    completed = subprocess.run(
        [PYTHON, "-c", code, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if completed.returncode != 0:
        raise SystemExit(f"Setting up failed:\n{completed.stderr[-3000:]}")
    return json.loads(completed.stdout.strip().splitlines()[-1])


@contextlib.contextmanager
def started(
    command: list[str], env: dict[str, str], log: Path
) -> Iterator[subprocess.Popen[bytes]]:
    """A background process, stopped (TERM, then KILL) when the block ends, however it ends."""
    with log.open("wb") as output:
        process = subprocess.Popen(  # a fixed command of ours, no shell
            command,
            cwd=ROOT,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            yield process
        finally:
            if process.poll() is None:
                os.killpg(process.pid, 15)
                try:
                    process.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    os.killpg(process.pid, 9)
                    process.wait(timeout=20)


@contextlib.contextmanager
def mail_sink() -> Iterator[tuple[int, list[bytes]]]:
    """An SMTP server on loopback that keeps what it receives (the receipts e-mailed)."""
    from aiosmtpd.controller import Controller

    received: list[bytes] = []

    class Handler:
        async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
            received.append(envelope.content)
            return "250 OK"

    port = free_port()
    controller = Controller(Handler(), hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield port, received
    finally:
        controller.stop()


def wait_until_serving(base: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"gunicorn exited with status {process.returncode} on start-up.")
        try:
            with urllib.request.urlopen(base + "/health/", timeout=5) as response:
                if response.status == 200:
                    return
        except (OSError, http.client.HTTPException):
            pass
        time.sleep(0.3)
    raise SystemExit(f"gunicorn did not answer within {STARTUP_TIMEOUT_S} s.")


def environment(folder: Path, database_url: str, smtp_port: int) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "casereview.settings",
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "DATABASE_URL": database_url,
        "VAR_DIR": str(folder),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(smtp_port),
        "EMAIL_USE_TLS": "0",
        "SECURE_SSL_REDIRECT": "0",
        "SESSION_COOKIE_SECURE": "0",
        "CSRF_COOKIE_SECURE": "0",
        "SECURE_HSTS_SECONDS": "0",
        "STATIC_MANIFEST": "0",
        "CLIENT_ADDRESS_HEADER": "X-Real-IP",
        "REQUIRE_TWO_FACTOR": "1",
        "LOG_LEVEL": "WARNING",
        "SITE_URL": "http://127.0.0.1",
    }


def empty_postgresql(env: dict[str, str]) -> None:
    """--database-url names a database to use for the test: emptied first, like a new one."""
    run_python(
        env,
        "import django, json\ndjango.setup()\nfrom django.db import connection\n"
        "with connection.cursor() as c:\n"
        "    c.execute('DROP SCHEMA public CASCADE'); c.execute('CREATE SCHEMA public')\n"
        "print(json.dumps({}))",
    )


# Running it ------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=50, help="simulated people at once (50)")
    parser.add_argument("--duration", type=float, default=60, help="seconds of load (60)")
    parser.add_argument("--staff-share", type=float, default=0.2, help="share who are staff (0.2)")
    # The deployment's shape (docs/operations.md): sync workers, two per core.
    parser.add_argument("--workers", type=int, default=4, help="gunicorn worker processes (4)")
    parser.add_argument(
        "--worker-class", default="sync", choices=["sync", "gthread"], help="gunicorn's (sync)"
    )
    parser.add_argument("--threads", type=int, default=1, help="threads per gthread worker (1)")
    parser.add_argument("--database-url", default="", help="a PostgreSQL database to use (emptied)")
    parser.add_argument("--result", default="loadtest-result.json", help="the JSON result file")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    options = parser.parse_args(argv)
    if options.users < 1 or not 1 <= options.duration <= 3600:
        parser.error("--users must be 1 or more and --duration from 1 to 3600 seconds")
    if not 0 <= options.staff_share <= 1:
        parser.error("--staff-share must be from 0 to 1")
    staff_count = round(options.users * options.staff_share)
    if options.staff_share > 0 and staff_count == 0:
        staff_count = 1
    public_count = options.users - staff_count

    folder = Path(tempfile.mkdtemp(prefix="casereview-load-"))
    try:
        with mail_sink() as (smtp_port, received):
            database_url = options.database_url or f"sqlite:///{folder / 'load.sqlite3'}"
            env = environment(folder, database_url, smtp_port)
            print(f"Setting up a fresh service in {folder} ...", flush=True)
            if options.database_url:
                empty_postgresql(env)
            manage(env, "migrate", "--noinput", "-v", "0")
            manage(env, "createcachetable")
            manage(env, "load_directory")
            manage(env, "seed_demo")
            setup = run_python(env, SETUP_STAFF, str(staff_count))
            port = free_port()
            base = f"http://127.0.0.1:{port}"
            gunicorn = [
                PYTHON, "-m", "gunicorn", "casereview.wsgi", "--bind", f"127.0.0.1:{port}",
                "--workers", str(options.workers), "--threads", str(options.threads),
                "--worker-class", options.worker_class, "--timeout", "60",
            ]  # fmt: skip
            worker = [PYTHON, "manage.py", "db_worker", "--no-reload"]
            with (
                started(gunicorn, env, folder / "gunicorn.log") as server,
                started(worker, env, folder / "worker.log"),
            ):
                wait_until_serving(base, server)
                recorder = Recorder()
                print(
                    f"Running {public_count} public visitors and {staff_count} staff for "
                    f"{options.duration:g} s against {base} ...",
                    flush=True,
                )
                begun = time.monotonic()
                until = begun + options.duration
                threads = [
                    threading.Thread(
                        target=public_visitor,
                        args=(base, setup["slug"], setup["police"], n, recorder, until),
                        daemon=True,
                    )
                    for n in range(public_count)
                ] + [
                    threading.Thread(
                        target=staff_member,
                        args=(base, n, setup["staff"][n], recorder, until),
                        daemon=True,
                    )
                    for n in range(staff_count)
                ]
                for thread in threads:
                    thread.start()
                for thread in threads:
                    # A request still running at the end gets its own timeout to finish.
                    thread.join(timeout=options.duration + REQUEST_TIMEOUT_S + 30)
                elapsed = time.monotonic() - begun
                stuck = sum(1 for thread in threads if thread.is_alive())
            references_file = folder / "references.json"
            references_file.write_text(json.dumps(recorder.references))
            stored = run_python(env, CHECK_STORED, str(references_file))
            emails = len(received)
    finally:
        if not options.keep:
            shutil.rmtree(folder, ignore_errors=True)

    errors = recorder.errors()
    result = {
        "users": options.users,
        "public_users": public_count,
        "staff_users": staff_count,
        "duration_s": options.duration,
        "elapsed_s": round(elapsed, 1),
        "database": "postgresql" if options.database_url else "sqlite",
        "gunicorn": {
            "worker_class": options.worker_class,
            "workers": options.workers,
            "threads": options.threads,
        },
        "applications_submitted": len(recorder.references),
        "applications_stored": stored["stored"],
        "applications_missing": stored["missing"],
        "acknowledged": recorder.acknowledged,
        "emails_received": emails,
        "errors": len(errors),
        "error_examples": sorted({sample.error for sample in errors})[:20],
        "threads_still_running": stuck,
        **summary(recorder, elapsed),
    }
    Path(options.result).write_text(json.dumps(result, indent=2) + "\n")
    print_report(result)
    failed = bool(errors) or bool(stored["missing"]) or stuck > 0
    failed = failed or len(recorder.references) == 0
    print(f"Result written to {options.result}: {'FAILED' if failed else 'passed'}.")
    return 1 if failed else 0


def print_report(result: dict[str, Any]) -> None:
    print(
        f"{result['applications_submitted']} applications submitted, "
        f"{result['applications_stored']} stored, {len(result['applications_missing'])} missing; "
        f"{result['acknowledged']} acknowledged by staff; {result['emails_received']} e-mails; "
        f"{result['errors']} errors."
    )
    print(f"{'request':32} {'count':>7} {'per s':>7} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}")
    rows = [*result["by_kind"].items(), ("all", result["all"])]
    for kind, figures in rows:
        if figures:
            print(
                f"{kind:32} {figures['requests']:>7} {figures['per_second']:>7} "
                f"{figures['p50_ms']:>8} {figures['p95_ms']:>8} {figures['p99_ms']:>8}"
            )
    for example in result["error_examples"]:
        print(f"error: {example}")


if __name__ == "__main__":
    sys.exit(main())
