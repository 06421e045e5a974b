"""The choice of language offered in every page's footer (English and Welsh)."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.http import HttpResponse
from django.utils.translation import get_language, get_language_info


@dataclass(frozen=True)
class LanguageOption:
    code: str
    # Each language is named in itself ("Cymraeg", not "Welsh"), as people look for their own.
    name: str
    current: bool


def language_options() -> list[LanguageOption]:
    active = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return [
        LanguageOption(
            code=code, name=get_language_info(code)["name_local"], current=code == active
        )
        for code, _name in settings.LANGUAGES
    ]


def remember_language(response: HttpResponse, code: str) -> HttpResponse:
    """Have the person's browser show the service in ``code`` from now on, as the footer's
    language switch would (for links opened in a browser that has never seen the service)."""
    if code in {c for c, _name in settings.LANGUAGES}:
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            code,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            path=settings.LANGUAGE_COOKIE_PATH,
            domain=settings.LANGUAGE_COOKIE_DOMAIN,
            secure=settings.LANGUAGE_COOKIE_SECURE,
            httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        )
    return response
