"""Benchmark 4, the web: the service served by gunicorn on loopback, with the national data set
loaded, under 20 concurrent clients (wrk).

    python -m bench.b4_web --database-url sqlite:///var/bench/national.sqlite3 \\
        --manifest var/bench/national.json [--repeats 3] [--duration 10] [--quick] \\
        [--shape sync:4 --shape gthread:4:4]

Targets (issue 9): the coordinator's dashboard and a case page at p95 <= 150 ms; the public start
page of an area (``/areas/<slug>/apply/``) at a throughput of at least half that of a minimal
Django view (``bench/minimal_site.py``) served the same way, the baseline.

How it measures:

- Two gunicorn servers with the same options (the deployment shape of docs/operations.md for a
  2-core machine: sync workers, 2 x cores of them): the service, with production
  settings (DEBUG off, two-factor required) except that TLS is not terminated in front of it
  (no HTTPS redirect, cookies not marked secure), and the minimal site.
- The sample coordinator of the manifest signs in for real (password, then a TOTP code computed
  from their authenticator's key), with CSRF tokens from the forms; wrk gets the session cookie.
- First, 20 clients on each page for 2 s, not timed, so that every worker has served every
  page (its database connection opened, its templates compiled).
- Then each page with one client for a few seconds: its service time (p50) with no queueing.
- Then ``--repeats`` rounds (default 3) of ``--duration`` seconds per page, interleaved
  (dashboard, case page, start page, minimal view), each with wrk ``-t2 -c20``. A figure is the
  median over rounds (p95 for the staff pages, requests per second for the throughput ratio);
  the spread over rounds is in the details.
- With ``--shape`` given more than once, one service per gunicorn shape (worker class,
  workers, threads), all sharing one session; the staff pages of each shape are measured in
  the same interleaved rounds, the first shape's are the figures and the others' are in the
  details (``shapes``), to compare the documented sync shape with, say, gthread workers.
- Each loaded run also gives every worker's CPU seconds during it (``workers_cpu_s``): how
  evenly the clients' work was shared among the processes.
- Any answer that is not a 2xx, and any socket error, fails the benchmark (exit 1): a 302 to
  the sign-in page is not a fast dashboard.

20 closed-loop clients on 2 cores, with wrk and gunicorn on the same cores, means a request's
latency is mostly time spent queueing behind the others: roughly 20 / throughput. The service
time with one client is reported beside each p95 so the reader can see where the p95 comes
from. Peak memory is the peak resident size of the service's gunicorn workers.

The data set is only read, apart from a signed-in session and the audit rows of the case page.
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import json
import os
import re
import secrets
import shutil
import socket
import statistics
import subprocess  # nosec B404 - runs gunicorn and wrk, fixed commands of ours
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench import harness

ROOT = Path(__file__).resolve().parent.parent
LUA_REPORT = Path(__file__).resolve().parent / "wrk_report.lua"
REPORT_MARK = "--- wrk-report ---"

# docs/operations.md: "--worker-class sync --workers <2 x cores> --timeout 60".
WORKERS = 2 * (os.cpu_count() or 1)
WARM_UP_S = 2.0  # of 20 clients per page before timing, so that every worker has served it
GUNICORN_OPTIONS: tuple[str, ...] = (
    "--worker-class", "sync",
    "--workers", str(WORKERS),
    "--timeout", "60",
)  # fmt: skip


@dataclass(frozen=True)
class Shape:
    """How gunicorn serves the service: worker class, processes and threads per process.

    The documented shape is sync workers, 2 x cores of them (bench/fixes/b4.toml says why:
    gthread workers keep a client's connection in the process that accepted it, and 20
    keep-alive clients were often shared out unevenly, up to all of them on one process, whose
    threads then take turns holding its GIL on one core). ``--shape`` measures other shapes
    beside it in the same rounds (the figures in the details), so that the deployment is
    chosen on evidence; each run's details give every worker's CPU seconds, which shows how
    evenly the work was shared."""

    worker_class: str  # "gthread" or "sync"
    workers: int
    threads: int = 1

    @property
    def name(self) -> str:
        if self.worker_class == "sync":
            return f"sync:{self.workers}"
        return f"{self.worker_class}:{self.workers}:{self.threads}"

    @property
    def options(self) -> tuple[str, ...]:
        threads = ("--threads", str(self.threads)) if self.worker_class == "gthread" else ()
        return (
            "--worker-class", self.worker_class,
            "--workers", str(self.workers),
            *threads,
            "--timeout", "60",
        )  # fmt: skip


DOCUMENTED_SHAPE = Shape("sync", WORKERS)


def parse_shape(text: str) -> Shape:
    """``gthread:<workers>:<threads>`` or ``sync:<workers>``."""
    parts = text.split(":")
    try:
        if parts[0] == "gthread" and len(parts) == 3:
            shape = Shape("gthread", int(parts[1]), int(parts[2]))
        elif parts[0] == "sync" and len(parts) == 2:
            shape = Shape("sync", int(parts[1]))
        else:
            raise ValueError(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r}: expected gthread:<workers>:<threads> or sync:<workers>"
        ) from None
    if shape.workers < 1 or shape.threads < 1:
        raise argparse.ArgumentTypeError(f"{text!r}: workers and threads must be at least 1")
    return shape


CONNECTIONS = 20
WRK_THREADS = 2
STARTUP_TIMEOUT_S = 120
REQUEST_TIMEOUT_S = 60


# The servers ------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def service_environment(
    database_url: str, var_dir: Path, secret_key: str | None = None
) -> dict[str, str]:
    """Production settings for the service, on loopback without a TLS proxy in front. Servers
    given the same ``secret_key`` accept each other's sessions (as app servers behind one
    load balancer do)."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "casereview.settings",
        "DEBUG": "0",
        "SECRET_KEY": secret_key or secrets.token_urlsafe(50),
        "DATABASE_URL": database_url,
        "VAR_DIR": str(var_dir),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "EMAIL_HOST": "127.0.0.1",  # required with DEBUG off; no page measured sends mail
        "REQUIRE_TWO_FACTOR": "1",
        # No TLS in front on loopback: plain HTTP must be served, and cookies sent back over it.
        "SECURE_SSL_REDIRECT": "0",
        "SESSION_COOKIE_SECURE": "0",
        "CSRF_COOKIE_SECURE": "0",
        "SECURE_HSTS_SECONDS": "0",
        # The pages are measured, not their static files (which nothing here collects).
        "STATIC_MANIFEST": "0",
        # docs/operations.md: connections kept open between requests on every app server.
        "DB_CONN_MAX_AGE": "60",
        "LOG_LEVEL": "WARNING",
        "SITE_URL": "http://127.0.0.1",
    }


