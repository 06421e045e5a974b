"""Benchmark 4's machinery (bench/b4_web.py), not its timings: the minimal site serves its page
under gunicorn with the service's options, wrk's report parses and counts what went wrong (a
redirect to the sign-in page is a failure, not a fast page), and the sign-in helper gets a
session that opens the coordinator's dashboard."""

from __future__ import annotations

import argparse
import shutil
import urllib.request
from pathlib import Path

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from bench import b4_web
from casereview.accounts.models import Role
from tests.factories import PASSWORD, make_area, make_policy, make_user

ROOT = Path(__file__).resolve().parents[2]
needs_wrk = pytest.mark.skipif(shutil.which("wrk") is None, reason="wrk is not installed")


def test_the_lua_report_is_found_in_wrk_output_and_parsed() -> None:
    output = (
        "Running 1s test @ http://127.0.0.1:1/\n  2 threads and 2 connections\n"
        f"{b4_web.REPORT_MARK}\n"
        '{"requests": 10, "seconds": 1.0, "requests_per_s": 10.0, "bytes": 100, '
        '"errors": {"connect": 0, "read": 0, "write": 0, "timeout": 0, "status": 1}, '
        '"non_2xx": 3, "first_non_2xx_status": 302, '
        '"latency_ms": {"mean": 1.0, "p50": 1.0, "p90": 2.0, "p95": 2.5, "p99": 3.0, '
        '"max": 4.0}}\n'
    )
    run = b4_web.Run("page", 2, b4_web.parse_wrk_output(output))

    assert run.rps == 10.0
    assert run.latency("p95") == 2.5
    assert run.failures == 3  # the non-2xx answers; wrk's status errors are among them


@needs_wrk
def test_the_minimal_site_serves_its_page_and_wrk_reports_on_it(tmp_path: Path) -> None:
    with b4_web.gunicorn(
        "minimal", "bench.minimal_site:application", b4_web.minimal_environment(), tmp_path
    ) as minimal:
        with urllib.request.urlopen(minimal.base + "/", timeout=10) as response:
            assert response.status == 200
            assert b"Minimal page" in response.read()
        run = b4_web.run_wrk(
            "minimal", minimal.base + "/", seconds=1, connections=2, threads=1, server=minimal
        )
        peaks = minimal.workers_peak_rss_mib()

    assert run.report["requests"] > 0
    assert run.failures == 0
    assert set(run.report["latency_ms"]) >= {"p50", "p95", "p99"}
    assert len(peaks) == b4_web.WORKERS
    assert all(peak > 0 for peak in peaks)
    # Every worker's CPU seconds during the run, most first; someone served the requests.
    assert len(run.workers_cpu_s) == b4_web.WORKERS
    assert list(run.workers_cpu_s) == sorted(run.workers_cpu_s, reverse=True)
    assert run.workers_cpu_s[0] > 0
    assert run.summary()["workers_cpu_s"] == list(run.workers_cpu_s)


@pytest.mark.django_db(transaction=True)
def test_the_signed_in_session_opens_the_dashboard_and_a_stranger_is_counted_as_failing(
    live_server: object,
) -> None:
    area = make_area(name="Benchshire")
    make_policy(area)
    coordinator = make_user(
        "bench-coordinator@example.test", Role.COORDINATOR, area, full_name="Bench Coordinator"
    )
    device = TOTPDevice.objects.create(user=coordinator, name="Phone", confirmed=True)
    base = str(live_server)
    dashboard = base + "/staff/cases/?show=all"

    browser = b4_web.sign_in(base, coordinator.email, PASSWORD, device.key)
    page = b4_web.Page("dashboard", "Dashboard", dashboard, True, "Bench Coordinator")
    b4_web.check_page(page, browser.cookie_header())  # raises unless 200, signed in as them

    with pytest.raises(RuntimeError, match="answered 302"):
        b4_web.check_page(page, "")
    if shutil.which("wrk"):
        run = b4_web.run_wrk("dashboard", dashboard, seconds=1, connections=1, threads=1)
        assert run.report["requests"] > 0
        assert run.failures == run.report["requests"]  # every answer a 302 to sign in


@pytest.mark.django_db(transaction=True)
def test_a_wrong_password_is_a_failed_sign_in_not_a_session(live_server: object) -> None:
    area = make_area(name="Benchshire")
    coordinator = make_user("bench-coordinator@example.test", Role.COORDINATOR, area)

    with pytest.raises(b4_web.SignInFailed, match="password was not accepted"):
        b4_web.sign_in(str(live_server), coordinator.email, "not-the-password", "00" * 20)


def test_a_server_shape_is_read_from_its_spec_and_the_documented_one_has_the_documented_options() -> (
    None
):
    assert b4_web.DOCUMENTED_SHAPE.options == b4_web.GUNICORN_OPTIONS
    # The shape measured is the one docs/operations.md tells app servers to run.
    operations = " ".join((ROOT / "docs" / "operations.md").read_text().split())
    assert "--worker-class sync --workers <2 x cores> --timeout 60" in operations
    assert b4_web.DOCUMENTED_SHAPE.worker_class == "sync"
    assert b4_web.parse_shape("sync:4").options == (
        "--worker-class", "sync", "--workers", "4", "--timeout", "60",
    )  # fmt: skip
    gthread = b4_web.parse_shape("gthread:2:8")
    assert (gthread.workers, gthread.threads, gthread.name) == (2, 8, "gthread:2:8")
    for wrong in ("sync", "gthread:4", "eventlet:4", "sync:0", "sync:x"):
        with pytest.raises(argparse.ArgumentTypeError):
            b4_web.parse_shape(wrong)
