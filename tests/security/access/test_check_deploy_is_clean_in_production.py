"""``manage.py check --deploy`` finds nothing to warn about in production settings, and does
warn as soon as one of the settings it checks is relaxed (so the test can see a failure)."""

from __future__ import annotations

from pathlib import Path

from tests.security.access.production import manage


def test_check_deploy_with_production_settings_reports_no_issues(tmp_path: Path) -> None:
    result = manage(tmp_path, "check", "--deploy", "--fail-level", "WARNING")

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_check_deploy_sees_a_session_cookie_sent_without_tls(tmp_path: Path) -> None:
    result = manage(
        tmp_path, "check", "--deploy", "--fail-level", "WARNING", SESSION_COOKIE_SECURE="0"
    )

    assert result.returncode != 0
    assert "security.W012" in result.stderr + result.stdout


def test_check_deploy_sees_hsts_switched_off(tmp_path: Path) -> None:
    result = manage(
        tmp_path, "check", "--deploy", "--fail-level", "WARNING", SECURE_HSTS_SECONDS="0"
    )

    assert result.returncode != 0
    assert "security.W004" in result.stderr + result.stdout