def minimal_environment() -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.minimal_site",
        "SECRET_KEY": secrets.token_urlsafe(50),
    }


@dataclass
class Server:
    """A gunicorn server running in its own process group."""

    name: str
    base: str
    process: subprocess.Popen[bytes]
    log: Path

    def worker_pids(self) -> list[int]:
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        try:
            return [int(pid) for pid in children.read_text().split()]
        except OSError:
            return []

    def workers_cpu_seconds(self) -> dict[int, float]:
        """CPU seconds (user and system) each worker has used so far, by process id."""
        ticks = os.sysconf("SC_CLK_TCK")
        used: dict[int, float] = {}
        for pid in self.worker_pids():
            with contextlib.suppress(OSError, IndexError, ValueError):
                # The fields after the command name (which may hold spaces or parentheses):
                # utime and stime are the 14th and 15th of the line, 12th and 13th after it.
                fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
                used[pid] = (int(fields[11]) + int(fields[12])) / ticks
        return used

    def workers_peak_rss_mib(self) -> list[float]:
        """Each worker's peak resident size (VmHWM), in MiB."""
        peaks = []
        for pid in self.worker_pids():
            with contextlib.suppress(OSError):
                for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                    if line.startswith("VmHWM:"):
                        peaks.append(int(line.split()[1]) / 1024)
        return peaks

    def log_tail(self, lines: int = 30) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""


