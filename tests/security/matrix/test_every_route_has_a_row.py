"""Every URL pattern and API operation of the service has a row in the permission matrix, and
every row names a route that exists: a new page cannot go live without someone deciding who
may use it."""

from __future__ import annotations

from casereview.accounts.permission_matrix import coverage, load, url_routes


def test_every_route_has_a_row_and_every_row_a_route() -> None:
    found = coverage(load(), url_routes())

    assert found, "The permission matrix and the URLs disagree:\n" + "\n".join(found.explain())


def test_a_route_without_a_row_and_a_row_without_a_route_are_both_named() -> None:
    matrix = load()
    routes = set(matrix.routes) - {"cases:case"} | {"cases:gone"}

    found = coverage(matrix, routes)

    assert found.stale == ("cases:case",)
    assert found.missing == ("cases:gone",)
    assert list(found.explain()) == [
        "no row for route 'cases:gone': add one to cases.toml",
        "row for route 'cases:case', which no longer exists: remove it",
    ]
