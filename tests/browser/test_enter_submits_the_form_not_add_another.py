"""Pressing Enter in a text box of a form that can grow ("Add another complaint") submits the
form itself, as people expect, rather than adding a row; and the page stays accessible."""

from __future__ import annotations

import pytest
from django.conf import settings as django_settings
from django.test import Client
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from casereview.accounts.models import User
from casereview.areas.models import Area
from casereview.cases.models import Case
from tests.browser.conftest import assert_accessible
from tests.conftest import sign_in_verified

pytestmark = pytest.mark.django_db(transaction=True)


def test_enter_in_the_receive_form_records_the_application(
    live_server: LiveServer, page: Page, area: Area, coordinator: User
) -> None:
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
    page.goto(live_server.url + "/staff/cases/new/")
    rows_before = page.locator("input[name='complaint_rows']").input_value()
    assert_accessible(page)

    name = page.get_by_label("Victim's name")
    name.fill("Sam Victim")
    name.press("Enter")

    # The application was submitted: its missing answers are listed, no row was added, and
    # nothing typed is lost.
    expect(page.locator(".govuk-error-summary")).to_contain_text("There is a problem")
    assert page.locator("input[name='complaint_rows']").input_value() == rows_before
    expect(page.get_by_label("Victim's name")).to_have_value("Sam Victim")
    assert not Case.objects.exists()
    assert_accessible(page)
