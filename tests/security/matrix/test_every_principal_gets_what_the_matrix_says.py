"""The whole matrix walked with real requests: every route, every method, every principal gets
exactly the access its row says (allowed or denied, see docs/permissions.md), and a denied
POST to a case's step changes no case data. Every disagreement is listed, not just the first.

While working on one part, ``MATRIX_ROUTES=cases:,reviews:voice`` walks only the routes starting
with one of the comma-separated prefixes; the test then still fails, saying how much it left out,
so a narrowed walk can never pass for the whole one."""

from __future__ import annotations

import os

from casereview.accounts.permission_matrix import load, url_routes
from tests.security.matrix.walk import walk
from tests.security.matrix.world import World

# Case-changing routes: a denied POST to one of these is also checked to have changed nothing.
CASE_ARGUMENTS = {"reference", "request_id", "member_id", "action_id", "appeal_id"}


def _narrowed(routes: dict[str, frozenset[str]]) -> tuple[dict[str, frozenset[str]], int]:
    """``routes`` limited by ``MATRIX_ROUTES`` (if set), and how many were left out."""
    prefixes = tuple(p.strip() for p in os.environ.get("MATRIX_ROUTES", "").split(",") if p.strip())
    if not prefixes:
        return routes, 0
    kept = {name: arguments for name, arguments in routes.items() if name.startswith(prefixes)}
    return kept, len(routes) - len(kept)


def test_every_principal_gets_exactly_what_the_matrix_says(world: World) -> None:
    matrix = load()
    routes = {name: arguments for name, arguments in url_routes().items() if name in matrix.routes}
    routes, left_out = _narrowed(routes)
    case_changing = {name for name, arguments in routes.items() if arguments & CASE_ARGUMENTS}

    problems = [str(p) for p in walk(matrix, routes, world, check_denied_posts=case_changing)]

    assert not problems, f"{len(problems)} disagreement(s) with the matrix:\n" + "\n".join(problems)
    assert not left_out, (
        f"Walked only the {len(routes)} route(s) MATRIX_ROUTES names; {left_out} left out. "
        "Unset MATRIX_ROUTES to walk the whole matrix."
    )
