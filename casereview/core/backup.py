"""Backing up the database to one file, and restoring it from one (``manage.py backup`` / ``restore``).

A backup is two files: the database itself (``NAME``) and a manifest beside it
(``NAME.manifest.json``) saying what it is: the format, when it was made, the migrations it was
made at, how many rows each table held, and the file's SHA-256. Restore trusts nothing it has
not checked: the manifest must be there, describe this kind of database, and match the file's
checksum; after restoring, every table's row count must be what the manifest says.

- SQLite: the online backup API (``sqlite3.Connection.backup``), which copies the database page by
  page inside one read transaction, so the copy is consistent while the service goes on writing
  (WAL lets the writers continue). Restore copies the file back the same way into the live
  database through Django's connection, replacing its whole content at once.
- PostgreSQL: ``pg_dump --format=custom`` run on a snapshot exported by a read-only
  repeatable-read transaction, whose row counts go into the manifest, so the counts describe
  exactly what was dumped. Restore: ``pg_restore --clean --if-exists --no-owner``. The password
  reaches the tools through ``PGPASSWORD`` in their environment, never on a command line (which
  any user of the machine can read).

The file is written under a temporary name and renamed when complete, so an interrupted backup
never leaves a file that looks like a backup.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import django
from django.conf import settings
from django.db import connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.migrations.loader import MigrationLoader
from django.utils import timezone

SQLITE = "sqlite"
POSTGRESQL = "postgresql-custom"
MANIFEST_VERSION = 1
# The first bytes of each kind of file: a backup is checked to be what its manifest says.
_MAGIC = {SQLITE: b"SQLite format 3\x00", POSTGRESQL: b"PGDMP"}
# pg_dump and pg_restore can take a while on a large database, but never forever.
PG_TOOL_TIMEOUT_SECONDS = 60 * 60


class BackupError(Exception):
    """Something a person can fix: the message says what and how."""


@dataclass
class Manifest:
    format: str
    created_at: str
    database_vendor: str
    django_version: str
    # Applied migrations, app label -> migration names, sorted.
    migrations: dict[str, list[str]]
    # Rows in each table at the moment of the backup.
    tables: dict[str, int]
    sha256: str = ""
    size_bytes: int = 0
    file: str = ""
    manifest_version: int = MANIFEST_VERSION
    notes: list[str] = field(default_factory=list)

    def to_json(self) -> str:
        return json.dumps(asdict(self), indent=2, sort_keys=True) + "\n"

    @classmethod
    def from_file(cls, path: Path) -> Manifest:
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise BackupError(
                f"The manifest {path} is missing: every backup has one beside it, written by "
                "`manage.py backup`. Without it the file cannot be checked, so it is not restored."
            ) from None
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise BackupError(f"The manifest {path} cannot be read: {exc}.") from None
        if not isinstance(raw, dict) or raw.get("manifest_version") != MANIFEST_VERSION:
            raise BackupError(
                f"The manifest {path} is not a backup manifest of this service "
                f"(manifest_version {MANIFEST_VERSION} expected)."
            )
        try:
            return cls(**{key: raw[key] for key in cls.__dataclass_fields__ if key in raw})
        except TypeError as exc:
            raise BackupError(f"The manifest {path} is incomplete: {exc}.") from None


def manifest_path(backup: Path) -> Path:
    return backup.with_name(backup.name + ".manifest.json")


def format_of(connection: BaseDatabaseWrapper) -> str:
    if connection.vendor == "sqlite":
        return SQLITE
    if connection.vendor == "postgresql":
        return POSTGRESQL
    raise BackupError(f"Backups of a {connection.vendor} database are not supported.")


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(block)
    return digest.hexdigest()


def migration_state(connection: BaseDatabaseWrapper) -> dict[str, list[str]]:
    """The migrations this code has, app label -> names (compared with a backup's)."""
    loader = MigrationLoader(connection, ignore_no_migrations=True, load=True)
    known: dict[str, list[str]] = {}
    for app_label, name in loader.disk_migrations:
        known.setdefault(app_label, []).append(name)
    return {app: sorted(names) for app, names in sorted(known.items())}


def _applied(rows: list[tuple[str, str]]) -> dict[str, list[str]]:
    applied: dict[str, list[str]] = {}
    for app_label, name in rows:
        applied.setdefault(app_label, []).append(name)
    return {app: sorted(names) for app, names in sorted(applied.items())}


# SQLite ---------------------------------------------------------------------------------------


def _sqlite_tables(db: sqlite3.Connection) -> list[str]:
    rows = db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
    ).fetchall()
    return [name for (name,) in rows]


