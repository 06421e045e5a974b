"""Backup never overwrites by accident, and restore replaces nothing unless told to and shown
that the file is an unaltered backup of this kind of database: each refusal is one clear line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from casereview.core.backup import manifest_path

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def a_backup(tmp_path: Path) -> Path:
    path = tmp_path / "casereview.backup"
    call_command("backup", str(path))
    return path


def test_a_backup_does_not_overwrite_a_file_without_force(a_backup):
    before = a_backup.read_bytes()

    with pytest.raises(CommandError, match=r"already exists; .* add --force"):
        call_command("backup", str(a_backup))

    assert a_backup.read_bytes() == before
    call_command("backup", str(a_backup), "--force")
    assert json.loads(manifest_path(a_backup).read_text())["file"] == a_backup.name


def test_a_backup_into_a_missing_folder_says_so(tmp_path):
    with pytest.raises(CommandError, match=r"The folder .*nowhere does not exist"):
        call_command("backup", str(tmp_path / "nowhere" / "casereview.backup"))


def test_restore_does_nothing_without_yes(a_backup):
    with pytest.raises(CommandError, match=r"add --yes to confirm"):
        call_command("restore", str(a_backup))


def test_restore_of_a_missing_file_says_there_is_none(tmp_path):
    with pytest.raises(CommandError, match=r"There is no backup file at .*absent.backup"):
        call_command("restore", str(tmp_path / "absent.backup"), "--yes")


def test_restore_without_the_manifest_refuses(a_backup):
    manifest_path(a_backup).unlink()

    with pytest.raises(CommandError, match=r"manifest .* is missing"):
        call_command("restore", str(a_backup), "--yes")


def test_restore_of_an_altered_file_reports_the_checksum_mismatch(a_backup):
    with a_backup.open("ab") as handle:
        handle.write(b"tampered")

    with pytest.raises(CommandError, match=r"checksum .* does not match its manifest"):
        call_command("restore", str(a_backup), "--yes")


def test_restore_of_a_backup_of_another_kind_of_database_refuses(a_backup):
    manifest = json.loads(manifest_path(a_backup).read_text())
    manifest["format"] = "oracle-export"
    manifest_path(a_backup).write_text(json.dumps(manifest))

    with pytest.raises(CommandError, match=r"is a oracle-export backup, but the configured"):
        call_command("restore", str(a_backup), "--yes")


def test_restore_of_a_file_that_is_not_a_backup_refuses(a_backup):
    # A file whose manifest was rewritten to match it: the first bytes still give it away.
    a_backup.write_bytes(b"name,address\nSam,1 High Street\n")
    manifest = json.loads(manifest_path(a_backup).read_text())
    manifest_path(a_backup).write_text(json.dumps({**manifest, "sha256": "0" * 64}))

    with pytest.raises(CommandError, match=r"is not a .* backup file"):
        call_command("restore", str(a_backup), "--yes")


def test_check_only_vouches_for_a_sound_backup_and_changes_nothing(a_backup, capsys):
    call_command("restore", str(a_backup), "--check-only")

    assert "is a sound" in capsys.readouterr().out
