"""Writing the national data set's rows fast, on SQLite and on PostgreSQL alike.

The generator makes rows with explicit primary keys (so that rows written in one batch can point
at each other without reading anything back) and writes them with the database's own bulk path:
``executemany`` inside the surrounding transaction on SQLite, ``COPY ... FROM STDIN`` on
PostgreSQL. Both are many times faster than ``bulk_create``, which builds model instances and
one multi-row INSERT statement per batch.

Values are plain Python (``int``, ``str``, ``bool``, ``bytes``, ``date``, aware ``datetime``,
``dict``/``list`` for JSON columns, ``None``); ``Writer`` turns them into what each database
stores, the way Django's own adapters do.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from typing import Any

from django.db import connection
from django.db.models import Model

BATCH = 20_000


def table_of(model: type[Model]) -> str:
    return model._meta.db_table


def columns_of(model: type[Model]) -> tuple[str, ...]:
    """Every column of ``model``'s table, in the model's field order (the order rows are built in)."""
    return tuple(field.column for field in model._meta.concrete_fields)


def next_id(model: type[Model]) -> int:
    """The first free primary key of ``model``'s table."""
    with connection.cursor() as cursor:
        cursor.execute(f'SELECT MAX("id") FROM "{table_of(model)}"')  # nosec B608 - table name
        row = cursor.fetchone()
    return int(row[0] or 0) + 1


class Writer:
    """Bulk inserts into the current database connection (call inside ``transaction.atomic``)."""

    def __init__(self) -> None:
        self.vendor = connection.vendor
        self.written: dict[str, int] = {}

    def _sqlite_value(self, value: Any) -> Any:
        if isinstance(value, dt.datetime):
            # Django keeps SQLite datetimes as naive UTC text.
            if value.tzinfo is not None:
                value = value.astimezone(dt.UTC).replace(tzinfo=None)
            return value.isoformat(" ")
        if isinstance(value, dt.date):
            return value.isoformat()
        if isinstance(value, dict | list):
            return json.dumps(value)
        if isinstance(value, memoryview):
            return bytes(value)
        return value

    def _postgres_value(self, value: Any) -> Any:
        if isinstance(value, dict | list):
            return json.dumps(value)
        if isinstance(value, memoryview):
            return bytes(value)
        return value

    def rows(self, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
        """Insert ``rows`` (tuples in the order of ``columns``) into ``table``; return how many."""
        quoted = ", ".join(f'"{column}"' for column in columns)
        count = 0
        if self.vendor == "postgresql":
            raw = connection.connection
            assert raw is not None
            convert = self._postgres_value
            with (
                raw.cursor() as cursor,
                cursor.copy(f'COPY "{table}" ({quoted}) FROM STDIN') as copy,
            ):
                for row in rows:
                    copy.write_row([convert(value) for value in row])
                    count += 1
        else:
            marks = ", ".join("?" for _ in columns)
            statement = f'INSERT INTO "{table}" ({quoted}) VALUES ({marks})'  # nosec B608
            convert = self._sqlite_value
            raw = connection.connection
            assert raw is not None
            cursor = raw.cursor()
            batch: list[list[Any]] = []
            for row in rows:
                batch.append([convert(value) for value in row])
                if len(batch) >= BATCH:
                    cursor.executemany(statement, batch)
                    count += len(batch)
                    batch.clear()
            if batch:
                cursor.executemany(statement, batch)
                count += len(batch)
            cursor.close()
        self.written[table] = self.written.get(table, 0) + count
        return count

    def reset_sequences(self, models: Iterable[type[Model]]) -> None:
        """After explicit keys, move PostgreSQL's sequences past the largest key (SQLite's
        rowid needs nothing)."""
        if self.vendor != "postgresql":
            return
        from django.core.management.color import no_style

        statements = connection.ops.sequence_reset_sql(no_style(), list(models))
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)
