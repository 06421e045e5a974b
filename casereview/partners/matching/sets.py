"""A whole list of values as ONE query parameter, for the set-based queries of incident data.

``Model.objects.filter(field__in=values)`` sends one parameter per value, and Django prepares
each of them in Python (resolving, converting, quoting: several microseconds a value). The
ingest service, matching and the second-report duty ask about a thousand references or keys
at once, several times per chunk, and that preparation cost more than running the queries.
``AnyOf("field", values)`` asks the same question without that preparation: on PostgreSQL
the list is one array parameter (``= ANY(%s)``); on SQLite the values are bound as they are
(``IN (?, ?, ...)``, which lets SQLite's planner see how few rows are wanted and choose the
column's index), or, past ``SQLITE_LISTED`` values, sent as one JSON array
(``IN (SELECT value FROM json_each(?))``), within SQLite's limit on parameters. Values must be
ints or strings, as stored.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import BooleanField, Expression, F
from django.db.models.sql.compiler import SQLCompiler

# Up to this many values, SQLite gets one parameter per value (its limit is 32,766).
SQLITE_LISTED = 5000


class AnyOf(Expression):
    """True where the column ``name`` (a field name, or a path across a relation) holds one of
    ``values``; false everywhere for no values. Use in ``filter()`` like a lookup."""

    output_field = BooleanField()
    conditional = True

    def __init__(self, name: str, values: Iterable[int | str]) -> None:
        super().__init__()
        self.column: Any = F(name)
        self.values = sorted(set(values))

    def get_source_expressions(self) -> list[Any]:
        return [self.column]

    def set_source_expressions(self, exprs: Sequence[Any]) -> None:
        (self.column,) = exprs

    def resolve_expression(
        self,
        query: Any = None,
        allow_joins: bool = True,
        reuse: Any = None,
        summarize: bool = False,
        for_save: bool = False,
    ) -> AnyOf:
        resolved = self.copy()
        resolved.column = self.column.resolve_expression(
            query, allow_joins, reuse, summarize, for_save
        )
        return resolved

    def as_sql(
        self, compiler: SQLCompiler, connection: BaseDatabaseWrapper, **extra: Any
    ) -> tuple[str, list[Any]]:
        if not self.values:
            return "1 = 0", []
        column, params = compiler.compile(self.column)
        if connection.vendor == "postgresql":
            return f"{column} = ANY(%s)", [*params, self.values]
        if len(self.values) <= SQLITE_LISTED:
            marks = ", ".join(["%s"] * len(self.values))
            return f"{column} IN ({marks})", [*params, *self.values]
        return (
            f"{column} IN (SELECT value FROM json_each(%s))",
            [*params, json.dumps(self.values)],
        )
