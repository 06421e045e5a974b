"""Helpers for the front-end tests: render a template or snippet, and look inside the HTML."""

from __future__ import annotations

from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.template import engines
from django.test import RequestFactory


class Element:
    def __init__(self, tag: str, attrs: dict[str, str]) -> None:
        self.tag = tag
        self.attrs = attrs

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def __repr__(self) -> str:
        return f"<{self.tag} {self.attrs}>"


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.elements: list[Element] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append(Element(tag, {k: v if v is not None else "" for k, v in attrs}))


def elements(html: str, tag: str | None = None, **attrs: str) -> list[Element]:
    """Start tags in the HTML, filtered by tag name and exact attribute values
    (``class_`` matches one class among several)."""
    collector = _Collector()
    collector.feed(html)
    found = []
    for element in collector.elements:
        if tag and element.tag != tag:
            continue
        wanted_class = attrs.get("class_")
        if wanted_class and wanted_class not in element.classes:
            continue
        if all(element.attrs.get(k) == v for k, v in attrs.items() if k != "class_"):
            found.append(element)
    return found


def one(html: str, tag: str | None = None, **attrs: str) -> Element:
    found = elements(html, tag, **attrs)
    assert len(found) == 1, f"expected one <{tag} {attrs}>, found {found}"
    return found[0]


@pytest.fixture
def render_string(rf: RequestFactory) -> Callable[..., str]:
    """Render a Jinja snippet with the service's environment and a GET request."""

    def render(source: str, context: dict[str, Any] | None = None, *, user: Any = None) -> str:
        request = rf.get("/somewhere/")
        request.user = user or AnonymousUser()
        return engines["jinja2"].from_string(source).render(context or {}, request=request)

    return render


@pytest.fixture
def render_template(rf: RequestFactory) -> Callable[..., str]:
    def render(name: str, context: dict[str, Any] | None = None, *, user: Any = None) -> str:
        request = rf.get("/somewhere/")
        request.user = user or AnonymousUser()
        return engines["jinja2"].get_template(name).render(context or {}, request=request)

    return render


@pytest.fixture(scope="session")
def welsh_compiled() -> None:
    """The Welsh catalogue compiled, as `make messages` does before the suite."""
    po = Path(settings.LOCALE_PATHS[0]) / "cy" / "LC_MESSAGES" / "django.po"
    mo = po.with_suffix(".mo")
    if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
        call_command("compilemessages", locale=["cy"], ignore_patterns=[".venv/*"], verbosity=0)
        # Catalogues already loaded in this process are cached; start again from the new file.
        from django.utils.translation import trans_real

        trans_real._translations = {}  # type: ignore[attr-defined]
