"""The new staff pages in Chromium, by their links: an area administrator goes from the staff
navigation to Privacy, finds a person by name and sees their case among the records; then to the
Audit log, filtered by the case's reference, which lists that case's records. A coordinator goes from
the case page to "What will they see" and opens the victim's, a partner agency's and the panel's
previews. axe-core finds no WCAG 2.2 A/AA violations on any of them, and the strict Content
Security Policy blocks nothing (the CSP browser test covers that on the other pages)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from casereview.accounts.models import User
from casereview.areas.models import Area
from tests.browser.conftest import assert_accessible
from tests.browser.test_case_from_phone_to_ct4 import _sign_in
from tests.cases.helpers import receive
from tests.privacy.helpers import PERSON, the_person

pytestmark = pytest.mark.django_db(transaction=True)


def test_an_administrator_finds_a_person_then_filters_the_audit_log_by_their_case(
    page: Page, live_server: LiveServer, area: Area, coordinator: User, area_admin: User
) -> None:
    case = receive(area, coordinator, victim=the_person())
    _sign_in(page, live_server, area_admin)

    page.goto(f"{live_server.url}/staff/")
    page.get_by_role("link", name="Privacy", exact=True).click()
    expect(page.locator("h1")).to_be_visible()
    assert_accessible(page)

    page.goto(f"{live_server.url}/staff/privacy/people/")
    page.get_by_label("Full name").fill(PERSON["name"])
    page.get_by_role("button", name="Search").click()
    expect(page.locator("main")).to_contain_text(case.reference)
    assert_accessible(page)

    page.get_by_role("link", name="Audit log", exact=True).click()
    page.get_by_label("Case reference").fill(case.reference)
    page.get_by_role("button", name="Show records").click()
    expect(page.locator("main table")).to_contain_text(case.reference)
    assert_accessible(page)


def test_a_coordinator_previews_what_the_victim_a_partner_and_the_panel_see(
    page: Page, live_server: LiveServer, area: Area, coordinator: User
) -> None:
    case = receive(area, coordinator, victim=the_person())
    _sign_in(page, live_server, coordinator)

    page.goto(f"{live_server.url}/staff/cases/{case.reference}/")
    page.get_by_role("link", name="What will they see").click()
    expect(page.locator("h1")).to_have_text("What will they see")
    assert_accessible(page)

    for link in (
        "Preview as the victim and the applicant",
        "Preview as a partner agency",
        "Preview as the review panel",
    ):
        page.goto(f"{live_server.url}/staff/cases/{case.reference}/preview/")
        page.get_by_role("link", name=link).click()
        expect(page.locator("main")).to_contain_text("Preview")
        assert_accessible(page)
