"""Settings come from the environment through typed helpers that fail loudly."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from casereview.env import env_bool, env_int, env_list, env_str

ROOT = Path(__file__).resolve().parent.parent

PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": "kq0-8x!v3n_production-like-secret-for-the-deploy-check-7Hc2Lm9Zp4Rt6Wy1",
    "ALLOWED_HOSTS": "casereview.example.org",
    "EMAIL_HOST": "smtp.example.org",
    "SITE_URL": "https://casereview.example.org",
}


CONFIGURATION = {
    *PRODUCTION,
    "DATABASE_URL",
    "DJANGO_SETTINGS_MODULE",
    "SECURE_SSL_REDIRECT",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "SECURE_HSTS_SECONDS",
    "STATIC_MANIFEST",
    "REQUIRE_TWO_FACTOR",
    # Set by the browser tests for Playwright; never in a deployment.
    "DJANGO_ALLOW_ASYNC_UNSAFE",
}


def run_manage(*args: str, env: dict[str, str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    # Start from the real environment less everything tests/settings.py or CI may have set.
    clean = {k: v for k, v in os.environ.items() if k not in CONFIGURATION}
    clean.update({"VAR_DIR": str(tmp_path), "DJANGO_SETTINGS_MODULE": "casereview.settings"})
    clean.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_a_flag_accepts_the_usual_spellings():
    assert env_bool("X", False, environ={"X": "yes"}) is True
    assert env_bool("X", True, environ={"X": "Off"}) is False
    assert env_bool("X", True, environ={}) is True


def test_a_malformed_flag_names_the_variable():
    with pytest.raises(ImproperlyConfigured, match="DEBUG must be one of"):
        env_bool("DEBUG", False, environ={"DEBUG": "maybe"})


def test_a_malformed_number_names_the_variable():
    with pytest.raises(ImproperlyConfigured, match="EMAIL_PORT must be a whole number"):
        env_int("EMAIL_PORT", 587, environ={"EMAIL_PORT": "five"})


def test_a_required_string_without_default_fails_loudly():
    with pytest.raises(ImproperlyConfigured, match="SECRET_KEY is required"):
        env_str("SECRET_KEY", environ={})


def test_lists_are_comma_separated_and_blanks_dropped():
    assert env_list("H", [], environ={"H": "a.org, b.org,,"}) == ["a.org", "b.org"]


def test_production_without_a_secret_key_refuses_to_start(tmp_path):
    result = run_manage(
        "check", env={"DEBUG": "0", "EMAIL_HOST": "smtp.example.org"}, tmp_path=tmp_path
    )
    assert result.returncode != 0
    assert "SECRET_KEY is required when DEBUG is off" in result.stderr


def test_production_without_a_mail_server_refuses_to_start(tmp_path):
    env = {k: v for k, v in PRODUCTION.items() if k != "EMAIL_HOST"}
    result = run_manage("check", env=env, tmp_path=tmp_path)
    assert result.returncode != 0
    assert "EMAIL_HOST is required when DEBUG is off" in result.stderr


def test_a_malformed_database_url_is_a_clear_configuration_error(tmp_path):
    result = run_manage(
        "check", env={**PRODUCTION, "DATABASE_URL": "nonsense://x"}, tmp_path=tmp_path
    )
    assert result.returncode != 0
    assert "DATABASE_URL" in result.stderr


def test_the_deployment_check_passes_with_production_variables(tmp_path):
    result = run_manage(
        "check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION, tmp_path=tmp_path
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_the_deployment_check_fails_when_debug_is_on(tmp_path):
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env={**PRODUCTION, "DEBUG": "1"},
        tmp_path=tmp_path,
    )
    assert result.returncode != 0
    assert "DEBUG" in result.stdout + result.stderr


def test_the_default_database_is_sqlite_in_wal_mode_under_var_with_fewer_checkpoints(tmp_path):
    result = run_manage(
        "shell",
        "-c",
        "from django.db import connection; c = connection.cursor(); "
        "c.execute('PRAGMA journal_mode'); print(c.fetchone()[0]); "
        "c.execute('PRAGMA wal_autocheckpoint'); print(c.fetchone()[0]); "
        "print(connection.settings_dict['NAME'])",
        env={"DEBUG": "1"},
        tmp_path=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    mode, checkpoint_pages, name = result.stdout.split()[-3:]
    assert mode == "wal"
    assert checkpoint_pages == "10000"
    assert name == str(tmp_path / "casereview.sqlite3")


def test_a_malformed_api_rate_limit_refuses_to_start(tmp_path):
    result = run_manage("check", env={**PRODUCTION, "API_RATE_LIMIT": "lots"}, tmp_path=tmp_path)
    assert result.returncode != 0
    assert "API_RATE_LIMIT must be a number of requests per s, m, h or d" in result.stderr


def test_a_suppression_threshold_below_two_stops_the_service_starting(tmp_path: Path) -> None:
    result = run_manage(
        "check", env={**PRODUCTION, "STATISTICS_SUPPRESSION_THRESHOLD": "1"}, tmp_path=tmp_path
    )
    assert result.returncode != 0
    assert "STATISTICS_SUPPRESSION_THRESHOLD must be a whole number from 2 to 100" in result.stderr