def _sqlite_counts(db: sqlite3.Connection) -> dict[str, int]:
    return {
        table: int(db.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0])
        for table in _sqlite_tables(db)
    }


def _sqlite_raw(connection: BaseDatabaseWrapper) -> sqlite3.Connection:
    connection.ensure_connection()
    raw = connection.connection
    assert isinstance(raw, sqlite3.Connection)
    return raw


def _backup_sqlite(connection: BaseDatabaseWrapper, target: Path) -> Manifest:
    if connection.in_atomic_block:
        raise BackupError("A backup cannot be taken inside a transaction.")
    source = _sqlite_raw(connection)
    copy = sqlite3.connect(target)
    try:
        # pages=-1: the whole database in one step, i.e. inside one read transaction, so the copy
        # is one consistent moment even while other connections write.
        source.backup(copy, pages=-1)
        # The copy describes itself: the counts and migrations are read from it, not the source.
        counts = _sqlite_counts(copy)
        migrations = _applied(copy.execute("SELECT app, name FROM django_migrations").fetchall())
    finally:
        copy.close()
    return _new_manifest(SQLITE, connection, counts, migrations)


def _restore_sqlite(connection: BaseDatabaseWrapper, backup: Path) -> dict[str, int]:
    if connection.in_atomic_block:
        raise BackupError("A restore cannot run inside a transaction.")
    try:
        source = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise BackupError(f"{backup} cannot be opened as an SQLite database: {exc}.") from None
    try:
        try:
            check = source.execute("PRAGMA quick_check").fetchone()
        except sqlite3.DatabaseError as exc:
            raise BackupError(f"{backup} is not an SQLite database: {exc}.") from None
        if check != ("ok",):
            raise BackupError(f"{backup} is damaged (SQLite quick_check: {check}).")
        # Copies every page of the backup over the live database: tables, rows, indexes and the
        # autoincrement counters, and drops whatever was not in the backup. Other connections
        # wait on SQLite's lock and then see the restored database.
        target = _sqlite_raw(connection)
        source.backup(target, pages=-1)
    finally:
        source.close()
    return _sqlite_counts(_sqlite_raw(connection))


# PostgreSQL -----------------------------------------------------------------------------------


def pg_tool(name: str) -> str:
    """The path of ``pg_dump``/``pg_restore``: ``PG_BIN_DIR`` if set, else PATH, else the newest
    Debian install (``make postgres`` puts them under /usr/lib/postgresql/<version>/bin)."""
    configured = getattr(settings, "PG_BIN_DIR", "") or os.environ.get("PG_BIN_DIR", "")
    if configured:
        candidate = Path(configured) / name
        if candidate.is_file():
            return str(candidate)
        raise BackupError(f"PG_BIN_DIR is {configured}, but it holds no {name}.")
    found = shutil.which(name)
    if found:
        return found
    installs = sorted(
        Path("/usr/lib/postgresql").glob(f"*/bin/{name}"),
        key=lambda path: int(path.parts[-3]) if path.parts[-3].isdigit() else 0,
    )
    if installs:
        return str(installs[-1])
    raise BackupError(
        f"{name} was not found. Install the PostgreSQL client (`make postgres`) or set PG_BIN_DIR."
    )


def _pg_environment(params: Mapping[str, Any]) -> dict[str, str]:
    """The libpq variables naming the database, and its password (kept off the command line)."""
    environment = dict(os.environ)
    for variable, key in (
        ("PGHOST", "HOST"),
        ("PGPORT", "PORT"),
        ("PGUSER", "USER"),
        ("PGPASSWORD", "PASSWORD"),
        ("PGDATABASE", "NAME"),
    ):
        value = params.get(key)
        if value:
            environment[variable] = str(value)
        else:
            environment.pop(variable, None)
    options = params.get("OPTIONS", {})
    if options.get("sslmode"):
        environment["PGSSLMODE"] = str(options["sslmode"])
    return environment


