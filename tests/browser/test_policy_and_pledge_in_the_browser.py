"""The policy check and the PLEDGE self-assessment in Chromium.

An area administrator goes from the staff navigation's "Publishing" to the area's policy and
changes it, raising the threshold to 4: the check shows, before anything is saved, that the
policy is now stricter than the law on that point too; saving without confirming is refused with
nothing typed lost; confirmed, version 2 is saved. The public area page then says, in plain words,
that the policy asks for more complaints than the law. The administrator starts the PLEDGE
self-assessment, and its threshold question shows what the service's records say (No: the
threshold is 4) with that answer suggested. axe-core finds no WCAG 2.2 A/AA violations on any
page on the way.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
import time_machine
from playwright.sync_api import Browser, Page, expect
from pytest_django.live_server_helper import LiveServer

from casereview.accounts.models import User
from casereview.areas.models import Area
from casereview.areas.selectors import current_policy_record
from casereview.pledge.models import Answer, AnswerChoice
from casereview.publishing.procedure.services import save_policy_version
from casereview.rules.policy import policy_from_dict
from tests.browser.conftest import assert_accessible
from tests.browser.test_case_from_phone_to_ct4 import _sign_in
from tests.reviews.helpers import LONDON

pytestmark = pytest.mark.django_db(transaction=True)

TODAY = dt.date(2026, 3, 16)
NOTES = "Threshold raised to 4 after the partnership board, 12 March 2026."
THRESHOLD_FINDING = (
    "The policy asks for 4 qualifying complaints, but the law allows no more than 3, so 3 are "
    "enough."
)
THRESHOLD_QUESTION = "Is the threshold no higher than three qualifying complaints?"
THRESHOLD_EVIDENCE = (
    "Policy version 2 sets the threshold at 4 qualifying complaints; the law allows at most 3."
)
PLEDGE_EVIDENCE = "Policy version 2 raised the threshold; to be put back to 3 at the next review."


@pytest.fixture
def monday_morning(settings: Any) -> Iterator[None]:
    """The server's clock at 10:00 on ``TODAY``, still ticking (see the CT4 browser test for
    why the cookies last until the browser closes)."""
    settings.SESSION_EXPIRE_AT_BROWSER_CLOSE = True
    settings.CSRF_COOKIE_AGE = None
    with time_machine.travel(dt.datetime(2026, 3, 16, 10, tzinfo=LONDON), tick=True):
        yield


def test_an_administrator_raises_the_threshold_after_seeing_the_policy_check(
    monday_morning: None,
    live_server: LiveServer,
    browser: Browser,
    page: Page,
    area: Area,
    area_admin: User,
) -> None:
    _sign_in(page, live_server, area_admin)
    page.goto(f"{live_server.url}/staff/")
    page.get_by_role("navigation").get_by_role("link", name="Publishing", exact=True).click()
    expect(page.locator("h1")).to_have_text("Publishing")
    page.get_by_role("link", name="See the policy").click()
    expect(page.locator("h1")).to_have_text("Policy and procedure")
    assert_accessible(page)

    # The editor, prefilled with the policy in force; the threshold raised and checked.
    page.get_by_role("button", name="Change the policy").click()
    expect(page.locator("h1")).to_have_text("Change the policy")
    threshold = page.get_by_label("Threshold", exact=True)
    expect(threshold).to_have_value("3")
    assert_accessible(page)
    threshold.fill("4")
    page.get_by_label("What changed and why").fill(NOTES)
    page.get_by_role("button", name="Check the policy", exact=True).click()

    # The check, before anything is saved: three points now, the threshold among them.
    expect(page.get_by_role("heading", name="The policy check")).to_be_visible()
    expect(page.locator(".govuk-warning-text").first).to_contain_text(
        "This policy is stricter than the law in 3 ways."
    )
    expect(page.locator(".app-findings")).to_contain_text(THRESHOLD_FINDING)
    change = page.locator(
        "main table tbody tr", has=page.get_by_text("Threshold (qualifying complaints)", exact=True)
    )
    expect(change.locator("td")).to_have_text(["3", "4"])
    expect(page.get_by_label("Threshold", exact=True)).to_have_value("4")
    assert_accessible(page)
    assert current_policy_record(area).version == 1  # type: ignore[union-attr]

    # Saving without the confirmation is refused, nothing typed lost.
    page.get_by_role("button", name="Save as version 2").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text(
        "Confirm that you understand this policy is stricter than the law, or change it"
    )
    assert page.title().startswith("Error: ")
    expect(page.get_by_label("Threshold", exact=True)).to_have_value("4")
    expect(page.get_by_label("What changed and why")).to_have_value(NOTES)
    assert_accessible(page)
    # The error's link takes the keyboard to the box, which says how many points it confirms.
    summary.get_by_role("link").first.click()
    confirm = page.get_by_label("I understand this policy is stricter than the law in 3 ways")
    expect(confirm).to_be_focused()
    assert current_policy_record(area).version == 1  # type: ignore[union-attr]

    # Confirmed and saved as version 2, in force from today.
    confirm.check()
    page.get_by_role("button", name="Save as version 2").click()
    expect(page.locator("h1")).to_have_text("Policy and procedure")
    expect(page.locator(".govuk-notification-banner").first).to_contain_text(
        "Version 2 of the policy is saved. It is in force from today."
    )
    assert_accessible(page)
    saved = current_policy_record(area)
    assert saved is not None
    assert saved.version == 2
    assert saved.effective_from == TODAY
    assert saved.notes == NOTES
    assert policy_from_dict(saved.rules).threshold == 4

    # The public area page says so in plain words.
    public = browser.new_context(locale="en-GB")
    try:
        visitor = public.new_page()
        visitor.set_default_timeout(10_000)
        visitor.goto(f"{live_server.url}/areas/{area.slug}/")
        expect(visitor.locator("h1")).to_have_text(f"ASB Case Review in {area.name}")
        expect(visitor.locator("#policy-check")).to_have_text(
            "How this policy compares with the law"
        )
        expect(visitor.locator("#policy-check + .govuk-warning-text")).to_contain_text(
            "This council\u2019s policy asks more of you than the law does on these points:"
        )
        points = visitor.locator("#policy-check ~ ul.govuk-list--bullet").first.locator("li")
        expect(points).to_have_count(3)
        expect(points.first).to_have_text(THRESHOLD_FINDING)
        assert_accessible(visitor)
    finally:
        public.close()


def test_the_pledge_self_assessment_shows_the_evidence_the_service_holds(
    monday_morning: None,
    live_server: LiveServer,
    page: Page,
    area: Area,
    area_admin: User,
) -> None:
    _raise_the_threshold(area, area_admin)
    _sign_in(page, live_server, area_admin)
    page.goto(f"{live_server.url}/staff/publishing/")
    page.get_by_role("link", name="See the self-assessment").click()
    expect(page.locator("h1")).to_have_text("PLEDGE self-assessment")
    expect(page.locator("main")).to_contain_text("No self-assessment is in progress.")
    assert_accessible(page)

    # Started: the first item comes up.
    page.get_by_role("button", name="Start a self-assessment").click()
    expect(page.locator("h1")).to_have_text("Is the Case Review promoted to residents?")
    assert_accessible(page)

    # The threshold question, with the records' answer suggested.
    page.get_by_role("link", name="Back to the self-assessment").click()
    expect(page.locator("h1")).to_have_text("PLEDGE self-assessment")
    expect(page.get_by_role("link", name=THRESHOLD_QUESTION)).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name=THRESHOLD_QUESTION).click()
    expect(page.locator("h1")).to_have_text(THRESHOLD_QUESTION)
    records = page.get_by_role("heading", name="What this service\u2019s records show")
    expect(records).to_be_visible()
    expect(page.locator("main .govuk-tag").first).to_have_text("No")
    expect(page.locator("main")).to_contain_text(THRESHOLD_EVIDENCE)
    answer = page.get_by_role("group", name="Your answer")
    expect(answer.get_by_label("No", exact=True)).to_be_checked()
    assert_accessible(page)

    page.get_by_label("Evidence", exact=True).fill(PLEDGE_EVIDENCE)
    page.get_by_role("button", name="Save and continue").click()
    expect(page.locator(".govuk-notification-banner").first).to_contain_text(
        "Your answer is saved."
    )
    expect(page.locator("h1")).not_to_have_text(THRESHOLD_QUESTION)
    assert_accessible(page)
    saved = Answer.objects.get(assessment__area=area, item="legality-threshold")
    assert saved.answer == AnswerChoice.NO
    assert saved.evidence == PLEDGE_EVIDENCE


def _raise_the_threshold(area: Area, by: User) -> None:
    """Version 2 of the policy, with the threshold at 4, saved through the same service the
    policy editor calls."""
    current = current_policy_record(area)
    assert current is not None
    policy = dataclasses.replace(policy_from_dict(current.rules), threshold=4)
    save_policy_version(area, policy, notes=NOTES, by=by)