@contextlib.contextmanager
def gunicorn(
    name: str,
    target: str,
    env: dict[str, str],
    folder: Path,
    ready_path: str = "/",
    shape: Shape = DOCUMENTED_SHAPE,
) -> Iterator[Server]:
    """gunicorn serving ``target`` on a free loopback port in ``shape`` (by default the
    documented ``GUNICORN_OPTIONS``); stopped (TERM to its process group, then KILL) when the
    block ends, however it ends."""
    port = free_port()
    log = folder / f"{name}.log"
    command = [
        sys.executable, "-m", "gunicorn", target,
        "--bind", f"127.0.0.1:{port}", *shape.options,
    ]  # fmt: skip
    with log.open("wb") as output:
        process = subprocess.Popen(  # nosec B603 - a fixed command of ours, no shell
            command,
            cwd=ROOT,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        server = Server(name, f"http://127.0.0.1:{port}", process, log)
        try:
            wait_until_answering(server, ready_path, shape.workers)
            yield server
        finally:
            stop(process)


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, 15)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, 9)
        process.wait(timeout=20)


def wait_until_answering(server: Server, path: str, workers: int = WORKERS) -> None:
    """Until every worker has booted: any HTTP answer from a few requests in a row."""
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    answered = 0
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(
                f"{server.name}: gunicorn exited with status {server.process.returncode}:\n"
                + server.log_tail()
            )
        try:
            connection = http.client.HTTPConnection(server.base.removeprefix("http://"), timeout=5)
            connection.request("GET", path)
            connection.getresponse().read()
            connection.close()
            answered += 1
            if answered >= 3 and len(server.worker_pids()) >= workers:
                return
            continue
        except (OSError, http.client.HTTPException):
            answered = 0
        time.sleep(0.3)
    raise RuntimeError(f"{server.name}: gunicorn did not answer within {STARTUP_TIMEOUT_S} s")


# Signing in like a person ----------------------------------------------------------------------


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """A redirect is an answer to check (a sign-in answers 302), never followed."""

    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


class SignInFailed(Exception):
    pass


CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def totp_code(key_hex: str, at: float | None = None) -> str:
    """The code the coordinator's authenticator app shows (django-otp's own TOTP)."""
    from django_otp.oath import TOTP

    totp = TOTP(bytes.fromhex(key_hex))
    if at is not None:
        totp.time = at
    return f"{totp.token():06d}"


class Browser:
    """A cookie jar and a way to send forms with their CSRF token."""

    def __init__(self, base: str) -> None:
        import http.cookiejar

        self.base = base
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies), _NoRedirects()
        )

    def get(self, path: str) -> tuple[int, str, str]:
        return self._send(path, None)

    def post_form(self, path: str, fields: dict[str, str]) -> tuple[int, str, str]:
        """GET the form for its CSRF token, then POST ``fields`` with it."""
        status, page, _ = self.get(path)
        if status != 200:
            raise SignInFailed(f"GET {path} answered {status}")
        token = CSRF_INPUT.search(page)
        if token is None:
            raise SignInFailed(f"no CSRF token in the form at {path}")
        return self._send(path, {**fields, "csrfmiddlewaretoken": token.group(1)})

    def _send(self, path: str, fields: dict[str, str] | None) -> tuple[int, str, str]:
        body = urllib.parse.urlencode(fields).encode() if fields is not None else None
        request = urllib.request.Request(
            self.base + path, data=body, headers={"Referer": self.base + path}
        )
        try:
            with self.opener.open(request, timeout=REQUEST_TIMEOUT_S) as response:
                return response.status, response.read().decode("utf-8", "replace"), ""
        except urllib.error.HTTPError as answered:
            text = answered.read().decode("utf-8", "replace")
            return answered.code, text, answered.headers.get("Location", "")

    def cookie_header(self) -> str:
        return "; ".join(f"{cookie.name}={cookie.value}" for cookie in self.cookies)


