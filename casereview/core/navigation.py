"""The sections of the staff pages, shown in the service navigation of every staff page."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

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


def _label(name: str) -> str:
    return {
        "cases:dashboard": _("Cases"),
        "letters:post-queue": _("Letters to post"),
        "partners:hub": _("Partner agencies"),
        "publishing:hub": _("Publishing"),
        "privacy:overview": _("Privacy"),
        "audit:log": _("Audit log"),
        "accounts:home": _("Your areas"),
    }[name]


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
        try:
            href = reverse(name)
        except NoReverseMatch:
            continue
        active = name == current if current else namespace in namespaces
        items.append({"href": href, "text": _label(name), "active": active, "name": name})
    return items
