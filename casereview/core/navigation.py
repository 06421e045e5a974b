"""The sections of the staff pages, shown in the service navigation of every staff page."""

from __future__ import annotations

import weakref
from typing import Any

from django.http import HttpRequest
from django.urls import (
    NoReverseMatch,
    URLResolver,
    get_resolver,
    get_script_prefix,
    get_urlconf,
    reverse,
)
from django.utils.translation import gettext_lazy

from casereview.accounts.models import Role, User
from casereview.accounts.scoping import scope

# (URL name, URL namespaces that belong to the section, the roles that see it: None for everyone)
_ADMINISTRATORS = frozenset({Role.AREA_ADMINISTRATOR})
_SECTIONS: tuple[tuple[str, tuple[str, ...], frozenset[str] | None], ...] = (
    ("cases:dashboard", ("cases",), None),
    ("letters:post-queue", ("letters",), None),
    ("partners:hub", ("partners",), None),
    ("publishing:hub", ("publishing", "pledge"), None),
    ("privacy:overview", ("privacy",), _ADMINISTRATORS),
    ("audit:log", ("audit",), _ADMINISTRATORS),
    ("accounts:home", ("accounts",), None),
)


# Lazy, so that each label is translated when it is shown, in the request's language; one
# label translated per section shown, rather than all seven for each of them.
_LABELS = {
    "cases:dashboard": gettext_lazy("Cases"),
    "letters:post-queue": gettext_lazy("Letters to post"),
    "partners:hub": gettext_lazy("Partner agencies"),
    "publishing:hub": gettext_lazy("Publishing"),
    "privacy:overview": gettext_lazy("Privacy"),
    "audit:log": gettext_lazy("Audit log"),
    "accounts:home": gettext_lazy("Your areas"),
}


def _label(name: str) -> str:
    return str(_LABELS[name])


# Where a request keeps the signed-in person's roles once read: a staff page asks for its
# sections more than once while it is rendered (the layout, and pages that name their section).
_ROLES_ATTRIBUTE = "_casereview_staff_roles"


def _roles(request: HttpRequest | None) -> frozenset[str]:
    """The roles of the person making ``request``, from their scope (read once per request)."""
    user = getattr(request, "user", None)
    if not isinstance(user, User):
        return frozenset()
    cached = getattr(request, _ROLES_ATTRIBUTE, None)
    if isinstance(cached, frozenset):
        return cached
    roles = frozenset(grant.role for grant in scope(user).grants)
    setattr(request, _ROLES_ATTRIBUTE, roles)
    return roles


# The sections' addresses, reversed once per URL configuration and script prefix: every staff
# page shows them (and asks for them more than once), and reverse() walks the resolver each
# time. Keyed by the resolver object, which Django replaces when the URL configuration changes
# (clear_url_caches), so a changed configuration is never answered from an old one. The
# addresses do not depend on the language (no i18n_patterns).
_HREFS: weakref.WeakKeyDictionary[URLResolver, dict[tuple[str, str], str | None]] = (
    weakref.WeakKeyDictionary()
)


def _href(name: str) -> str | None:
    """``reverse(name)``, or None when the URL configuration has no such page."""
    known = _HREFS.setdefault(get_resolver(get_urlconf()), {})
    key = (name, get_script_prefix())
    if key not in known:
        try:
            known[key] = reverse(name)
        except NoReverseMatch:
            known[key] = None
    return known[key]


def staff_sections(request: HttpRequest | None, current: str = "") -> list[dict[str, Any]]:
    """Links to the staff sections, the one the page belongs to marked active: ``current`` (a
    URL name) when given, otherwise the section of the URL namespace that served the request."""
    match = getattr(request, "resolver_match", None) if request is not None else None
    namespace = match.namespace if match is not None else ""
    roles = _roles(request)
    items = []
    for name, namespaces, shown_to in _SECTIONS:
        if shown_to is not None and not roles & shown_to:
            continue
        href = _href(name)
        if href is None:
            continue
        active = name == current if current else namespace in namespaces
        items.append({"href": href, "text": _label(name), "active": active, "name": name})
    return items
