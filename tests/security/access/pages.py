"""The real pages the access tests walk, and what a strict Content-Security-Policy demands of
each response.

Pages are found by walking the URL configuration (as tests/public/ and
tests/test_case_urls_are_scoped.py do), so a page added later is walked without being listed.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import TYPE_CHECKING

from django.urls import URLPattern, URLResolver, get_resolver

from casereview.cases.models import Case
from casereview.public.links import tracking_token
from tests.public.test_every_public_page_survives_any_input import fill, public_patterns
from tests.test_case_urls_are_scoped import case_urls

if TYPE_CHECKING:
    # Only in django-stubs: the test client's response, with the request it answered.
    from django.test.client import _MonkeyPatchedWSGIResponse as HttpResponse

UNSAFE = ("'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "*", "data:", "http:", "https:")


def staff_routes_without_arguments() -> list[str]:
    """Every named route under /staff/ that needs no argument, as a path."""
    found: list[str] = []

    def walk(patterns: list[URLPattern | URLResolver], prefix: str) -> None:
        for entry in patterns:
            if isinstance(entry, URLResolver):
                walk(entry.url_patterns, prefix + str(entry.pattern))
            elif entry.name and not entry.pattern.regex.groupindex:
                route = prefix + str(entry.pattern)
                if route.startswith("staff/") and "<" not in route:
                    found.append("/" + route)

    walk(get_resolver().url_patterns, "")
    return sorted(set(found))


def public_pages(case: Case) -> list[str]:
    """Every public page, filled in for ``case``'s area (and its tracking link)."""
    values = {
        "slug": case.area.slug,
        "token": tracking_token(case, case.victim_email),
        "question": "who",
        "pk": "1",
        "fmt": "pdf",
        "reason": "court_decision",
        "kind": "statement",
        "version": "1",
        "period": "2025-26",
        "name": "release-v1",
    }
    return sorted({fill(route, values) for _name, route, _args in public_patterns()})


def case_pages(case: Case) -> list[str]:
    """Every staff page of one case (steps, letters, documents, appeals)."""
    return sorted(case_urls(case).values())


# --- What a response must be --------------------------------------------------------------------


def policy_of(response: HttpResponse) -> dict[str, list[str]]:
    header = response.headers.get("Content-Security-Policy", "")
    assert header, f"{response.wsgi_request.path}: no Content-Security-Policy header"
    directives: dict[str, list[str]] = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            directives[words[0]] = words[1:]
    return directives


def nonce_of(response: HttpResponse) -> str | None:
    sources = policy_of(response).get("script-src", [])
    nonces = [m.group(1) for s in sources if (m := re.fullmatch(r"'nonce-([^']+)'", s))]
    return nonces[0] if nonces else None


class _InlineFinder(HTMLParser):
    """Collects what a strict policy would block: inline scripts and styles without the nonce,
    style="" attributes and on...="" event handler attributes."""

    def __init__(self, nonce: str | None) -> None:
        super().__init__(convert_charrefs=True)
        self.nonce = nonce
        self.problems: list[str] = []
        self.inline_scripts_with_nonce = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        for name in attributes:
            if name == "style":
                self.problems.append(f'<{tag} style="{attributes[name]}">')
            elif name.startswith("on"):
                self.problems.append(f"<{tag} {name}=...> (inline event handler)")
        if tag in {"script", "style"} and not attributes.get("src"):
            if self.nonce is None or attributes.get("nonce") != self.nonce:
                self.problems.append(f"inline <{tag}> without this response's nonce")
            elif tag == "script":
                self.inline_scripts_with_nonce += 1
        if tag == "link" and attributes.get("rel") == "stylesheet" and not attributes.get("href"):
            self.problems.append("<link rel=stylesheet> without href")


def assert_strict(response: HttpResponse) -> None:
    """The response's policy allows nothing inline but by nonce, and its HTML needs nothing
    else: every <script> and <style> has a src or this response's nonce, and no element has a
    style="" or on...="" attribute."""
    path = response.wsgi_request.get_full_path()
    directives = policy_of(response)
    for name in ("default-src", "script-src", "style-src", "object-src", "base-uri"):
        assert name in directives, f"{path}: the policy has no {name}"
        loose = [s for s in directives[name] if s in UNSAFE]
        assert not loose, f"{path}: {name} allows {loose}"
    assert directives["object-src"] == ["'none'"], path
    assert directives.get("frame-ancestors") == ["'none'"], path
    if not response.headers.get("Content-Type", "").startswith("text/html"):
        return
    finder = _InlineFinder(nonce_of(response))
    finder.feed(response.content.decode())
    assert finder.problems == [], f"{path}: {finder.problems}"
