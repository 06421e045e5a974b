"""The permission matrix: who may use which route, kept as data beside the code.

One TOML file per URL namespace in this folder (``cases.toml`` holds the ``cases:`` routes,
``root.toml`` the routes without a namespace). Each file says which kind of principals its routes
are walked with (``kind = "web"`` or ``kind = "api"``) and lists rows::

    [[rows]]
    route = "cases:case"
    methods = ["GET"]
    allow = ["area-staff:own"]

Anything a row does not allow is denied. The loader checks the data strictly, so a typo cannot
silently deny or allow: an unknown principal, method, key or file kind, a route in the wrong
file, or a route and method given twice is a ``MatrixError`` naming the file and the row.
Whether every route of the URL configuration has a row (and every row a route) is checked by
``coverage()``, which the matrix test reports. The format is described in README.md here and
in docs/permissions.md.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent

# The roles a membership can hold (casereview.accounts.models.Role), as the matrix spells them.
ROLES: tuple[str, ...] = (
    "coordinator",
    "area_admin",
    "agency_rep",
    "chair",
    "appeal_reviewer",
    "read_only",
)
# "own": a member of the object's area (for agency_rep: of the agency that owns the object);
# "other": the same role held in another area (for agency_rep: another agency).
RELATIONS: tuple[str, ...] = ("own", "other")

WEB_PRINCIPALS: tuple[str, ...] = (
    "anonymous",
    "applicant:own",
    "applicant:other",
    *(f"{role}:{relation}" for role in ROLES for relation in RELATIONS),
)
API_PRINCIPALS: tuple[str, ...] = (
    "anonymous",
    "key:own",
    "key:other",
    "key:revoked",
    "staff-session",
)
PRINCIPALS: dict[str, tuple[str, ...]] = {"web": WEB_PRINCIPALS, "api": API_PRINCIPALS}

_STAFF_OWN = tuple(f"{role}:own" for role in ROLES)
_STAFF_OTHER = tuple(f"{role}:other" for role in ROLES)
_AREA_ROLES = tuple(role for role in ROLES if role != "agency_rep")

# Names standing for several principals, so that rows stay short. A bare role ("chair") means
# both its own and other principal: used for pages that belong to no one area or agency.
GROUPS: dict[str, dict[str, tuple[str, ...]]] = {
    "web": {
        "everyone": WEB_PRINCIPALS,
        "applicant": ("applicant:own", "applicant:other"),
        "staff": _STAFF_OWN + _STAFF_OTHER,
        "staff:own": _STAFF_OWN,
        "staff:other": _STAFF_OTHER,
        "area-staff:own": tuple(f"{role}:own" for role in _AREA_ROLES),
        "area-staff": tuple(f"{role}:{rel}" for role in _AREA_ROLES for rel in RELATIONS),
        **{role: (f"{role}:own", f"{role}:other") for role in ROLES},
    },
    "api": {
        "everyone": API_PRINCIPALS,
        "key": ("key:own", "key:other"),
    },
}

METHODS: frozenset[str] = frozenset({"GET", "POST", "PUT", "PATCH", "DELETE"})
_ROW_KEYS = frozenset({"route", "methods", "allow", "note"})
_FILE_KEYS = frozenset({"kind", "rows"})
# The file holding routes that have no namespace.
ROOT_FILE = "root"


class MatrixError(ValueError):
    """The matrix data is malformed; the message names the file and row."""


@dataclass(frozen=True)
class Row:
    """One row as written: ``allow`` is expanded to principals."""

    source: str
    route: str
    methods: tuple[str, ...]
    allow: frozenset[str]
    note: str = ""


@dataclass
class Matrix:
    """Every row of every file, and the answer to "may this principal do this"."""

    kinds: dict[str, str] = field(default_factory=dict)  # route -> "web" | "api"
    rows: list[Row] = field(default_factory=list)
    _allowed: dict[tuple[str, str], frozenset[str]] = field(default_factory=dict)

    @property
    def routes(self) -> frozenset[str]:
        return frozenset(self.kinds)

    def principals(self, route: str) -> tuple[str, ...]:
        return PRINCIPALS[self.kinds[route]]

    def allowed(self, route: str, method: str, principal: str) -> bool:
        return principal in self._allowed.get((route, method.upper()), frozenset())

    def methods(self, route: str) -> tuple[str, ...]:
        """The methods some row of ``route`` names, in a stable order."""
        return tuple(sorted(m for (r, m) in self._allowed if r == route))


def namespace_of(route: str) -> str:
    """The file stem a route belongs in: its first namespace, or ``root``."""
    return route.split(":", 1)[0] if ":" in route else ROOT_FILE


def expand(names: Iterable[str], kind: str, where: str) -> frozenset[str]:
    """Principals named by ``names`` (principals or groups) for a file of ``kind``."""
    principals: set[str] = set()
    for name in names:
        if not isinstance(name, str):
            raise MatrixError(f"{where}: allow must list names, not {name!r}")
        if name in GROUPS[kind]:
            principals.update(GROUPS[kind][name])
        elif name in PRINCIPALS[kind]:
            principals.add(name)
        else:
            known = ", ".join(sorted({*PRINCIPALS[kind], *GROUPS[kind]}))
            raise MatrixError(f"{where}: unknown principal {name!r} (known: {known})")
    return frozenset(principals)


def _row(data: Any, kind: str, stem: str, where: str) -> Row:
    if not isinstance(data, Mapping):
        raise MatrixError(f"{where}: a row is a table with route, methods and allow")
    unknown = set(data) - _ROW_KEYS
    if unknown:
        raise MatrixError(
            f"{where}: unknown key(s) {sorted(unknown)}; a row has {sorted(_ROW_KEYS)}"
        )
    missing = {"route", "methods", "allow"} - set(data)
    if missing:
        raise MatrixError(f"{where}: missing {sorted(missing)}")
    route, methods, allow = data["route"], data["methods"], data["allow"]
    note = data.get("note", "")
    if not isinstance(route, str) or not route:
        raise MatrixError(f"{where}: route must be a URL name such as 'cases:case'")
    where = f"{where} ({route})"
    if namespace_of(route) != stem:
        raise MatrixError(f"{where}: belongs in {namespace_of(route)}.toml, not {stem}.toml")
    if not isinstance(methods, list) or not methods:
        raise MatrixError(f"{where}: methods must be a non-empty list such as ['GET']")
    for method in methods:
        if method not in METHODS:
            raise MatrixError(f"{where}: unknown method {method!r} (known: {sorted(METHODS)})")
    if len(set(methods)) != len(methods):
        raise MatrixError(f"{where}: a method is listed twice")
    if not isinstance(allow, list):
        raise MatrixError(f"{where}: allow must be a list (empty: nobody)")
    if not isinstance(note, str):
        raise MatrixError(f"{where}: note must be text")
    return Row(stem, route, tuple(methods), expand(allow, kind, where), note)


def _file(path: Path) -> tuple[str, list[Row]]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise MatrixError(f"{path.name}: not valid TOML: {error}") from error
    unknown = set(data) - _FILE_KEYS
    if unknown:
        raise MatrixError(f"{path.name}: unknown key(s) {sorted(unknown)}; a file has kind, rows")
    kind = data.get("kind")
    if kind not in PRINCIPALS:
        raise MatrixError(f"{path.name}: kind must be one of {sorted(PRINCIPALS)}, not {kind!r}")
    rows = data.get("rows", [])
    if not isinstance(rows, list):
        raise MatrixError(f"{path.name}: rows must be written as [[rows]] tables")
    stem = path.stem
    return kind, [_row(row, kind, stem, f"{path.name} row {n}") for n, row in enumerate(rows, 1)]


def load(directory: Path = HERE) -> Matrix:
    """Read and check every ``*.toml`` file of ``directory``."""
    matrix = Matrix()
    for path in sorted(directory.glob("*.toml")):
        kind, rows = _file(path)
        for row in rows:
            matrix.kinds[row.route] = kind
            for method in row.methods:
                key = (row.route, method)
                if key in matrix._allowed:
                    raise MatrixError(
                        f"{path.name}: {row.route} {method} has more than one row; "
                        "give each route and method one row"
                    )
                matrix._allowed[key] = row.allow
            matrix.rows.append(row)
    return matrix


def url_routes() -> dict[str, frozenset[str]]:
    """Every named URL pattern of the URL configuration (namespaced name -> the names of its
    arguments), found by walking the resolver, so a route added anywhere is included. A pattern
    without a name cannot be given a row: it is listed under a name saying where it is."""
    from django.urls import URLPattern, URLResolver, get_resolver

    found: dict[str, frozenset[str]] = {}

    def walk(
        patterns: Iterable[URLPattern | URLResolver],
        namespace: str,
        prefix: str,
        outer: frozenset[str],
    ) -> None:
        for pattern in patterns:
            arguments = outer | frozenset(pattern.pattern.regex.groupindex)
            if isinstance(pattern, URLResolver):
                # An include() of a plain list of patterns has no namespace of its own.
                inner = ":".join(part for part in (namespace, pattern.namespace) if part)
                walk(pattern.url_patterns, inner, prefix + str(pattern.pattern), arguments)
                continue
            if pattern.name:
                name = f"{namespace}:{pattern.name}" if namespace else pattern.name
            else:
                name = f"(unnamed pattern {prefix}{pattern.pattern})"
            found[name] = arguments

    walk(get_resolver().url_patterns, "", "", frozenset())
    return found


@dataclass(frozen=True)
class Coverage:
    """Routes without a row, and rows naming a route that does not exist."""

    missing: tuple[str, ...]
    stale: tuple[str, ...]

    def __bool__(self) -> bool:
        return not (self.missing or self.stale)

    def explain(self) -> Iterator[str]:
        for route in self.missing:
            yield f"no row for route {route!r}: add one to {namespace_of(route)}.toml"
        for route in self.stale:
            yield f"row for route {route!r}, which no longer exists: remove it"


def coverage(matrix: Matrix, routes: Iterable[str]) -> Coverage:
    known = set(routes)
    return Coverage(
        missing=tuple(sorted(known - matrix.routes)),
        stale=tuple(sorted(matrix.routes - known)),
    )
