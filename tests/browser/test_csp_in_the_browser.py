"""In Chromium, with the Content-Security-Policy the service sends: no page reports a CSP
violation (a blocked inline script or style, or anything from elsewhere), GOV.UK Frontend's
inline js-enabled script runs (it carries the nonce), and the service's own module runs (the
letter page's print button, hidden until application.mjs shows it, is shown)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.conf import settings as django_settings
from django.contrib.sessions.backends.db import SessionStore
from django.test import Client
from playwright.sync_api import Browser, Page, expect

from casereview.cases.models import Case
from casereview.reviews.models import VoiceChoice
from tests.conftest import sign_in_verified
from tests.reviews.helpers import consulting
from tests.tasks import run_tasks

pytestmark = pytest.mark.django_db(transaction=True)

# Recorded by the page itself from its first moment, before any of its own scripts run.
LISTEN = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__csp.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"}`);
});
"""


@pytest.fixture
def case(area, coordinator, in_march) -> Case:
    case = consulting(area, coordinator, choice=VoiceChoice.IMPACT_STATEMENT)
    run_tasks()
    return case


@pytest.fixture
def watched(browser: Browser) -> Iterator[tuple[Page, list[str]]]:
    """A page whose CSP violations are collected, from the console and from the event."""
    context = browser.new_context(locale="en-GB")
    context.add_init_script(LISTEN)
    page = context.new_page()
    page.set_default_timeout(10_000)
    console: list[str] = []
    page.on(
        "console",
        lambda message: (
            console.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    yield page, console
    context.close()


def visit(page: Page, console: list[str], url: str) -> None:
    page.goto(url)
    page.wait_for_load_state("load")
    reported = page.evaluate("window.__csp")
    assert reported == [], (url, reported)
    assert console == [], (url, console)
    # GOV.UK Frontend's inline script ran, so it had the nonce.
    classes = page.evaluate("document.body.className")
    assert "js-enabled" in classes, (url, classes)
    assert "govuk-frontend-supported" in classes, (url, classes)


def test_public_pages_run_under_the_policy_without_a_violation(live_server, watched, area):
    page, console = watched
    for path in (
        "/",
        f"/areas/{area.slug}/",
        f"/areas/{area.slug}/check/complaints/",
        f"/areas/{area.slug}/apply/",
        f"/areas/{area.slug}/not-happy/letter/",
        "/track/",
        "/staff/sign-in/",
        "/no-such-page/",
    ):
        visit(page, console, live_server.url + path)


def test_staff_pages_run_under_the_policy_without_a_violation(
    live_server, watched, case, coordinator
):
    page, console = watched
    client = sign_in_verified(Client(), coordinator)
    page.context.add_cookies(
        [
            {
                "name": django_settings.SESSION_COOKIE_NAME,
                "value": client.cookies[django_settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    assert SessionStore(client.cookies[django_settings.SESSION_COOKIE_NAME].value).exists(
        client.cookies[django_settings.SESSION_COOKIE_NAME].value
    )
    letter = case.letters.order_by("pk").first()
    assert letter is not None

    for path in ("/staff/", "/staff/cases/", f"/staff/cases/{case.reference}/"):
        visit(page, console, live_server.url + path)
    visit(page, console, f"{live_server.url}/staff/letters/{case.reference}/{letter.pk}/")

    # application.mjs ran: it shows the print button it wires up.
    expect(page.get_by_role("button", name="Print this letter")).to_be_visible()
