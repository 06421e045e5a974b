"""The public directory in Chromium: searched by keyboard alone, without JavaScript, and with no
WCAG 2.2 A/AA violations on any page of the journey."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.management import call_command
from playwright.sync_api import Page, expect

from casereview.areas.models import Area, AreaPolicy
from casereview.rules.policy import REFERENCE_PROCEDURE, policy_to_dict
from tests.browser.conftest import assert_accessible

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def directory() -> None:
    call_command("load_directory", verbosity=0, stdout=io.StringIO())


@pytest.fixture
def east_herts_on_service(directory: None) -> Area:
    area = Area.objects.get(gss_code="E07000242")
    area.on_service = True
    area.contact_email = "community.safety@eastherts.gov.uk"
    area.contact_phone = "01279 655261"
    area.save()
    AreaPolicy.objects.create(
        area=area,
        version=1,
        rules=policy_to_dict(REFERENCE_PROCEDURE),
        effective_from=dt.date(2026, 4, 1),
    )
    return area


def tab_to(page: Page, selector: str, *, limit: int = 60) -> None:
    """Press Tab until the element matching ``selector`` has focus, as a keyboard user would."""
    target = page.locator(selector).first
    for _ in range(limit):
        page.keyboard.press("Tab")
        if target.evaluate("element => element === document.activeElement"):
            return
    pytest.fail(f"{selector} could not be reached with the Tab key")


def test_the_start_page_and_directory_are_accessible(live_server, page, directory):
    page.goto(live_server.url + "/")
    expect(page.locator("h1")).to_be_visible()
    assert_accessible(page)

    page.goto(live_server.url + "/areas/")
    expect(page.locator("h1")).to_have_text("Find your area")
    assert_accessible(page)


def test_a_keyboard_user_finds_their_area_and_opens_its_page(
    live_server, page, east_herts_on_service
):
    page.goto(live_server.url + "/areas/")

    tab_to(page, "input[name=q]")
    page.keyboard.type("east hert")
    page.keyboard.press("Enter")

    expect(page.locator("#results")).to_be_visible()
    assert_accessible(page)

    tab_to(page, "a[href='/areas/east-hertfordshire/']")
    page.keyboard.press("Enter")

    expect(page.locator("h1")).to_have_text("ASB Case Review in East Hertfordshire")
    expect(page.locator("main")).to_contain_text("community.safety@eastherts.gov.uk")
    assert_accessible(page)


def test_an_empty_search_shows_the_error_summary_and_stays_accessible(live_server, page, directory):
    page.goto(live_server.url + "/areas/?q=")

    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Enter the name of a council or place")
    assert page.title().startswith("Error: ")
    assert_accessible(page)


def test_search_works_without_javascript(live_server, page_without_javascript, directory):
    page = page_without_javascript
    page.goto(live_server.url + "/areas/")
    page.get_by_label("Council name or place").fill("Swansea")
    page.get_by_role("button", name="Search").click()

    expect(page.locator("#results")).to_be_visible()
    expect(page.get_by_role("link", name="Swansea")).to_be_visible()


def test_browsing_by_region_reaches_an_area_page(live_server, page, directory):
    page.goto(live_server.url + "/areas/")
    page.get_by_role("link", name="Wales", exact=True).click()
    expect(page.locator("h1")).to_contain_text("Wales")
    assert_accessible(page)

    page.get_by_role("link", name="Cardiff", exact=True).click()
    expect(page.locator("h1")).to_have_text("ASB Case Review in Cardiff")
    expect(page.locator("main")).to_contain_text("101")
    assert_accessible(page)


def test_an_area_page_on_the_service_shows_its_threshold_and_timescales(
    live_server, page, east_herts_on_service
):
    page.goto(live_server.url + "/areas/east-hertfordshire/")

    main = page.locator("main")
    expect(main).to_contain_text("3 qualifying complaints")
    expect(main).to_contain_text("14 working days")
    expect(page.locator(".govuk-header, .govuk-generic-header").first).to_contain_text(
        "East Hertfordshire"
    )
    assert_accessible(page)


def test_the_page_not_found_is_styled_and_accessible(live_server, page, directory):
    response = page.goto(live_server.url + "/areas/nowhere-at-all/")
    assert response is not None
    assert response.status == 404
    expect(page.locator("h1")).to_have_text("Page not found")
    assert_accessible(page)
