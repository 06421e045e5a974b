"""Rendered public pages kept in each server process, for the pages that are the same for
everyone who has no session: an area's start page is the page every applicant lands on.

    @require_http_methods(["GET", "POST"])
    @page_cache.cached_public_page
    def start(request, slug): ...

The decorator only says which answers may be kept; ``casereview.public.middleware`` keeps them
and serves them, near the top of the middleware list, so that a kept page costs neither a
database query nor the rest of the middleware stack (sessions, authentication, two-factor,
messages, URL resolving and the view).

What is kept, and for whom
    A page is kept per (path, language) only when the view marked it (``cached_public_page``:
    a 200 to a GET without a query string from a browser that sends no session cookie and no
    messages cookie, with no cookie, attachment or ``Vary`` of the view's own) and the whole
    stack then set no cookie but the CSRF cookie. Such a browser has no draft, no flash
    messages and nothing else of its own in the page, so the page is the same for all of them.
    Anyone else (a session, a query string, a POST, a HEAD) gets the full stack and the view as
    before, and their page is never kept. The path names the area (``/areas/<slug>/...``), so
    one area's page is never served for another's, and the language (chosen as
    ``LocaleMiddleware`` chooses it: cookie, then Accept-Language) keeps English and Welsh apart.

What is kept with the page
    Its body and every header the stack below the middleware gave it (Content-Type, the
    Content-Security-Policy, Permissions-Policy, X-Frame-Options, Vary, Content-Language), and
    the URL pattern it matched (the access log's route). The middlewares above it (request id
    and access log, SecurityMiddleware) run on every answer, kept or not.

What stays per request
    The CSP nonce and the CSRF tokens are taken out of the kept page and its headers and put
    back on every answer: a fresh nonce, the same one in the header and in the page, and a token
    for this browser's CSRF cookie, with the cookie set as the CSRF middleware sets it for a
    page with a form (``CsrfViewMiddleware``'s own code). The Content-Length is counted again.

How long a page is kept
    At most ``PUBLIC_PAGE_CACHE_SECONDS`` (60 s unless the settings say otherwise; 0 turns the
    cache off), and it is dropped at once, in the process that made the change, when an area,
    its policy, its relevant bodies or an agency is saved or deleted (``signals`` below). The
    start page states the area's timescales from its live policy: after an administrator
    publishes a new policy, the process that served the change shows it at the next request,
    and every other process within a minute, the time any of them could already have been
    showing the older page to someone who opened it just before the change. A changed policy
    never changes what an application is checked against: the POST that starts a draft, and
    every later page, read the live policy from the database as before. A time to live rather
    than a version check per request, so that serving a kept page needs no database query;
    changes made with ``QuerySet.update`` (no signals) are also covered by it.

The kept pages are bounded (``MAX_PAGES``, about 6 KB each): the oldest go first.
"""

from __future__ import annotations

import functools
import re
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.urls import ResolverMatch
from django.utils.translation import get_language

DEFAULT_SECONDS = 60
MAX_PAGES = 2048

# Stand-ins for the per-request values in a kept page: NUL cannot appear in an HTML page the
# service renders (Jinja2 escapes nothing into it and no template contains one), nor in a header.
NONCE_MARK = "\x00csp-nonce\x00"
CSRF_MARK = "\x00csrf-token\x00"
_CSRF_VALUE = re.compile(r'(name="csrfmiddlewaretoken" value=")([^"]*)(")')

# Set on a response by ``cached_public_page`` (the language it was rendered in) when the view
# allows it to be kept; the middleware keeps only responses that carry it.
KEEP_MARK = "_casereview_public_page_language"

View = Callable[..., HttpResponse]


@dataclass(frozen=True)
class KeptPage:
    html: str  # with NONCE_MARK and CSRF_MARK in place of the request's values
    content_type: str
    headers: tuple[tuple[str, str], ...]  # in order; NONCE_MARK in place of the nonce
    resolver_match: ResolverMatch | None
    kept_at: float


