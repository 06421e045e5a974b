"""Running the real ``manage.py`` in a subprocess with production settings: DEBUG off, a long
random SECRET_KEY, real host names, and every security setting at its production default (the
test settings relax some of them for the test client, so they are not inherited here)."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
# The environment variables the test run sets for itself: a production run must not inherit
# them.
RELAXED = {
    "SECURE_SSL_REDIRECT",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "SECURE_HSTS_SECONDS",
    "STATIC_MANIFEST",
    "REQUIRE_TWO_FACTOR",
    "DJANGO_SETTINGS_MODULE",
    "DEBUG",
    # Set by the browser tests' conftest for Playwright, in this same process.
    "DJANGO_ALLOW_ASYNC_UNSAFE",
}


def production_environment(tmp_path: Path, **overrides: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in RELAXED}
    env.update(
        DJANGO_SETTINGS_MODULE="casereview.settings",
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="casereview.example.org",
        SITE_URL="https://casereview.example.org",
        EMAIL_HOST="smtp.example.org",
        VAR_DIR=str(tmp_path),
        # A database of its own: the probe must never write to the database the suite was
        # pointed at (on PostgreSQL that is a real, shared database, not the test one).
        DATABASE_URL=f"sqlite:///{tmp_path / 'production.sqlite3'}",
    )
    env.update(overrides)
    return env


def manage(tmp_path: Path, *args: str, **overrides: str) -> subprocess.CompletedProcess[str]:
    """``manage.py <args>`` in production settings; bounded, so a hang fails the test."""
    return subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        cwd=ROOT,
        env=production_environment(tmp_path, **overrides),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
