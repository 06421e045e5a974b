"""Rendered public pages kept in each server process, for the pages that are the same for
everyone who has no session: an area's start page is the page every applicant lands on.

    @require_http_methods(["GET", "POST"])
    @page_cache.cached_public_page
    def start(request, slug): ...

What is kept, and for whom
    A page is kept per (path, language) only when it was answered 200 to a GET without a query
    string from a browser that sends no session cookie and no messages cookie: such a browser
    has no draft, no flash messages and nothing else of its own in the page, so the page is the
    same for all of them. Anyone else (a session, a query string, a POST) gets the view as
    before, and their page is never kept. The path names the area (``/areas/<slug>/...``), so
    one area's page is never served for another's, and the language (from the cookie or
    Accept-Language, as ``LocaleMiddleware`` chose it) keeps English and Welsh apart.

What stays per request
    The CSP nonce and the CSRF tokens are taken out of the kept page and put back from the
    request on every answer: the nonce is the request's own (reading ``request.csp_nonce`` is
    also what makes django-csp put it in the header, so the header and the page agree and the
    nonce is fresh per response), and each form gets a token for this browser's CSRF cookie
    (set as the view would have set it). The language switch's ``next`` is the path, which is
    the key. Every middleware still runs on a kept page (headers, cookies, logging).

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
from django.middleware.csrf import get_token
from django.utils.translation import get_language

DEFAULT_SECONDS = 60
MAX_PAGES = 2048

# Stand-ins for the per-request values in a kept page: NUL cannot appear in an HTML page the
# service renders (Jinja2 escapes nothing into it and no template contains one).
NONCE_MARK = "\x00csp-nonce\x00"
CSRF_MARK = "\x00csrf-token\x00"
_CSRF_VALUE = re.compile(r'(name="csrfmiddlewaretoken" value=")([^"]*)(")')

View = Callable[..., HttpResponse]


@dataclass(frozen=True)
class KeptPage:
    html: str  # with NONCE_MARK and CSRF_MARK in place of the request's values
    content_type: str
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

    def put(self, key: tuple[str, str], html: str, content_type: str) -> None:
        with self._lock:
            self._pages[key] = KeptPage(html, content_type, self.clock())
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


def _same_for_everyone(request: HttpRequest) -> bool:
    """A GET without a query string from a browser with no session and no flash messages."""
    return (
        request.method == "GET"
        and not request.META.get("QUERY_STRING")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and CookieStorage.cookie_name not in request.COOKIES
    )


def _key(request: HttpRequest) -> tuple[str, str]:
    return (request.path, get_language() or settings.LANGUAGE_CODE)


def _answer(request: HttpRequest, page: KeptPage) -> HttpResponse:
    nonce = str(getattr(request, "csp_nonce", ""))
    html = page.html.replace(NONCE_MARK, nonce)
    if CSRF_MARK in html:
        html = html.replace(CSRF_MARK, get_token(request))
    return HttpResponse(html, content_type=page.content_type)


def _keep(request: HttpRequest, response: HttpResponse) -> None:
    """Keep ``response`` with the request's nonce and tokens taken out, if it can be kept."""
    if response.status_code != 200 or response.streaming or response.cookies:
        return
    if response.has_header("Content-Disposition") or response.has_header("Vary"):
        return
    html = response.content.decode(response.charset or "utf-8")
    if NONCE_MARK in html or CSRF_MARK in html:
        return
    nonce = getattr(request, "csp_nonce", None)
    if nonce:
        html = html.replace(str(nonce), NONCE_MARK)
    html = _CSRF_VALUE.sub(lambda match: match.group(1) + CSRF_MARK + match.group(3), html)
    PAGES.put(_key(request), html, response["Content-Type"])


def cached_public_page(view: View) -> View:
    """Serve ``view``'s page from the process's kept pages when it is the same for everyone
    (see the module's docstring); otherwise call the view, and keep what it answered."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        ttl = seconds()
        if ttl <= 0 or not _same_for_everyone(request):
            return view(request, *args, **kwargs)
        page = PAGES.get(_key(request), ttl)
        if page is not None:
            return _answer(request, page)
        response = view(request, *args, **kwargs)
        _keep(request, response)
        return response

    return wrapper


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
