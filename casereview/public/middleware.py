"""Kept public pages served before the rest of the middleware stack.

``PublicPageMiddleware`` sits right after ``SecurityMiddleware`` (casereview/settings.py): for a
browser a kept page is for (``page_cache.same_for_everyone``), it answers from the pages the
views marked and this middleware kept (``casereview.public.page_cache``), so that the start
page, which every applicant lands on, costs about what a minimal Django view costs rather than
the whole stack (sessions, authentication, two-factor, session expiry, audit context, messages,
URL resolving and the view) around a cache lookup.

An answer from here is the answer the full stack gives the same browser, header for header:

- Everything the stack below this middleware adds to such a page is the same for every browser
  the page is kept for, so it is kept with the page and given back (Content-Security-Policy,
  Permissions-Policy, X-Frame-Options, Vary, Content-Language, Content-Type), with this
  answer's own nonce (made as django-csp makes it) in the policy and the page, and the
  Content-Length counted again.
- The parts that depend on the browser run here with Django's own code: the language is chosen
  by ``LocaleMiddleware.process_request`` (cookie, Accept-Language, a URL prefix if the URLconf
  ever uses one) and is half of the key; the CSRF cookie is read and set by
  ``CsrfViewMiddleware.process_request``/``process_response`` around the token put in the page.
  The token itself is made as ``get_token`` makes it (``csrf_token`` below), with its random
  characters drawn in one system call rather than sixty-four.
- Whatever would make ``CommonMiddleware`` answer something else (a Host not allowed, a refused
  user agent, ``PREPEND_WWW``) sends the request down the full stack, which answers as before.
- The middlewares above (request id and access log, ``SecurityMiddleware``) run as for any
  request; the access log names the route the page was kept from. WhiteNoise, below, serves
  files under ``STATIC_URL`` only, and a kept path is one a view answered.
"""

from __future__ import annotations

import base64
import os
from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.middleware.csrf import CSRF_ALLOWED_CHARS, CSRF_SECRET_LENGTH, CsrfViewMiddleware
from django.middleware.locale import LocaleMiddleware

from casereview.public import page_cache

# Each random byte below 248 (= 4 x 62) stands for one of the 62 characters a CSRF secret is
# made of, uniformly; the others are dropped and drawn again.
_ALPHABET = len(CSRF_ALLOWED_CHARS)
_USABLE = 256 - 256 % _ALPHABET
_BYTE_TO_CHAR = bytes(
    ord(CSRF_ALLOWED_CHARS[byte % _ALPHABET]) if byte < _USABLE else 0 for byte in range(256)
)
_UNUSABLE = bytes(range(_USABLE, 256))
_INDEX = {char: index for index, char in enumerate(CSRF_ALLOWED_CHARS)}


def new_nonce() -> str:
    """A CSP nonce as django-csp makes one (``CSPMiddleware._make_nonce``): 16 random bytes."""
    return base64.b64encode(os.urandom(16)).decode("ascii")


def random_csrf_chars(count: int) -> str:
    """``count`` characters drawn uniformly and independently from Django's CSRF alphabet,
    from the operating system's random source as Django draws them (``secrets``), but with
    one system call for the lot instead of one per character."""
    drawn = b""
    while len(drawn) < count:
        drawn += os.urandom(2 * count).translate(_BYTE_TO_CHAR, _UNUSABLE)
    return drawn[:count].decode("ascii")


def csrf_token(request: HttpRequest) -> str:
    """What ``django.middleware.csrf.get_token`` answers, and its effect on the request: the
    browser's secret (from its cookie, read by ``CsrfViewMiddleware.process_request``) or a new
    one, marked to be set in the cookie, masked with a fresh mask as Django masks it. Django
    draws the 64 random characters of a new secret and its mask one system call each, which
    was a third of a kept page's time."""
    secret = request.META.get("CSRF_COOKIE")
    if secret is None:
        secret = random_csrf_chars(CSRF_SECRET_LENGTH)
        request.META["CSRF_COOKIE"] = secret
    request.META["CSRF_COOKIE_NEEDS_UPDATE"] = True
    mask = random_csrf_chars(CSRF_SECRET_LENGTH)
    cipher = "".join(
        CSRF_ALLOWED_CHARS[(_INDEX[s] + _INDEX[m]) % _ALPHABET]
        for s, m in zip(secret, mask, strict=True)
    )
    return mask + cipher


class PublicPageMiddleware:
    """Answers a kept page when there is one for this path and language; otherwise passes the
    request down the stack and keeps the answer if its view marked it."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response
        # Django's own middlewares, for their request and response steps only.
        self.locale = LocaleMiddleware(get_response)
        self.csrf = CsrfViewMiddleware(get_response)

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        ttl = page_cache.seconds()
        if (
            ttl <= 0
            or not page_cache.same_for_everyone(request)
            or not self._common_passes(request)
        ):
            return self.get_response(request)
        self.locale.process_request(request)
        key = (request.path, str(request.LANGUAGE_CODE))
        page = page_cache.PAGES.get(key, ttl)
        if page is not None:
            return self._answer(request, page)
        response = self.get_response(request)
        page_cache.keep(request, key, response)
        return response

    @staticmethod
    def _common_passes(request: HttpRequest) -> bool:
        """True when ``CommonMiddleware.process_request`` would let the request through: the
        kept path was answered by its view, so no slash redirect applies."""
        if settings.PREPEND_WWW or settings.DISALLOWED_USER_AGENTS:
            return False
        try:
            request.get_host()
        except DisallowedHost:
            return False
        return True

    def _answer(self, request: HttpRequest, page: page_cache.KeptPage) -> HttpResponse:
        nonce = new_nonce()
        html = page.html.replace(page_cache.NONCE_MARK, nonce)
        self.csrf.process_request(request)
        if page_cache.CSRF_MARK in html:
            html = html.replace(page_cache.CSRF_MARK, csrf_token(request))
        response = HttpResponse(html, content_type=page.content_type)
        for name, value in page.headers:
            if name.lower() == "content-length":
                response.headers[name] = str(len(response.content))
            else:
                response.headers[name] = value.replace(page_cache.NONCE_MARK, nonce)
        self.csrf.process_response(request, response)
        request.resolver_match = page.resolver_match
        return response
