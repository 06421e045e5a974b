"""Every page of the public journey, whatever is sent to it (junk query strings, arbitrary
posts, forged tokens and ids), answers with a page or a redirect, never a server error.

The pages are found by walking the URL patterns of the ``public`` namespace, so a new public page
is covered as soon as it exists; a pattern whose arguments this test cannot fill fails it.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casereview.areas.models import Area
from casereview.cases.models import Case
from casereview.public.access import open_tracking
from casereview.public.links import email_hash, tracking_token
from casereview.public.models import ApplicationDraft
from tests.cases.helpers import receive

pytestmark = pytest.mark.usefixtures("in_march")


PUBLIC_NAMESPACES = {"public", "publishing", "pledge"}


def public_patterns() -> list[tuple[str, str, list[str]]]:
    """(name, route, argument names) of every named public page: the ``public`` namespace and
    the public pages of publishing and the PLEDGE (not their staff pages)."""
    found: list[tuple[str, str, list[str]]] = []

    def walk(patterns: list[Any], prefix: str, namespace: str | None) -> None:
        for entry in patterns:
            if isinstance(entry, URLResolver):
                inner = entry.namespace or namespace
                walk(entry.url_patterns, prefix + str(entry.pattern), inner)
            elif isinstance(entry, URLPattern) and namespace in PUBLIC_NAMESPACES and entry.name:
                route = prefix + str(entry.pattern)
                arguments = list(entry.pattern.converters) or list(entry.pattern.regex.groupindex)
                if not route.lstrip("^").startswith("staff/"):
                    found.append((entry.name, route, arguments))

    walk(get_resolver().url_patterns, "", None)
    return found


PATTERNS = public_patterns()
# Which values a junk-sending visitor might put in each kind of argument.
ARGUMENTS = {
    "slug",
    "token",
    "question",
    "pk",
    "fmt",
    "reason",
    "kind",
    "version",
    "period",
    "name",
}


def test_the_public_namespace_has_pages_and_every_argument_can_be_filled():
    assert len(PATTERNS) >= 20
    assert (
        fill(
            "^areas/(?P<slug>[a-z]+)/statistics/(?P<period>[0-9]{4}(?:-[0-9]{2})?)\\.csv$",
            {"slug": "here", "period": "2025-26"},
        )
        == "/areas/here/statistics/2025-26.csv"
    )
    unknown = {arg for _name, _route, args in PATTERNS for arg in args} - ARGUMENTS
    assert unknown == set(), f"Teach this test to fill {unknown}"


def _fill_groups(route: str, values: dict[str, str]) -> str:
    """A regular-expression route with each named group replaced by its value."""
    path = route.lstrip("^").rstrip("$").replace("\\.", ".")
    while (start := path.find("(?P<")) != -1:
        name = path[start + 4 : path.index(">", start)]
        depth, end = 0, start
        for end in range(start, len(path)):
            depth += {"(": 1, ")": -1}.get(path[end], 0)
            if depth == 0:
                break
        path = path[:start] + values[name] + path[end + 1 :]
    return path


def fill(route: str, values: dict[str, str]) -> str:
    if route.startswith("^"):
        return "/" + _fill_groups(route, values)
    path = route
    for converter in ("slug", "str", "int", "uuid", "path"):
        for name, value in values.items():
            path = path.replace(f"<{converter}:{name}>", value)
    return "/" + path


junk = st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=60)
argument_values = st.fixed_dictionaries(
    {
        "slug": st.sampled_from(["AREA", "no-such-area", "x" * 80]),
        "token": st.one_of(
            st.sampled_from(["TOKEN", "abc", "a:b:c"]), junk.map(lambda s: s or "t")
        ),
        "question": st.one_of(st.sampled_from(["who", "victim", "check", "zzz"]), st.just("q")),
        "pk": st.sampled_from(["1", "999999", "0"]),
        "fmt": st.sampled_from(["pdf", "docx", "exe"]),
        "reason": st.sampled_from(["court_decision", "anonymous_applicant", "zzz"]),
        "kind": st.sampled_from(["statement", "zzz"]),
        "version": st.sampled_from(["1", "2", "999999", "0"]),
        "period": st.sampled_from(["2025-26", "2025-26-q1", "2025", "2025-27", "zzz"]),
        "name": st.sampled_from(["release-v1", "national-v1", "zzz"]),
    }
)
posts = st.dictionaries(junk.map(lambda s: s or "k"), junk, max_size=8)


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    pattern=st.sampled_from(PATTERNS),
    arguments=argument_values,
    data=posts,
    tracking=st.booleans(),
    method=st.sampled_from(["get", "post"]),
)
def test_no_request_to_a_public_page_fails(
    area: Area,
    pattern: tuple[str, str, list[str]],
    arguments: dict[str, str],
    data: dict[str, str],
    tracking: bool,
    method: str,
) -> None:
    # Examples share the test's transaction: the case is made once.
    case = Case.objects.filter(area=area).first() or receive(area, None)
    values = {
        **arguments,
        "slug": area.slug if arguments["slug"] == "AREA" else arguments["slug"],
        "token": tracking_token(case, case.victim_email)
        if arguments["token"] == "TOKEN"
        else arguments["token"],
    }
    client = Client(raise_request_exception=False)
    if tracking:
        session = client.session
        session["public.track"] = {"case": case.pk, "email": email_hash(case.victim_email)}
        session.save()
    path = fill(pattern[1], values)

    response = client.get(path, data) if method == "get" else client.post(path, data)

    assert response.status_code < 500, (path, method, data)
    ApplicationDraft.objects.all().delete()


def test_open_tracking_is_what_the_junk_test_imitates(rf, area):
    # The junk test writes the session key itself; it must be the one open_tracking writes.
    case = receive(area, None)
    request = rf.get("/")
    request.session = Client().session
    open_tracking(request, case, email_hash(case.victim_email))

    assert request.session["public.track"] == {
        "case": case.pk,
        "email": email_hash(case.victim_email),
    }
