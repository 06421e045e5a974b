"""Walking the permission matrix with real requests, and telling "allowed" from "denied".

Each request runs inside a savepoint that is rolled back afterwards, and the client's cookies are
put back as they were: a step one principal was allowed to take (a letter marked posted, a key
revoked, a session signed out) does not change what the next principal finds. The rollback
comes after the answer has been read, so what a denied POST wrote, if anything, is seen first.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from django.apps import apps
from django.db import transaction
from django.test import Client
from django.urls import Resolver404, resolve

from casereview.accounts.permission_matrix import Matrix
from casereview.api.api import api
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


def isolated(client: Client, method: str, url: str, kind: str, check: bool) -> tuple[Answer, bool]:
    """The answer to one request whose effects are then undone; with ``check``, also whether
    the database (case data) changed."""
    cookies = copy.deepcopy(client.cookies)
    savepoint = transaction.savepoint()
    try:
        before = fingerprint() if check else None
        response = request(client, method, url, kind)
        changed = check and fingerprint() != before
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
    for route in sorted(routes):
        if route not in matrix.routes:
            continue  # reported by the coverage test
        kind = matrix.kinds[route]
        methods = operations.get(route, ("GET", "POST"))
        for method in methods:
            for principal in matrix.principals(route):
                url = world.url(route, routes[route], principal)
                expected = "allowed" if matrix.allowed(route, method, principal) else "denied"
                check = method != "GET" and expected == "denied" and route in check_denied_posts
                response, changed = isolated(
                    principal_client(world, principal, kind), method, url, kind, check
                )
                got = verdict(response, kind)
                if got != expected:
                    yield Mismatch(
                        route, method, principal, expected, got, response.status_code, url
                    )
                if changed:
                    yield f"{route} {method} as {principal}: denied, yet case data changed ({url})"
