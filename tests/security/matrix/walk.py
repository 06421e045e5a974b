"""Walking the permission matrix with real requests, and telling "allowed" from "denied".

Each request runs inside a savepoint that is rolled back afterwards, and the client's cookies are
put back as they were: a step one principal was allowed to take (a letter marked posted, a key
revoked, a session signed out) does not change what the next principal finds. The rollback
comes after the answer has been read, so what a denied POST wrote, if anything, is seen first.

Two things keep the walk quick without checking less. Every request starts from the same
database (the one before it was rolled back), so the case data is fingerprinted once, and
after a denied POST it is fingerprinted again only if the request wrote to a case-data table
(every statement is watched; no write, no change). And a PDF is laid out once per distinct
HTML: every principal still runs the whole view, its checks and its template, and an allowed
one gets the real PDF, but the same letter is not laid out again by WeasyPrint for each of them.
"""

from __future__ import annotations

import copy
import functools
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from django.apps import apps
from django.db import connection, transaction
from django.test import Client
from django.urls import Resolver404, resolve

from casereview.accounts.permission_matrix import Matrix
from casereview.api.api import api
from casereview.letters import rendering
from tests.security.matrix.world import World

if TYPE_CHECKING:  # the test client's response type exists only in the stubs
    from django.test.client import _MonkeyPatchedWSGIResponse as Answer

# Where a denied person is sent: sign-in and two-factor for staff pages, the page for asking
# for a new tracking link for the tracking pages.
DENIED_REDIRECTS = {
    "accounts:sign-in",
    "accounts:two-factor-verify",
    "accounts:two-factor-setup",
    "public:track_start",
}
# A form's answer to an empty or incomplete submission: the person reached the form.
FORM_ERRORS = {400, 409, 422}
WEB_DENIED = {403, 404, 405}
API_DENIED = {401, 403, 404, 405}
# The apps whose rows a denied POST must leave as they were.
CASE_DATA_APPS = ("cases", "partners", "reviews", "appeals", "letters", "publishing", "pledge")
# An empty form plus the fields most steps ask for first, so that a POST reaches the checks
# behind the form's own validation where it can.
POST_BODY = {"reason": "x"}


def verdict(response: Answer, kind: str) -> str:
    """ "allowed", "denied", or what else came back (a 5xx, a rate limit...)."""
    status = response.status_code
    if 200 <= status < 300 or status in FORM_ERRORS:
        return "allowed"
    if kind == "api":
        return "denied" if status in API_DENIED else f"unexpected {status}"
    if status in WEB_DENIED:
        return "denied"
    if 300 <= status < 400:
        target = urlsplit(response["Location"]).path
        try:
            name = resolve(target).view_name
        except Resolver404:  # a redirect off the site is simply "served"
            return "allowed"
        return "denied" if name in DENIED_REDIRECTS else "allowed"
    return f"unexpected {status}"


def fingerprint() -> dict[str, object]:
    """Row counts of every case-data table, and the status of every row that has one."""
    seen: dict[str, object] = {}
    for label in CASE_DATA_APPS:
        for model in apps.get_app_config(label).get_models():
            manager = model._default_manager
            seen[model._meta.label] = manager.count()
            names = {f.name for f in model._meta.concrete_fields}
            if "status" in names:
                seen[f"{model._meta.label}.status"] = list(
                    manager.order_by("pk").values_list("pk", "status")
                )
    for label in ("partners.AgencyToken",):
        model = apps.get_model(label)
        seen[f"{label}.revoked"] = list(
            model._default_manager.order_by("pk").values_list("pk", "revoked_at")
        )
    return seen


@functools.cache
def case_data_tables() -> frozenset[str]:
    return frozenset(
        model._meta.db_table
        for label in CASE_DATA_APPS
        for model in apps.get_app_config(label).get_models()
    )


# The table a statement writes to, as Django quotes it on SQLite and PostgreSQL.
_WRITE = re.compile(r'^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?([\w.]+)"?', re.IGNORECASE)


@dataclass
class Writes:
    """The case-data tables the statements run while watching wrote to."""

    tables: frozenset[str]
    seen: set[str] = field(default_factory=set)

    def __call__(
        self, execute: Callable[..., object], sql: str, params: object, many: bool, context: object
    ) -> object:
        found = _WRITE.match(sql)
        if found and found.group(1) in self.tables:
            self.seen.add(found.group(1))
        return execute(sql, params, many, context)


