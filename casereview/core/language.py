"""The choice of language offered in every page's footer (English and Welsh)."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
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
