"""Querysets compiled once and run many times with new values.

A page such as the case page reads a dozen lists of rows, each of the same shape on every
request: the deadlines of case N, the letters of case N, and so on. Django compiles each
queryset to SQL afresh every time it runs (filters, joins, ordering, the columns to select),
and on the case page that compiling cost more than SQLite took to answer (bench/fixes/b4.toml).

``Prepared`` builds its queryset once per database connection with stand-in values (markers),
keeps the SQL, where each marker went among its parameters and what Django worked out to turn
rows into model instances, and then runs that SQL with the real values. Its rows come back as
the model instances, with the relations of ``select_related`` and any annotations, that
iterating the queryset would give; tests/core/test_prepared.py checks that they are the same.

What it takes:
- values that are ``int`` or ``str``, or lists of them (a list of n values compiles as a shape
  of its own: ``area_id__in`` with 3 areas and with 4 are two statements);
- keyword options, hashable, passed to the builder as they are: one statement per distinct
  set of options (for a query whose conditions depend on what is known, say);
- no ``prefetch_related``: write the related rows' query as one of its own.
``all()`` gives model instances; ``tuples()`` gives the columns of a ``values_list`` query.
A queryset whose conditions match nothing because a list of values is empty runs no SQL and gives
no rows; one that would match nothing for other values is refused when compiled.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from itertools import count
from typing import Any, Generic, TypeVar
from weakref import WeakKeyDictionary

from django.core.exceptions import EmptyResultSet
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Model, QuerySet
from django.db.models.query import (  # type: ignore[attr-defined]
    ModelIterable,
    ValuesListIterable,
    get_related_populators,
)
from django.db.models.sql.compiler import SQLCompiler

M = TypeVar("M", bound=Model)

Value = int | str | Sequence[int] | Sequence[str]

# Stand-in values. Each marker of a statement is distinct, so its place among the compiled
# parameters tells which value it is; a constant of the query equal to a marker would reach the
# SQL twice, which compiling refuses (never a wrong statement). Numbers are positive and within
# the range of every integer column (a small integer's is up to 32,767): Django compiles a
# comparison with a number out of a column's range as matching nothing (EmptyResultSet), and a
# positive column's range starts at 0.
_FIRST_INT_MARKER = 31_000
_TEXT_MARKER = "\x00prepared-{}\x00"


def _shape(value: Value) -> tuple[str, int]:
    if isinstance(value, bool):
        raise TypeError("Prepared takes int and str values, not bool: build it into the query")
    if isinstance(value, int):
        return ("int", -1)
    if isinstance(value, str):
        return ("str", -1)
    items = list(value)
    if not all(isinstance(item, int) and not isinstance(item, bool) for item in items) and not (
        all(isinstance(item, str) for item in items)
    ):
        raise TypeError(f"Prepared takes lists of int or of str only, not {value!r}")
    kind = "str" if items and isinstance(items[0], str) else "int"
    return (f"list-{kind}", len(items))


@dataclass
class _Statement:
    """One compiled statement: its SQL, its parameters with markers in, and where each value's
    items go (``slots``: for each value given, the positions of its items among the
    parameters, in order), with what turns a row into a model instance."""

    sql: str
    params: list[Any]
    slots: list[list[int]]
    compiler: SQLCompiler
    converters: dict[int, Any]
    init_list: list[str]
    model_start: int
    model_end: int
    populators: list[Any]
    annotations: dict[str, int]
    trim_to: int | None
    empty: bool = False

    def parameters(self, values: Sequence[Value]) -> list[Any]:
        params = list(self.params)
        for slot, value in zip(self.slots, values, strict=True):
            items = [value] if isinstance(value, int | str) else list(value)
            for position, item in zip(slot, items, strict=True):
                params[position] = item
        return params


@dataclass
class Prepared(Generic[M]):
    """A queryset of ``build(*markers, **options)``, compiled once per database connection and
    shape (the kinds and lengths of the values, and the options), then run with the values.

    ``build`` must put each marker into the query as a value to compare with (``case_id=m``,
    ``reference=m``, ``area_id__in=ms``), so it reaches the SQL unchanged as one parameter; a
    marker it transforms (``m + 1``, ``m.upper()``) or leaves out is refused when compiling.
    """

    build: Callable[..., QuerySet[M, Any]]
    using: str = DEFAULT_DB_ALIAS
    _compiled: WeakKeyDictionary[BaseDatabaseWrapper, dict[Hashable, _Statement]] = field(
        default_factory=WeakKeyDictionary, repr=False
    )

    def all(self, *values: Value, **options: Hashable) -> list[M]:
        """The rows of the query for ``values``, as model instances."""
        statement, rows = self._run(values, options)
        if statement.model_start < 0:
            raise TypeError("this Prepared reads values: call tuples(), not all()")
        model = statement.compiler.klass_info["model"]
        start, end, init_list = statement.model_start, statement.model_end, statement.init_list
        found = []
        for row in rows:
            instance = model.from_db(self.using, init_list, row[start:end])
            for populator in statement.populators:
                populator.populate(row, instance)
            for name, position in statement.annotations.items():
                setattr(instance, name, row[position])
            found.append(instance)
        return found

    def tuples(self, *values: Value, **options: Hashable) -> list[tuple[Any, ...]]:
        """The rows of a ``values_list`` query for ``values``, as tuples of its columns."""
        statement, rows = self._run(values, options)
        if statement.model_start >= 0:
            raise TypeError("this Prepared reads model instances: call all(), not tuples()")
        return [tuple(row) for row in rows]

    def _run(
        self, values: Sequence[Value], options: dict[str, Hashable]
    ) -> tuple[_Statement, list[Any]]:
        connection = connections[self.using]
        statement = self._statement(connection, values, options)
        if statement.empty:
            return statement, []
        with connection.cursor() as cursor:
            cursor.execute(statement.sql, statement.parameters(values))
            rows: list[Any] = cursor.fetchall()
        if statement.trim_to is not None:
            rows = [row[: statement.trim_to] for row in rows]
        if statement.converters:
            rows = list(statement.compiler.apply_converters(rows, statement.converters))
        return statement, rows

    def first(self, *values: Value, **options: Hashable) -> M | None:
        """The first row of the query for ``values`` (``build`` orders and limits it), or None."""
        rows = self.all(*values, **options)
        return rows[0] if rows else None

    def _statement(
        self,
        connection: BaseDatabaseWrapper,
        values: Sequence[Value],
        options: dict[str, Hashable],
    ) -> _Statement:
        key = (tuple(_shape(value) for value in values), tuple(sorted(options.items())))
        kept = self._compiled.setdefault(connection, {})
        statement = kept.get(key)
        if statement is None:
            statement = kept[key] = self._compile(key[0], options)
        return statement

    def _compile(
        self, shapes: tuple[tuple[str, int], ...], options: dict[str, Hashable]
    ) -> _Statement:
        numbers = count(_FIRST_INT_MARKER)
        texts = count()
        markers: list[Any] = []
        for kind, length in shapes:

            def one(kind: str) -> Any:
                return next(numbers) if kind == "int" else _TEXT_MARKER.format(next(texts))

            if length < 0:
                markers.append(one(kind))
            else:
                markers.append([one(kind.removeprefix("list-")) for _ in range(length)])
        queryset = self.build(*markers, **options)
        if getattr(queryset, "_prefetch_related_lookups", ()):
            raise ValueError(
                "Prepared does not prefetch: give the related rows a query of their own"
            )
        instances = queryset._iterable_class is ModelIterable
        query = queryset.query
        plain_columns = not (query.extra_select or query.annotation_select)
        if not instances and not (queryset._iterable_class is ValuesListIterable and plain_columns):
            raise ValueError("Prepared reads model instances, or values_list() of columns only")
        compiler = query.get_compiler(using=self.using)
        try:
            sql, compiled_params = compiler.as_sql()
        except EmptyResultSet:
            # Matching nothing is the query's answer only when a list of values is empty: for
            # any other shape it would be the markers' doing, and a statement that matches
            # nothing whatever the values would be wrong.
            if not any(length == 0 for _, length in shapes):
                raise ValueError(
                    f"{self.build!r} compiles to a query matching nothing for its markers: "
                    "a value must be compared with a column as it is"
                ) from None
            model_start = 0 if instances else -1
            return _Statement("", [], [], compiler, {}, [], model_start, 0, [], {}, None, True)
        params = list(compiled_params)
        slots = []
        for marker in markers:
            items = marker if isinstance(marker, list) else [marker]
            slot = []
            for item in items:
                if params.count(item) != 1:
                    raise ValueError(
                        f"a marker of {self.build!r} reached the SQL {params.count(item)} times, "
                        "not once: compare it with a column as it is"
                    )
                slot.append(params.index(item))
            slots.append(slot)
        select = compiler.select
        klass_info = compiler.klass_info
        fields = [column[0] for column in select[0 : compiler.col_count]]
        if not instances:  # values_list(): columns, no model instances
            start, end, populators = -1, -1, []
        else:
            assert klass_info is not None
            select_fields = klass_info["select_fields"]
            start, end = select_fields[0], select_fields[-1] + 1
            populators = get_related_populators(klass_info, select, self.using)
        return _Statement(
            sql=sql,
            params=params,
            slots=slots,
            compiler=compiler,
            converters=compiler.get_converters(fields),
            init_list=[column[0].target.attname for column in select[start:end]],
            model_start=start,
            model_end=end,
            populators=populators,
            annotations=dict(compiler.annotation_col_map or {}),
            trim_to=compiler.col_count if compiler.has_extra_select else None,
        )