@contextmanager
def pdfs_laid_out_once() -> Iterator[None]:
    """While walking, ``html_to_pdf`` returns the PDF it made before for the same HTML (a pure
    function of its input): replaced in every module of the service that imported it, and put
    back afterwards."""
    original = rendering.html_to_pdf
    made: dict[tuple[str, str | None], bytes] = {}

    def once(html: str, *, base_url: str | None = None) -> bytes:
        key = (html, base_url)
        if key not in made:
            made[key] = original(html, base_url=base_url)
        return made[key]

    holders = [
        module
        for name, module in list(sys.modules.items())
        if name.startswith("casereview") and getattr(module, "html_to_pdf", None) is original
    ]
    for module in holders:
        module.html_to_pdf = once  # type: ignore[attr-defined]
    try:
        yield
    finally:
        for module in holders:
            module.html_to_pdf = original  # type: ignore[attr-defined]


@dataclass(frozen=True)
class Mismatch:
    route: str
    method: str
    principal: str
    expected: str
    got: str
    status: int
    url: str

    def __str__(self) -> str:
        return (
            f"{self.route} {self.method} as {self.principal}: matrix says {self.expected}, "
            f"got {self.got} ({self.status} from {self.url})"
        )


def request(client: Client, method: str, url: str, kind: str) -> Answer:
    if method == "GET":
        return client.get(url)
    if kind == "api":
        return client.generic(method, url, "{}", content_type="application/json")
    return client.post(url, POST_BODY)


def isolated(
    client: Client, method: str, url: str, kind: str, unchanged: dict[str, object] | None
) -> tuple[Answer, bool]:
    """The answer to one request whose effects are then undone; given the fingerprint of the
    case data as it is before every request (``unchanged``), also whether the request changed
    it."""
    cookies = copy.deepcopy(client.cookies)
    writes = Writes(case_data_tables())
    savepoint = transaction.savepoint()
    try:
        with connection.execute_wrapper(writes):
            response = request(client, method, url, kind)
        changed = unchanged is not None and bool(writes.seen) and fingerprint() != unchanged
    finally:
        transaction.savepoint_rollback(savepoint)
        client.cookies = cookies
    return response, changed


def api_methods() -> dict[str, tuple[str, ...]]:
    """Each API operation's URL name and its HTTP methods, from the ninja API itself."""
    found: dict[str, tuple[str, ...]] = {}
    for _prefix, router in api._routers:
        for path_view in router.path_operations.values():
            for operation in path_view.operations:
                name = getattr(operation, "url_name", "") or api.get_operation_url_name(
                    operation, router=router
                )
                found[f"{api.urls_namespace}:{name}"] = tuple(operation.methods)
    return found


def principal_client(world: World, principal: str, kind: str) -> Client:
    return world.clients[f"api:{principal}" if kind == "api" else principal]


def walk(
    matrix: Matrix, routes: dict[str, frozenset[str]], world: World, *, check_denied_posts: set[str]
) -> Iterator[Mismatch | str]:
    """Every route with a row x every method x every principal: a ``Mismatch`` wherever the
    answer differs from the matrix, and a message wherever a denied POST changed case data."""
    operations = api_methods()
    # Every request is rolled back, so each starts from the case data as it is now.
    unchanged = fingerprint() if check_denied_posts else None
    with pdfs_laid_out_once():
        for route in sorted(routes):
            if route not in matrix.routes:
                continue  # reported by the coverage test
            kind = matrix.kinds[route]
            for method in operations.get(route, ("GET", "POST")):
                for principal in matrix.principals(route):
                    url = world.url(route, routes[route], principal)
                    allowed = matrix.allowed(route, method, principal)
                    expected = "allowed" if allowed else "denied"
                    check = method != "GET" and not allowed and route in check_denied_posts
                    response, changed = isolated(
                        principal_client(world, principal, kind),
                        method,
                        url,
                        kind,
                        unchanged if check else None,
                    )
                    got = verdict(response, kind)
                    if got != expected:
                        yield Mismatch(
                            route, method, principal, expected, got, response.status_code, url
                        )
                    if changed:
                        yield (
                            f"{route} {method} as {principal}: denied, yet case data changed "
                            f"({url})"
                        )
