"""The information pages in Chromium: the area page, the procedure, the "not happy" page and the
letter to the Victims' Commissioner, written without JavaScript and by keyboard, with no WCAG 2.2
A/AA violations on any page."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import assert_accessible

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_area_procedure_not_happy_and_letter_pages_are_accessible(
    live_server, page: Page, area, in_march
):
    page.goto(f"{live_server.url}/areas/{area.slug}/")
    expect(page.locator("h1")).to_contain_text("ASB Case Review in East Hertfordshire")
    assert_accessible(page)

    page.get_by_role(
        "link", name="Read the East Hertfordshire District Council Case Review procedure"
    ).click()
    expect(page.locator("h1")).to_have_text("ASB Case Review procedure")
    assert_accessible(page)

    page.goto(f"{live_server.url}/areas/{area.slug}/not-happy/")
    expect(page.locator("h1")).to_contain_text("If you are not happy")
    assert_accessible(page)

    page.get_by_role("link", name="Write a letter to the Victims' Commissioner").click()
    page.get_by_role("button", name="Write the letter").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter your name")
    assert_accessible(page)

    page.get_by_label("Your name").fill("Sam Victim")
    page.get_by_label("Your postal address or email address").fill("sam@example.test")
    page.get_by_label("I was not told why my case was closed").check()
    page.get_by_role("button", name="Write the letter").click()
    expect(page.locator("main")).to_contain_text("I was not told when or why my case was closed.")
    assert_accessible(page)


def test_the_letter_is_written_without_javascript(
    live_server, page_without_javascript: Page, area, in_march
):
    # axe-core needs JavaScript, so the pages are checked in the test above.
    page = page_without_javascript
    page.goto(f"{live_server.url}/areas/{area.slug}/not-happy/letter/")
    page.get_by_role("button", name="Write the letter").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter your name")

    page.get_by_label("Your name").fill("Sam Victim")
    page.get_by_label("Your postal address or email address").fill("sam@example.test")
    page.get_by_label("The agreed actions were not carried out").check()
    page.get_by_role("button", name="Write the letter").click()
    expect(page.locator("h1")).to_have_text("Your letter to the Victims\u2019 Commissioner")
    expect(page.locator("main")).to_contain_text("Sam Victim")

    with page.expect_download() as download:
        page.get_by_role("button", name="Download as a PDF").click()
    assert download.value.suggested_filename == "letter-to-the-victims-commissioner.pdf"


def test_the_letter_form_can_be_filled_by_keyboard(live_server, page: Page, area, in_march):
    page.goto(f"{live_server.url}/areas/{area.slug}/not-happy/letter/")
    page.keyboard.press("Tab")
    for _ in range(40):
        if page.evaluate("document.activeElement.name") == "name":
            break
        page.keyboard.press("Tab")
    page.keyboard.type("Sam Victim")
    page.keyboard.press("Tab")
    page.keyboard.type("sam@example.test")
    for _ in range(40):
        if page.evaluate("document.activeElement.value") == "no_voice":
            break
        page.keyboard.press("Tab")
    page.keyboard.press("Space")
    page.locator("button", has_text="Write the letter").focus()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_contain_text("I was not offered a chance to be heard")