def _pg_run(command: list[str], params: Mapping[str, Any], what: str) -> None:
    try:
        completed = subprocess.run(  # a fixed tool, our own arguments, no shell
            command,
            env=_pg_environment(params),
            capture_output=True,
            text=True,
            timeout=PG_TOOL_TIMEOUT_SECONDS,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise BackupError(f"{what} did not finish within {PG_TOOL_TIMEOUT_SECONDS} s.") from None
    if completed.returncode != 0:
        raise BackupError(f"{what} failed: {completed.stderr.strip() or completed.returncode}.")


def _pg_connect(params: Mapping[str, Any]) -> Any:
    import psycopg

    return psycopg.connect(
        dbname=params.get("NAME") or None,
        user=params.get("USER") or None,
        password=params.get("PASSWORD") or None,
        host=params.get("HOST") or None,
        port=params.get("PORT") or None,
        sslmode=params.get("OPTIONS", {}).get("sslmode"),
        autocommit=False,
    )


PG_TABLES_SQL = (
    "SELECT table_schema, table_name FROM information_schema.tables "
    "WHERE table_type = 'BASE TABLE' AND table_schema = current_schema() ORDER BY table_name"
)


def _pg_counts(cursor: Any) -> dict[str, int]:
    tables = [name for _, name in cursor.execute(PG_TABLES_SQL).fetchall()]
    counts: dict[str, int] = {}
    for table in tables:
        counts[table] = int(cursor.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0])
    return counts


def _backup_postgresql(connection: BaseDatabaseWrapper, target: Path) -> Manifest:
    import psycopg

    params = connection.settings_dict
    pg_dump = pg_tool("pg_dump")
    with _pg_connect(params) as db:
        db.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
        db.read_only = True
        cursor = db.cursor()
        # The snapshot stays valid while this transaction is open: pg_dump reads the very same
        # moment as the counts below.
        snapshot = cursor.execute("SELECT pg_export_snapshot()").fetchone()[0]
        counts = _pg_counts(cursor)
        migrations = _applied(cursor.execute("SELECT app, name FROM django_migrations").fetchall())
        _pg_run(
            [pg_dump, "--format=custom", f"--snapshot={snapshot}", f"--file={target}"],
            params,
            "pg_dump",
        )
        db.rollback()
    return _new_manifest(POSTGRESQL, connection, counts, migrations)


def _restore_postgresql(connection: BaseDatabaseWrapper, backup: Path) -> dict[str, int]:
    params = connection.settings_dict
    # Django's own connection may hold locks (or a cached plan of a dropped table): closed first.
    connection.close()
    _pg_run(
        [
            pg_tool("pg_restore"),
            "--clean",
            "--if-exists",
            "--no-owner",
            "--single-transaction",
            "--exit-on-error",
            f"--dbname={params['NAME']}",
            str(backup),
        ],
        params,
        "pg_restore",
    )
    with _pg_connect(params) as db:
        counts = _pg_counts(db.cursor())
        db.rollback()
    return counts


# The two commands -----------------------------------------------------------------------------


def _new_manifest(
    kind: str,
    connection: BaseDatabaseWrapper,
    counts: dict[str, int],
    migrations: dict[str, list[str]],
) -> Manifest:
    return Manifest(
        format=kind,
        created_at=timezone.now().isoformat(timespec="seconds"),
        database_vendor=connection.vendor,
        django_version=django.get_version(),
        migrations=migrations,
        tables=counts,
    )


@contextmanager
def _temporary_beside(path: Path) -> Iterator[Path]:
    """A temporary file in ``path``'s folder (so the final rename is atomic), removed on failure."""
    handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".partial", dir=path.parent)
    os.close(handle)
    temporary = Path(name)
    # The SQLite backup API writes into an empty file; pg_dump overwrites.
    temporary.unlink()
    try:
        yield temporary
    finally:
        temporary.unlink(missing_ok=True)


