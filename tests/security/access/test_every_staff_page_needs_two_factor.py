"""With two-factor required (always in production), a signed-in user who has only typed a
password reaches no staff page: every route under /staff/ (walked from the URL configuration,
so a new page is covered as soon as it exists), asked by GET or POST, sends them to set up an
authenticator app, or to enter a code when they have one. Only the sign-in, sign-out, password
reset and two-factor pages themselves are open before two-factor."""

from __future__ import annotations

import re
import uuid

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from casereview.cases.models import Case
from tests.accounts.helpers import confirmed_device

pytestmark = pytest.mark.django_db

BEFORE_TWO_FACTOR = {
    "accounts:sign-in",
    "accounts:sign-out",
    "accounts:password-reset",
    "accounts:password-reset-sent",
    "accounts:password-reset-done",
    "accounts:password-reset-confirm",
    "accounts:two-factor-verify",
    "accounts:two-factor-setup",
    "accounts:two-factor-backup-codes",
}


def staff_routes() -> list[tuple[str, str]]:
    """(name, route) of every named route under /staff/."""
    found: list[tuple[str, str]] = []

    def walk(patterns: list[URLPattern | URLResolver], prefix: str, namespace: str) -> None:
        for entry in patterns:
            if isinstance(entry, URLResolver):
                inner = ":".join(p for p in (namespace, entry.namespace) if p)
                walk(entry.url_patterns, prefix + str(entry.pattern), inner)
            elif entry.name and (prefix + str(entry.pattern)).startswith("staff/"):
                name = f"{namespace}:{entry.name}" if namespace else entry.name
                found.append((name, prefix + str(entry.pattern)))

    walk(get_resolver().url_patterns, "", "")
    return found


def url_for(route: str, case: Case) -> str:
    """The route with each argument filled: the case's reference, a number, or a word."""
    assert not route.startswith("^"), f"teach this test to fill the regular expression {route}"

    def value(match: re.Match[str]) -> str:
        converter, argument = match.group(1) or "str", match.group(2)
        if argument == "reference":
            return case.reference
        return {"int": "1", "uuid": str(uuid.uuid4()), "path": "x/y"}.get(converter, "x")

    return "/" + re.sub(r"<(?:(\w+):)?(\w+)>", value, route)


@pytest.fixture
def every_staff_url(reviewed_case: Case) -> dict[str, str]:
    urls = {name: url_for(route, reviewed_case) for name, route in staff_routes()}
    assert len(urls) >= 60  # the walk found the staff pages, not just a few
    assert {"accounts:home", "cases:case", "letters:letter", "cases:dashboard"} <= set(urls)
    return {name: url for name, url in urls.items() if name not in BEFORE_TWO_FACTOR}


def assert_sent_to(client: Client, urls: dict[str, str], step: str) -> None:
    target = reverse(step)
    for name, url in urls.items():
        for method in ("get", "post"):
            response = getattr(client, method)(url)
            assert response.status_code == 302, (name, method, response.status_code)
            assert response["Location"].startswith(target + "?next="), (name, method)


def test_a_password_alone_opens_no_staff_page_and_leads_to_set_up(
    every_staff_url: dict[str, str], coordinator
) -> None:
    client = Client()
    client.force_login(coordinator)

    assert_sent_to(client, every_staff_url, "accounts:two-factor-setup")


def test_someone_with_an_app_is_asked_for_a_code_on_every_staff_page(
    every_staff_url: dict[str, str], area_admin
) -> None:
    confirmed_device(area_admin)
    client = Client()
    client.force_login(area_admin)

    assert_sent_to(client, every_staff_url, "accounts:two-factor-verify")