def sign_in(base: str, email: str, password: str, totp_key: str) -> Browser:
    """A browser signed in as ``email``: password, then the current TOTP code. A code can be
    used once (django-otp refuses a time step already used), so when the code is refused the
    next one is tried once."""
    browser = Browser(base)
    status, _, location = browser.post_form(
        "/staff/sign-in/", {"email": email, "password": password}
    )
    if status != 302:
        raise SignInFailed(f"the password was not accepted for {email} (answer {status})")
    for attempt in range(2):
        if attempt:
            time.sleep(30 - time.time() % 30 + 0.5)  # the next time step
        status, _, location = browser.post_form("/staff/two-factor/", {"code": totp_code(totp_key)})
        if status == 302:
            if "sign-in" in location or "two-factor" in location:
                raise SignInFailed(f"two-factor sent {email} to {location}")
            return browser
    raise SignInFailed(f"the TOTP code was not accepted for {email}")


# wrk ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    """One wrk run: throughput, latency percentiles (ms) and what went wrong."""

    page: str
    connections: int
    report: dict[str, Any]
    # Each server worker's CPU seconds during the run, most first (empty when not measured):
    # how evenly the clients' work was shared among the processes.
    workers_cpu_s: tuple[float, ...] = ()

    @property
    def rps(self) -> float:
        return float(self.report["requests_per_s"])

    def latency(self, name: str) -> float:
        return float(self.report["latency_ms"][name])

    @property
    def failures(self) -> int:
        errors = self.report["errors"]
        socket_errors = errors["connect"] + errors["read"] + errors["write"] + errors["timeout"]
        return int(socket_errors + self.report["non_2xx"])

    def summary(self) -> dict[str, Any]:
        return {
            "requests": self.report["requests"],
            "rps": round(self.rps, 1),
            "p50_ms": self.latency("p50"),
            "p95_ms": self.latency("p95"),
            "p99_ms": self.latency("p99"),
            "failures": self.failures,
            "workers_cpu_s": list(self.workers_cpu_s),
        }


def parse_wrk_output(output: str) -> dict[str, Any]:
    """The JSON object ``wrk_report.lua`` prints after its mark line."""
    _, mark, after = output.partition(REPORT_MARK)
    if not mark:
        raise ValueError(f"no wrk report in the output:\n{output[-2000:]}")
    report: dict[str, Any] = json.loads(after.strip().splitlines()[0])
    return report


def run_wrk(
    page: str,
    url: str,
    *,
    seconds: float,
    connections: int = CONNECTIONS,
    threads: int = WRK_THREADS,
    cookie: str = "",
    server: Server | None = None,
) -> Run:
    """wrk against ``url``; with ``server``, its workers' CPU seconds during the run too."""
    command = [
        "wrk", f"-t{min(threads, connections)}", f"-c{connections}", f"-d{max(1, round(seconds))}s",
        "--timeout", f"{REQUEST_TIMEOUT_S}s", "--latency", "-s", str(LUA_REPORT),
    ]  # fmt: skip
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    command.append(url)
    before = server.workers_cpu_seconds() if server else {}
    finished = subprocess.run(  # nosec B603 - a fixed command of ours, no shell
        command, capture_output=True, text=True, timeout=seconds + 120, check=False
    )
    after = server.workers_cpu_seconds() if server else {}
    if finished.returncode != 0:
        raise RuntimeError(f"wrk failed ({finished.returncode}):\n{finished.stderr[-2000:]}")
    used = sorted((round(after[pid] - before.get(pid, 0.0), 2) for pid in after), reverse=True)
    return Run(page, connections, parse_wrk_output(finished.stdout), tuple(used))


# The benchmark --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Page:
    key: str  # "dashboard", "case", "start", "minimal"
    title: str
    url: str
    staff: bool
    must_contain: str


def coordinator_totp_key(sample: dict[str, Any]) -> str:
    """The sample coordinator's authenticator key (hex), as the data set's manifest gives it."""
    key = sample.get("totp_key_hex") or sample.get("coordinator_totp_key")
    if not key:
        raise SystemExit("The manifest's sample has no TOTP key (totp_key_hex) to sign in with.")
    return str(key)