def backup(output: Path, *, force: bool = False, using: str = "default") -> Manifest:
    """Write a backup of the database ``using`` to ``output`` and its manifest beside it."""
    connection = connections[using]
    kind = format_of(connection)
    output = output.expanduser().absolute()
    if output.is_dir():
        raise BackupError(f"{output} is a folder: give the path of the backup file to write.")
    if not output.parent.is_dir():
        raise BackupError(f"The folder {output.parent} does not exist.")
    if not force and (output.exists() or manifest_path(output).exists()):
        raise BackupError(
            f"{output} (or its manifest) already exists; choose another name or add --force "
            "to overwrite it."
        )
    with _temporary_beside(output) as temporary:
        if kind == SQLITE:
            manifest = _backup_sqlite(connection, temporary)
        else:
            manifest = _backup_postgresql(connection, temporary)
        manifest.sha256 = sha256_of(temporary)
        manifest.size_bytes = temporary.stat().st_size
        manifest.file = output.name
        # Backups hold personal data: readable by their owner only.
        temporary.chmod(0o600)
        temporary.replace(output)
    written = manifest_path(output)
    written.write_text(manifest.to_json(), encoding="utf-8")
    written.chmod(0o600)
    return manifest


@dataclass
class RestoreResult:
    manifest: Manifest
    counts: dict[str, int]
    # Migrations this code has that the backup was not made at: `manage.py migrate` applies them.
    migrations_to_apply: list[str]


def check_backup(path: Path, *, using: str = "default") -> Manifest:
    """The backup's manifest, once the file is shown to be that backup, unaltered, of a database
    of the configured kind, made at migrations this code knows."""
    connection = connections[using]
    path = path.expanduser().absolute()
    if not path.is_file():
        raise BackupError(f"There is no backup file at {path}.")
    manifest = Manifest.from_file(manifest_path(path))
    expected = format_of(connection)
    if manifest.format != expected:
        raise BackupError(
            f"{path} is a {manifest.format} backup, but the configured database is "
            f"{connection.vendor} (a {expected} backup is needed)."
        )
    with path.open("rb") as handle:
        start = handle.read(len(_MAGIC[expected]))
    if start != _MAGIC[expected]:
        raise BackupError(f"{path} is not a {expected} backup file (its first bytes are wrong).")
    actual = sha256_of(path)
    if actual != manifest.sha256:
        raise BackupError(
            f"The checksum of {path} does not match its manifest (sha256 {actual}, manifest says "
            f"{manifest.sha256}): the file was changed or damaged after the backup. Not restored."
        )
    known = migration_state(connection)
    unknown = sorted(
        f"{app}.{name}"
        for app, names in manifest.migrations.items()
        for name in names
        if name not in known.get(app, [])
    )
    if unknown:
        raise BackupError(
            "The backup was made by a newer version of the service (migrations this code does "
            f"not have: {', '.join(unknown[:5])}{'...' if len(unknown) > 5 else ''}). Restore it "
            "with that version."
        )
    return manifest


def restore(path: Path, *, using: str = "default") -> RestoreResult:
    """Replace the database ``using`` with the backup at ``path`` (checked first)."""
    connection = connections[using]
    path = path.expanduser().absolute()
    manifest = check_backup(path, using=using)
    if manifest.format == SQLITE:
        counts = _restore_sqlite(connection, path)
    else:
        counts = _restore_postgresql(connection, path)
    differing = sorted(
        table
        for table in set(manifest.tables) | set(counts)
        if counts.get(table) != manifest.tables.get(table)
    )
    if differing:
        details = ", ".join(
            f"{table}: {counts.get(table)} rows, backup had {manifest.tables.get(table)}"
            for table in differing[:10]
        )
        raise BackupError(f"After restoring, the row counts differ from the backup's: {details}.")
    known = migration_state(connection)
    missing = sorted(
        f"{app}.{name}"
        for app, names in known.items()
        for name in names
        if name not in manifest.migrations.get(app, [])
    )
    return RestoreResult(manifest=manifest, counts=counts, migrations_to_apply=missing)
