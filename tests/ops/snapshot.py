"""Everything a database holds, as plain values, to compare a database before and after."""

from __future__ import annotations

from typing import Any

from django.db.backends.base.base import BaseDatabaseWrapper

Rows = list[tuple[Any, ...]]


def _plain(value: Any) -> Any:
    # PostgreSQL hands binary columns (letters' PDFs) back as memoryview, which compares by identity.
    return bytes(value) if isinstance(value, memoryview) else value


def table_names(connection: BaseDatabaseWrapper) -> list[str]:
    """Every table in the database, not only the models' (the cache table, django_migrations,
    SQLite's autoincrement counters in sqlite_sequence)."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            return [name for (name,) in cursor.fetchall()]
        return sorted(
            info.name
            for info in connection.introspection.get_table_list(cursor)
            if info.type == "t"
        )


def snapshot(connection: BaseDatabaseWrapper) -> dict[str, Rows]:
    """Every row of every table (sorted, so that row order on disk does not matter), and on
    PostgreSQL each sequence's position (the next id a table hands out)."""
    tables: dict[str, Rows] = {}
    with connection.cursor() as cursor:
        for table in table_names(connection):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            rows = [tuple(_plain(value) for value in row) for row in cursor.fetchall()]
            tables[table] = sorted(rows, key=repr)
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT sequencename, last_value FROM pg_sequences "
                "WHERE schemaname = current_schema()"
            )
            tables["(sequences)"] = sorted(cursor.fetchall())
    return tables


def differences(before: dict[str, Rows], after: dict[str, Rows]) -> list[str]:
    """What differs, table by table, in a few words each (empty when identical)."""
    found = []
    for table in sorted(set(before) | set(after)):
        if table not in after:
            found.append(f"{table}: missing after")
        elif table not in before:
            found.append(f"{table}: not there before")
        elif before[table] != after[table]:
            gone = len([row for row in before[table] if row not in after[table]])
            new = len([row for row in after[table] if row not in before[table]])
            found.append(f"{table}: {gone} rows lost or changed, {new} rows new or changed")
    return found
