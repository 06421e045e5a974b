"""Kept public pages served by ``casereview.public.middleware`` before the rest of the stack: for
every page that is kept, the answer from there is the answer the full stack (the real middleware
list, with the cache off) gives the same browser, header for header and byte for byte apart from
the per-response nonce and CSRF token; anyone the page is not the same for gets the full stack."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from http.cookies import SimpleCookie
from typing import Any, Protocol

import pytest
from django.conf import settings
from django.core.handlers.wsgi import WSGIRequest
from django.db import connection
from django.http.response import ResponseHeaders
from django.middleware import csrf as django_csrf
from django.middleware.csrf import CSRF_ALLOWED_CHARS, CSRF_SECRET_LENGTH, CSRF_TOKEN_LENGTH
from django.test import Client
from django.test.utils import CaptureQueriesContext

from casereview.areas.models import Area
from casereview.public import page_cache
from casereview.public.middleware import random_csrf_chars

pytestmark = pytest.mark.django_db

NONCE = re.compile(r"nonce-([A-Za-z0-9+/=]+)|nonce=\"([^\"]+)\"")
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
REQUEST_ID = "request-id-for-the-comparison"
A_SECRET = "abcdefghijklmnopqrstuvwxyzABCDEF"  # a well-formed CSRF cookie (32 characters)

# The browsers compared: what each sends besides the request itself.
BROWSERS: dict[str, dict[str, str]] = {
    "new, English by default": {},
    "with a CSRF cookie": {"cookie": f"{settings.CSRF_COOKIE_NAME}={A_SECRET}"},
    "with a malformed CSRF cookie": {"cookie": f"{settings.CSRF_COOKIE_NAME}=short"},
    "Welsh by Accept-Language": {"accept_language": "cy"},
    "British English by Accept-Language": {"accept_language": "en-GB,en;q=0.9"},
    "Welsh by the language cookie": {"cookie": f"{settings.LANGUAGE_COOKIE_NAME}=cy"},
    "Welsh cookie over English Accept-Language": {
        "cookie": f"{settings.LANGUAGE_COOKIE_NAME}=cy",
        "accept_language": "en",
    },
}
PAGES = ("/areas/{slug}/apply/", "/areas/{slug}/check/", "/areas/{slug}/procedure/")


@pytest.fixture(autouse=True)
def fresh_cache() -> Iterator[None]:
    kept = page_cache.PAGES
    page_cache.PAGES = page_cache.PageCache()
    yield
    page_cache.PAGES = kept


class Answered(Protocol):
    """A test client's response: what a browser receives, and the request it answered."""

    status_code: int
    headers: ResponseHeaders
    cookies: SimpleCookie
    content: bytes
    wsgi_request: WSGIRequest


def browser(sends: dict[str, str]) -> Client:
    extra: dict[str, Any] = {"HTTP_X_REQUEST_ID": REQUEST_ID}
    if "cookie" in sends:
        extra["HTTP_COOKIE"] = sends["cookie"]
    if "accept_language" in sends:
        extra["HTTP_ACCEPT_LANGUAGE"] = sends["accept_language"]
    return Client(**extra)


def nonces_in(text: str) -> set[str]:
    return {first or second for first, second in NONCE.findall(text)}


def without_per_response_values(text: str) -> str:
    return TOKEN.sub("TOKEN", NONCE.sub("NONCE", text))


def answer(response: Answered) -> dict[str, object]:
    """Everything a browser receives, with the nonce and the CSRF token values blanked out, and
    without what says when it was sent (Date, a cookie's expiry date: its max-age is kept)."""
    cookies = {
        name: {key: value for key, value in morsel.items() if value and key != "expires"}
        | {"value": morsel.value if name != settings.CSRF_COOKIE_NAME else "(per response)"}
        for name, morsel in response.cookies.items()
    }
    return {
        "status": response.status_code,
        "headers": [
            (name, without_per_response_values(value))
            for name, value in response.headers.items()
            if name != "Date"
        ],
        "cookies": cookies,
        "body": without_per_response_values(response.content.decode()),
    }


def served_early(response: Answered) -> bool:
    """Answered by the early middleware: the session middleware never saw the request."""
    return not hasattr(response.wsgi_request, "session")


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("who", BROWSERS)
def test_a_kept_page_is_the_answer_the_full_stack_gives_the_same_browser(
    area: Area, path: str, who: str, settings
) -> None:
    url = path.format(slug=area.slug)
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0
    full_stack = browser(BROWSERS[who]).get(url)
    assert not served_early(full_stack)
    assert len(page_cache.PAGES) == 0

    settings.PUBLIC_PAGE_CACHE_SECONDS = 60
    kept_by = browser(BROWSERS[who]).get(url)  # the first such visitor: the view answers
    with CaptureQueriesContext(connection) as queries:
        kept = browser(BROWSERS[who]).get(url)

    assert not served_early(kept_by)
    assert served_early(kept)
    assert len(queries) == 0
    assert full_stack.status_code == 200
    assert answer(kept) == answer(full_stack) == answer(kept_by)
    if A_SECRET in BROWSERS[who].get("cookie", ""):  # the browser's own secret is set again
        assert kept.cookies[settings.CSRF_COOKIE_NAME].value == A_SECRET