def data_set_details(sample: dict[str, Any]) -> dict[str, Any]:
    """How big the measured pages' data are: the area's cases and the sample case's records."""
    from casereview.cases.models import Case
    from casereview.cases.workflow import OPEN_STATUSES

    area_cases = Case.objects.filter(area_id=sample["area_id"])
    case = Case.objects.get(reference=sample["case_reference"])
    return {
        "area_cases": area_cases.count(),
        "area_open_cases": area_cases.filter(status__in=OPEN_STATUSES).count(),
        "case_complaints": case.complaints.count(),
        "case_events": case.events.count(),
        "case_deadlines": case.deadlines.count(),
        "case_letters": case.letters.count(),
    }


def check_page(page: Page, cookie: str) -> None:
    """One request, before the load: the page must answer 200 with what it should show."""
    request = urllib.request.Request(page.url, headers={"Cookie": cookie} if cookie else {})
    opener = urllib.request.build_opener(_NoRedirects())
    try:
        with opener.open(request, timeout=REQUEST_TIMEOUT_S) as response:
            status, text = response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as answered:
        status, text = answered.code, ""
    if status != 200 or page.must_contain not in text:
        raise RuntimeError(
            f"{page.title} ({page.url}) answered {status}"
            + ("" if status != 200 else f" without {page.must_contain!r}")
        )


def vendor(database_url: str) -> str:
    return "postgresql" if database_url.startswith("postgres") else "sqlite"


def median_of(runs: Sequence[Run], value: str) -> float:
    if value == "rps":
        return statistics.median(run.rps for run in runs)
    return statistics.median(run.latency(value) for run in runs)


def spread(values: Sequence[float]) -> dict[str, float]:
    return {"min": round(min(values), 3), "max": round(max(values), 3)}


def latency_result(
    result_id: str,
    page: Page,
    runs: Sequence[Run],
    single: Run,
    peak: float | None,
    extra: dict[str, Any],
) -> harness.Result:
    p95s = tuple(run.latency("p95") for run in runs)
    return harness.Result(
        id=result_id,
        title=f"{page.title}: p95 latency, {CONNECTIONS} concurrent clients",
        figure=statistics.median(p95s),
        unit="ms",
        target=harness.Target("<=", 150, "ms"),
        database=vendor(extra["database_url"]),
        timing=harness.Timing(p95s),
        peak_memory_mib=peak,
        details={
            "url_path": urllib.parse.urlsplit(page.url).path,
            "p50_ms": round(median_of(runs, "p50"), 3),
            "p99_ms": round(median_of(runs, "p99"), 3),
            "rps": round(median_of(runs, "rps"), 1),
            "rps_spread": spread([run.rps for run in runs]),
            "service_time_one_client_ms": {
                "p50": single.latency("p50"),
                "p95": single.latency("p95"),
            },
            "runs": [run.summary() for run in runs],
            **{key: value for key, value in extra.items() if key != "database_url"},
        },
        notes=(
            "Median over rounds of wrk's p95. With 20 closed-loop clients on 2 cores shared "
            "with wrk, latency is mostly queueing (about 20 / throughput); the one-client "
            "service time shows the cost of one request."
        ),
    )


