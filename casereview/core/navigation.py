"""The sections of the staff pages, shown in the service navigation of every staff page."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

# (URL name, URL namespaces that belong to the section)
_SECTIONS = (
    ("cases:dashboard", ("cases",)),
    ("letters:post-queue", ("letters",)),
    ("partners:hub", ("partners",)),
    ("publishing:hub", ("publishing", "pledge")),
    ("accounts:home", ("accounts",)),
)


def _label(name: str) -> str:
    return {
        "cases:dashboard": _("Cases"),
        "letters:post-queue": _("Letters to post"),
        "partners:hub": _("Partner agencies"),
        "publishing:hub": _("Publishing"),
        "accounts:home": _("Your areas"),
    }[name]


def staff_sections(request: HttpRequest | None, current: str = "") -> list[dict[str, Any]]:
    """Links to the staff sections, the one the page belongs to marked active: ``current`` (a
    URL name) when given, otherwise the section of the URL namespace that served the request."""
    match = getattr(request, "resolver_match", None) if request is not None else None
    namespace = match.namespace if match is not None else ""
    items = []
    for name, namespaces in _SECTIONS:
        try:
            href = reverse(name)
        except NoReverseMatch:
            continue
        active = name == current if current else namespace in namespaces
        items.append({"href": href, "text": _label(name), "active": active})
    return items
