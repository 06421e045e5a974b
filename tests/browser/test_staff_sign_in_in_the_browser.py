"""Staff sign-in in Chromium: password, then setting up an authenticator app with a real TOTP
code, backup codes, and the staff home; every page free of WCAG 2.2 A/AA violations."""

from __future__ import annotations

import base64

import pytest
from django_otp.oath import totp
from playwright.sync_api import expect

from casereview.accounts.models import Role
from tests.browser.conftest import assert_accessible
from tests.factories import PASSWORD, make_area, make_policy, make_user

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def coordinator():
    area = make_area(name="Testshire")
    make_policy(area)
    return make_user(
        "coordinator@example.test", Role.COORDINATOR, area, full_name="Casey Coordinator"
    )


def test_a_coordinator_signs_in_and_sets_up_two_factor(live_server, page, coordinator):
    page.goto(live_server.url + "/staff/")

    # Anonymous: sent to sign in.
    expect(page.locator("h1")).to_have_text("Sign in")
    assert_accessible(page)

    page.get_by_label("E-mail address").fill("coordinator@example.test")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    # Production settings require two-factor: first the set-up page.
    expect(page.locator("h1")).to_have_text("Set up your authenticator app")
    assert_accessible(page)
    page.get_by_text("I cannot scan the QR code").click()
    manual_key = page.locator("code").inner_text().replace(" ", "")
    code = totp(bytes.fromhex(_hex_from_base32(manual_key)))
    page.get_by_label("Code from your authenticator app").fill(f"{code:06d}")
    page.get_by_role("button", name="Confirm").click()

    expect(page.locator("h1")).to_have_text("Your authenticator app is set up")
    expect(page.locator("[data-backup-codes] li")).to_have_count(10)
    assert_accessible(page)
    page.get_by_role("button", name="Continue").click()

    expect(page.locator("h1")).to_have_text("Your areas")
    expect(page.locator("main")).to_contain_text("Testshire")
    assert_accessible(page)


def test_a_wrong_password_shows_one_generic_error(live_server, page, coordinator):
    page.goto(live_server.url + "/staff/sign-in/")
    page.get_by_label("E-mail address").fill("coordinator@example.test")
    page.get_by_label("Password", exact=True).fill("not-the-password")
    page.get_by_role("button", name="Sign in").click()

    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Enter a correct e-mail address and password"
    )
    # What was typed (but never the password) is kept.
    expect(page.get_by_label("E-mail address")).to_have_value("coordinator@example.test")
    expect(page.get_by_label("Password", exact=True)).to_have_value("")
    assert_accessible(page)


def test_the_password_reset_request_page_is_accessible(live_server, page, coordinator):
    page.goto(live_server.url + "/staff/password-reset/")
    expect(page.locator("h1")).to_have_text("Reset your password")
    assert_accessible(page)


def _hex_from_base32(key: str) -> str:
    padded = key.upper() + "=" * (-len(key) % 8)
    return base64.b32decode(padded).hex()