def shape_summary(shape: Shape, runs: Sequence[Run], single: Run) -> dict[str, Any]:
    """A staff page's figures under one server shape, as the details give them."""
    return {
        "gunicorn": " ".join(shape.options),
        "p95_ms": round(median_of(runs, "p95"), 3),
        "p50_ms": round(median_of(runs, "p50"), 3),
        "p99_ms": round(median_of(runs, "p99"), 3),
        "rps": round(median_of(runs, "rps"), 1),
        "service_time_one_client_ms": single.latency("p50"),
        "runs": [run.summary() for run in runs],
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = harness.common_arguments(__doc__, prog="python -m bench.b4_web")
    parser.set_defaults(repeats=3)
    parser.add_argument(
        "--duration", type=float, default=10, help="seconds of load per page per round (10)"
    )
    parser.add_argument(
        "--shape",
        dest="shapes",
        action="append",
        type=parse_shape,
        metavar="SHAPE",
        help=(
            "a gunicorn shape for the service, gthread:<workers>:<threads> or sync:<workers>; "
            "give it more than once to measure the staff pages under each in the same "
            "interleaved rounds. The first is the one the figures are of (and the start page "
            f"and minimal view are served in it); default {DOCUMENTED_SHAPE.name}, the "
            "documented deployment"
        ),
    )
    options = parser.parse_args(argv)
    if not options.database_url or not options.manifest:
        parser.error("--database-url and --manifest (the national data set) are required")
    shapes: list[Shape] = list(dict.fromkeys(options.shapes or [DOCUMENTED_SHAPE]))
    rounds, seconds, single_seconds = options.repeats, options.duration, 3.0
    if options.quick:
        rounds, seconds, single_seconds = 1, min(seconds, 3.0), 2.0
    if shutil.which("wrk") is None:
        parser.error("wrk is not installed (scripts/install-system.sh bench installs it)")

    harness.setup_django(options.database_url)
    sample = harness.read_manifest(options.manifest)["sample"]
    totp_key = coordinator_totp_key(sample)
    sizes = data_set_details(sample)

    failures: list[str] = []
    main_shape = shapes[0]
    secret_key = secrets.token_urlsafe(50)  # one for all the services: one session for all
    with (
        tempfile.TemporaryDirectory(prefix="casereview-b4-") as folder_name,
        contextlib.ExitStack() as stack,
    ):
        folder = Path(folder_name)
        start_path = f"/areas/{sample['area_slug']}/apply/"
        services = [
            stack.enter_context(
                gunicorn(
                    "service" if number == 0 else f"service-{number}",
                    "casereview.wsgi",
                    service_environment(options.database_url, folder / "var", secret_key),
                    folder,
                    ready_path=start_path,
                    shape=shape,
                )
            )
            for number, shape in enumerate(shapes)
        ]
        service = services[0]
        minimal = stack.enter_context(
            gunicorn(
                "minimal",
                "bench.minimal_site:application",
                minimal_environment(),
                folder,
                shape=main_shape,
            )
        )
        browser = sign_in(
            service.base,
            sample["coordinator_email"],
            sample["coordinator_password"],
            totp_key,
        )
        cookie = browser.cookie_header()

        def staff_pages(base: str, suffix: str) -> list[Page]:
            return [
                Page(
                    "dashboard" + suffix,
                    "Coordinator's dashboard (all cases in their area)",
                    f"{base}/staff/cases/?show=all",
                    True,
                    "app-signed-in-as",  # the name of who is signed in, in the header
                ),
                Page(
                    "case" + suffix,
                    "Case page",
                    f"{base}/staff/cases/{sample['case_reference']}/",
                    True,
                    sample["case_reference"],
                ),
            ]

        pages = [
            *staff_pages(service.base, ""),
            Page("start", "Public start page", service.base + start_path, False, "<form"),
            Page("minimal", "Minimal Django view", minimal.base + "/", False, "Minimal page"),
        ]
        server_of = {page.key: minimal if page.key == "minimal" else service for page in pages}
        # Staff pages of the other shapes, keyed "<page>@<shape>".
        for shape, other in zip(shapes[1:], services[1:], strict=True):
            theirs = staff_pages(other.base, "@" + shape.name)
            pages.extend(theirs)
            server_of.update((page.key, other) for page in theirs)
        for page in pages:
            check_page(page, cookie if page.staff else "")

        # Every worker serves every page before anything is timed: sync workers share the
        # requests out, and each process's first answers (its database connection, compiled
        # templates, translations) would otherwise land in the one-client figures.
        harness.say("b4: warming up every worker on every page ...")
        for page in pages:
            run_wrk(
                page.key,
                page.url,
                seconds=WARM_UP_S,
                cookie=cookie if page.staff else "",
            )
        harness.say("b4: one client per page (service time) ...")
        single = {
            page.key: run_wrk(
                page.key,
                page.url,
                seconds=single_seconds,
                connections=1,
                threads=1,
                cookie=cookie if page.staff else "",
            )
            for page in pages
        }
        loaded: dict[str, list[Run]] = {page.key: [] for page in pages}
        for number in range(rounds):
            for page in pages:
                harness.say(f"b4: round {number + 1}/{rounds}: {page.title} ({page.key}) ...")
                run = run_wrk(
                    page.key,
                    page.url,
                    seconds=seconds,
                    cookie=cookie if page.staff else "",
                    server=server_of[page.key],
                )
                loaded[page.key].append(run)
                harness.say(f"    {json.dumps(run.summary())}")
        service_peaks = service.workers_peak_rss_mib()
        minimal_peaks = minimal.workers_peak_rss_mib()

    for key, runs in [*loaded.items(), *((f"{k} (1 client)", [r]) for k, r in single.items())]:
        bad = sum(run.failures for run in runs)
        if bad:
            first = max(run.report["first_non_2xx_status"] for run in runs)
            failures.append(f"{key}: {bad} failed requests (first non-2xx status {first or '-'})")

    peak = max(service_peaks) if service_peaks else None
    extra: dict[str, Any] = {
        "database_url": options.database_url,
        "gunicorn": " ".join(main_shape.options),
        "wrk": f"-t{WRK_THREADS} -c{CONNECTIONS} -d{seconds:g}s",
        "rounds": rounds,
        "workers_peak_rss_mib": [round(value, 1) for value in service_peaks],
        "data": sizes,
    }

    def with_shapes(page_key: str) -> dict[str, Any]:
        """The other shapes' figures for a staff page, beside the main shape's."""
        if len(shapes) == 1:
            return extra
        return {
            **extra,
            "shapes": {
                shape.name: shape_summary(
                    shape,
                    loaded[page_key + ("" if shape == main_shape else "@" + shape.name)],
                    single[page_key + ("" if shape == main_shape else "@" + shape.name)],
                )
                for shape in shapes
            },
        }

    by_key = {page.key: page for page in pages}
    results = [
        latency_result(
            "b4.dashboard",
            by_key["dashboard"],
            loaded["dashboard"],
            single["dashboard"],
            peak,
            with_shapes("dashboard"),
        ),
        latency_result(
            "b4.case_page",
            by_key["case"],
            loaded["case"],
            single["case"],
            peak,
            with_shapes("case"),
        ),
    ]
    start_rps = [run.rps for run in loaded["start"]]
    minimal_rps = [run.rps for run in loaded["minimal"]]
    results.append(
        harness.Result(
            id="b4.public_start",
            title=f"Public start page: throughput, {CONNECTIONS} concurrent clients",
            figure=statistics.median(start_rps),
            unit="requests/s",
            database=vendor(options.database_url),
            peak_memory_mib=peak,
            baseline_name="minimal Django view, same gunicorn options",
            baseline_figure=statistics.median(minimal_rps),
            ratio_target=harness.Target(">=", 0.5, "x"),
            details={
                "url_path": start_path,
                "rps_runs": [round(value, 1) for value in start_rps],
                "baseline_rps_runs": [round(value, 1) for value in minimal_rps],
                "p95_ms": round(median_of(loaded["start"], "p95"), 3),
                "baseline_p95_ms": round(median_of(loaded["minimal"], "p95"), 3),
                "service_time_one_client_ms": single["start"].latency("p50"),
                "baseline_service_time_one_client_ms": single["minimal"].latency("p50"),
                "baseline_workers_peak_rss_mib": [round(value, 1) for value in minimal_peaks],
                "runs": [run.summary() for run in loaded["start"]],
                "baseline_runs": [run.summary() for run in loaded["minimal"]],
                **{key: value for key, value in extra.items() if key != "database_url"},
            },
            notes="Ratio: the start page's requests per second over the minimal view's, "
            "median over interleaved rounds.",
        )
    )
    for result in results:
        if failures:
            result.notes = "FAILED: " + "; ".join(failures) + ". " + result.notes
    harness.write_fragment(options.out, results)
    for failure in failures:
        harness.say(f"b4: FAILED: {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
