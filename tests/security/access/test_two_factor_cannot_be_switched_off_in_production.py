"""REQUIRE_TWO_FACTOR=0 with DEBUG off is a configuration error: the service refuses to start,
rather than run production with passwords alone. With DEBUG on (a developer's machine) it may
be switched off."""

from __future__ import annotations

from pathlib import Path

from tests.security.access.production import manage


def test_production_settings_refuse_to_start_with_two_factor_off(tmp_path: Path) -> None:
    result = manage(tmp_path, "check", REQUIRE_TWO_FACTOR="0")

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "REQUIRE_TWO_FACTOR cannot be off when DEBUG is off" in result.stderr


def test_production_settings_start_with_two_factor_on(tmp_path: Path) -> None:
    result = manage(tmp_path, "check", REQUIRE_TWO_FACTOR="1")

    assert result.returncode == 0, result.stderr


def test_a_development_copy_may_switch_it_off(tmp_path: Path) -> None:
    result = manage(tmp_path, "check", DEBUG="1", REQUIRE_TWO_FACTOR="0")

    assert result.returncode == 0, result.stderr