class PageCache:
    """Pages by (path, language), each for at most ``seconds``; thread-safe (gthread workers)."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self._pages: OrderedDict[tuple[str, str], KeptPage] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple[str, str], seconds: float) -> KeptPage | None:
        with self._lock:
            page = self._pages.get(key)
            if page is None:
                return None
            if self.clock() - page.kept_at >= seconds:
                del self._pages[key]
                return None
            return page

    def put(
        self,
        key: tuple[str, str],
        html: str,
        content_type: str,
        headers: tuple[tuple[str, str], ...] = (),
        resolver_match: ResolverMatch | None = None,
    ) -> None:
        with self._lock:
            self._pages[key] = KeptPage(html, content_type, headers, resolver_match, self.clock())
            self._pages.move_to_end(key)
            while len(self._pages) > MAX_PAGES:
                self._pages.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._pages.clear()

    def __len__(self) -> int:
        return len(self._pages)


PAGES = PageCache()


def seconds() -> float:
    return float(getattr(settings, "PUBLIC_PAGE_CACHE_SECONDS", DEFAULT_SECONDS))


def same_for_everyone(request: HttpRequest) -> bool:
    """A GET without a query string from a browser with no session and no flash messages."""
    return (
        request.method == "GET"
        and not request.META.get("QUERY_STRING")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and CookieStorage.cookie_name not in request.COOKIES
    )


def cached_public_page(view: View) -> View:
    """Mark ``view``'s page as one that may be kept when it is the same for everyone (see the
    module's docstring); ``casereview.public.middleware`` keeps it and serves it."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = view(request, *args, **kwargs)
        if seconds() > 0 and same_for_everyone(request) and _view_allows_keeping(response):
            setattr(response, KEEP_MARK, get_language() or settings.LANGUAGE_CODE)
        return response

    return wrapper


def _view_allows_keeping(response: HttpResponse) -> bool:
    """A whole 200 page, with nothing of its own that says it is personal or varies."""
    return not (
        response.status_code != 200
        or response.streaming
        or response.cookies
        or response.has_header("Content-Disposition")
        or response.has_header("Vary")
    )


def keep(request: HttpRequest, key: tuple[str, str], response: HttpResponseBase) -> None:
    """Keep ``response`` (as the stack below the middleware answered it) under ``key``, with
    the request's nonce and CSRF tokens taken out, if the view marked it for this language and
    the stack set no cookie of its own but the CSRF cookie."""
    if getattr(response, KEEP_MARK, None) != key[1] or not isinstance(response, HttpResponse):
        return
    if response.status_code != 200 or set(response.cookies) - {settings.CSRF_COOKIE_NAME}:
        return
    html = response.content.decode(response.charset or "utf-8")
    headers = tuple(response.headers.items())
    if any(NONCE_MARK in text or CSRF_MARK in text for text in (html, *(v for _, v in headers))):
        return
    # Read through django-csp's lazy object: true only when the page asked for the nonce.
    nonce_object = getattr(request, "csp_nonce", None)
    if nonce_object:
        nonce = str(nonce_object)
        html = html.replace(nonce, NONCE_MARK)
        headers = tuple((name, value.replace(nonce, NONCE_MARK)) for name, value in headers)
    html = _CSRF_VALUE.sub(lambda match: match.group(1) + CSRF_MARK + match.group(3), html)
    # The CSRF cookie is set exactly when the page used a token: a page that used one some
    # other way than in a form would carry this browser's token into everyone's answer.
    if (settings.CSRF_COOKIE_NAME in response.cookies) != (CSRF_MARK in html):
        return
    PAGES.put(
        key,
        html,
        response["Content-Type"],
        headers,
        getattr(request, "resolver_match", None),
    )


def forget_every_page(**_kwargs: Any) -> None:
    """A signal receiver: an area, policy or agency changed, so no kept page may be shown."""
    PAGES.clear()


def connect_signals() -> None:
    """Drop every kept page when anything a public page shows about an area changes."""
    from django.db.models.signals import post_delete, post_save

    from casereview.areas.models import Agency, Area, AreaAgency, AreaPolicy

    for model in (Area, AreaPolicy, AreaAgency, Agency):
        for signal in (post_save, post_delete):
            signal.connect(forget_every_page, sender=model, dispatch_uid=f"page_cache.{model}")