def test_the_nonce_of_a_kept_page_is_the_one_in_its_header_and_new_each_time(
    area: Area,
) -> None:
    url = f"/areas/{area.slug}/apply/"
    Client().get(url)
    seen = []
    for _ in range(3):
        response = Client().get(url)
        assert served_early(response)
        in_page = nonces_in(response.content.decode())
        in_header = nonces_in(response.headers["Content-Security-Policy"])
        assert len(in_page) == 1
        assert in_page == in_header
        seen.append(in_page.pop())

    assert len(set(seen)) == 3


def test_the_token_of_a_kept_page_belongs_to_the_cookie_it_comes_with(area: Area) -> None:
    url = f"/areas/{area.slug}/apply/"
    Client().get(url)

    new = Client().get(url)
    returning = browser(BROWSERS["with a CSRF cookie"]).get(url)

    for response in (new, returning):
        assert served_early(response)
        secret = response.cookies[settings.CSRF_COOKIE_NAME].value
        tokens = TOKEN.findall(response.content.decode())
        assert tokens
        for token in tokens:
            assert len(token) == CSRF_TOKEN_LENGTH
            assert set(token) <= set(CSRF_ALLOWED_CHARS)
            # Django's own unmasking, as CsrfViewMiddleware checks a posted token.
            assert django_csrf._unmask_cipher_token(token) == secret  # type: ignore[attr-defined]
    assert returning.cookies[settings.CSRF_COOKIE_NAME].value == A_SECRET
    assert new.cookies[settings.CSRF_COOKIE_NAME].value != A_SECRET


def test_the_random_characters_of_a_token_come_from_the_whole_csrf_alphabet() -> None:
    drawn = [random_csrf_chars(CSRF_SECRET_LENGTH) for _ in range(400)]

    assert all(len(chars) == CSRF_SECRET_LENGTH for chars in drawn)
    assert set("".join(drawn)) == set(CSRF_ALLOWED_CHARS)
    assert len(set(drawn)) == len(drawn)


def test_welsh_and_english_are_kept_apart(area: Area) -> None:
    url = f"/areas/{area.slug}/apply/"
    Client().get(url)
    browser(BROWSERS["Welsh by Accept-Language"]).get(url)
    assert len(page_cache.PAGES) == 2

    english = Client().get(url)
    welsh = browser(BROWSERS["Welsh by the language cookie"]).get(url)

    assert served_early(english)
    assert served_early(welsh)
    assert '<html lang="en"' in english.content.decode()
    assert '<html lang="cy"' in welsh.content.decode()
    assert english["Content-Language"] == "en"
    assert welsh["Content-Language"] == "cy"


def test_a_browser_with_a_session_never_gets_a_kept_page(area: Area) -> None:
    url = f"/areas/{area.slug}/apply/"
    Client().get(url)
    visitor = Client()
    visitor.post(url)  # starts a draft: the session now holds it

    response = visitor.get(url)

    assert not served_early(response)
    assert "Continue the application you started" in response.content.decode()
    stranger = Client()
    stranger.cookies[settings.SESSION_COOKIE_NAME] = "no-such-session"
    assert not served_early(stranger.get(url))


def test_flash_messages_a_query_string_a_post_or_a_head_go_through_the_full_stack(
    area: Area,
) -> None:
    apply_url = f"/areas/{area.slug}/apply/"
    procedure_url = f"/areas/{area.slug}/procedure/"
    Client().get(apply_url)
    Client().get(procedure_url)
    with_messages = Client()
    with_messages.cookies["messages"] = "anything"

    assert not served_early(with_messages.get(apply_url))
    assert not served_early(Client().get(apply_url + "?from=leaflet"))
    assert not served_early(Client().head(procedure_url))
    posted = Client().post(apply_url)
    assert posted.status_code == 302
    assert not served_early(posted)


def test_a_host_that_is_not_allowed_gets_the_full_stacks_answer(area: Area, settings) -> None:
    url = f"/areas/{area.slug}/apply/"
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0
    full_stack = Client(HTTP_HOST="elsewhere.example").get(url)
    settings.PUBLIC_PAGE_CACHE_SECONDS = 60
    Client().get(url)

    refused = Client(HTTP_HOST="elsewhere.example").get(url)

    assert refused.status_code == full_stack.status_code == 400
    assert not served_early(refused)


def test_only_pages_their_view_marked_are_kept(area: Area) -> None:
    for url in ("/health/", f"/areas/{area.slug}/check/complaints/", "/areas/nowhere/apply/"):
        Client().get(url)
        Client().get(url)

    assert len(page_cache.PAGES) == 0


def test_a_kept_page_is_logged_with_its_route_and_request_id(
    area: Area, caplog: pytest.LogCaptureFixture
) -> None:
    url = f"/areas/{area.slug}/apply/"
    with caplog.at_level(logging.INFO, logger="casereview.access"):
        Client().get(url)
        kept = browser({}).get(url)

    assert served_early(kept)
    assert kept["X-Request-ID"] == REQUEST_ID
    missed, hit = (record.__dict__ for record in caplog.records[-2:])
    assert hit["route"] == missed["route"] == "/areas/<slug:slug>/apply/"
    assert (hit["method"], hit["status"], hit["user_id"]) == ("GET", 200, None)
