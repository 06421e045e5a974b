"""An agency representative in Chromium: from the "Partner agencies" navigation to the portal,
where a request to the police is listed with its due date and its status in words; the request
opened and answered (a bad date refused first, nothing typed lost; then an incident confirming
the applicant's stated complaint, the actions taken, a file and an exemption with its reason,
sent with the Enter key); the request then marked answered; and an action the police own on a
final plan opened from the portal and updated. axe-core finds no WCAG 2.2 A/AA violations on
any page on the way. The answer can also be given without JavaScript, a row added on the way."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import time_machine
from playwright.sync_api import Locator, Page, expect
from pytest_django.live_server_helper import LiveServer

from casereview.accounts.models import User
from casereview.areas.models import Area
from casereview.cases.models import Case, ComplaintSource
from casereview.cases.workflow import Step
from casereview.partners.models import InformationResponse, ResponseDocument
from casereview.reviews.models import ActionStatus
from tests.browser.conftest import assert_accessible
from tests.browser.test_case_from_phone_to_ct4 import _fill_date, _sign_in
from tests.cases.helpers import gathering, request_to, stated, victim
from tests.partners.portal.helpers import police_action
from tests.reviews.helpers import HIDDEN_ACTION, LONDON, monitoring

pytestmark = pytest.mark.django_db(transaction=True)

# A Monday, a working day in England: the requests go out this morning, due five working days
# later (Monday 23 March), which is neither overdue nor due soon.
TODAY = dt.date(2026, 3, 16)
DUE = "23 March 2026"
STATED_ON = dt.date(2026, 3, 2)
REFERENCE = "CAD 4471"
ACTIONS_TAKEN = "Two visits to the neighbour and a warning letter."
EXEMPTION = "Another person's personal data (DPA 2018, Sch. 2 para 16)"
EXEMPTION_REASON = "The neighbour's personal data is withheld."
PROGRESS = "Warning letter delivered by hand on 16 March."


@pytest.fixture
def monday_morning(settings: Any) -> Iterator[None]:
    """The server's clock at 08:00 on ``TODAY``, still ticking (see the CT4 browser test for
    why the cookies last until the browser closes)."""
    settings.SESSION_EXPIRE_AT_BROWSER_CLOSE = True
    settings.CSRF_COOKIE_AGE = None
    with time_machine.travel(dt.datetime(2026, 3, 16, 8, tzinfo=LONDON), tick=True):
        yield


@pytest.fixture
def log_file(tmp_path: Path) -> Path:
    path = tmp_path / "incident-log.txt"
    path.write_text("16/03/2026 CAD 4471 Loud music reported by the victim.\n")
    return path


def test_an_agency_representative_answers_a_request_and_updates_an_action(
    monday_morning: None,
    live_server: LiveServer,
    page: Page,
    area: Area,
    coordinator: User,
    agency_rep: User,
    log_file: Path,
) -> None:
    police = area.police_force
    case = gathering(area, coordinator, complaints=[stated(police, STATED_ON)])
    # Another victim's case, whose final plan gives the police an action.
    other = victim("Jo Neighbour", postcode="SG13 7DG", email="jo@example.test", phone="")
    planned = monitoring(area, coordinator, victim=other)
    action = police_action(planned)
    _sign_in(page, live_server, agency_rep)

    # The way in: the service navigation, the hub, the portal.
    page.goto(f"{live_server.url}/staff/")
    page.get_by_role("link", name="Partner agencies", exact=True).click()
    expect(page.locator("h1")).to_have_text("Partner agencies")
    assert_accessible(page)
    page.get_by_role("link", name="Information requests, panels and actions of your agency").click()
    expect(page.locator("h1")).to_have_text("Your agency")
    expect(page.locator("main h2").first).to_have_text(police.name)
    row = _row(page, case.reference)
    expect(row).to_contain_text(DUE)
    expect(row.locator(".govuk-tag")).to_have_text("On time")
    # The other case's request was answered when its threshold was decided.
    expect(_row(page, planned.reference).first.locator(".govuk-tag")).to_have_text("Answered")
    assert_accessible(page)

    # The request, with what the agency needs to answer it.
    row.get_by_role("link", name=case.reference).click()
    expect(page.locator("h1")).to_have_text(f"Information request: case {case.reference}")
    expect(page.locator("main .govuk-tag").first).to_have_text("On time")
    expect(_summary_row(page, "Due on")).to_contain_text(DUE)
    expect(page.locator("main")).to_contain_text("Sam Victim")
    expect(page.locator("main")).to_contain_text("Your agency has not answered yet.")
    assert_accessible(page)

    # The answer form, sent once with an impossible date: refused, nothing typed lost.
    page.get_by_role("button", name="Answer the request").click()
    expect(page.locator("h1")).to_have_text("Answer the information request")
    assert_accessible(page)
    incident = _group(page, "Incident 1")
    for part, value in (("day", "31"), ("month", "2"), ("year", "2026")):
        incident.locator(f"input[name='incidents-0-behaviour_on-{part}']").fill(value)
    _fill_date(page, "incidents-0-reported_on", STATED_ON)
    incident.get_by_label("Your reference (optional)").fill(REFERENCE)
    page.get_by_label("Actions your agency has taken (optional)").fill(ACTIONS_TAKEN)
    page.locator("form").get_by_role("button", name="Send the answer", exact=True).click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("There is a problem")
    expect(summary).to_contain_text(
        "Incident 1: The date the behaviour happened must be a real date"
    )
    assert page.title().startswith("Error: ")
    expect(_group(page, "Incident 1").get_by_label("Your reference (optional)")).to_have_value(
        REFERENCE
    )
    expect(page.get_by_label("Actions your agency has taken (optional)")).to_have_value(
        ACTIONS_TAKEN
    )
    assert not InformationResponse.objects.filter(request=request_to(case)).exists()
    assert_accessible(page)
    # The error summary's link takes the keyboard to the field in error.
    summary.get_by_role("link").first.click()
    expect(page.locator("input[name='incidents-0-behaviour_on-day']")).to_be_focused()

    # The answer put right and completed, then sent with the Enter key.
    incident = _group(page, "Incident 1")
    incident.locator("input[name='incidents-0-behaviour_on-day']").fill("1")
    incident.locator("input[name='incidents-0-behaviour_on-month']").fill("3")
    incident.get_by_label(
        "Does it confirm a complaint the applicant said they made to you? (optional)"
    ).select_option(
        label="Hertfordshire Constabulary, reported 2 March 2026 (behaviour 2 March 2026)"
    )
    incident.get_by_label("Summary (optional)").fill("Loud music after midnight.")
    page.get_by_label("Documents (optional)", exact=True).set_input_files(log_file)
    page.get_by_label("Describe the documents (optional)").fill("Incident log, 1 page")
    _group(page, "Has your agency relied on an exemption to withhold anything?").get_by_label(
        EXEMPTION
    ).check()
    page.get_by_label("Why the exemption applies, and what was withheld").fill(EXEMPTION_REASON)
    incident.get_by_label("Your reference (optional)").press("Enter")

    # Back on the portal: the banner, and the request answered.
    expect(page.locator("h1")).to_have_text("Your agency")
    expect(page.locator(".govuk-notification-banner").first).to_contain_text(
        f"Your answer to the request about case {case.reference} is sent."
    )
    expect(_row(page, case.reference).locator(".govuk-tag")).to_have_text("Answered")
    assert_accessible(page)
    _row(page, case.reference).get_by_role("link", name=case.reference).click()
    expect(page.locator("main .govuk-tag").first).to_have_text("Answered")
    expect(page.get_by_role("link", name="incident-log.txt")).to_be_visible()
    expect(_summary_row(page, "Exemption relied on")).to_contain_text(EXEMPTION)
    assert_accessible(page)

    # The action the police own on the other case's final plan, opened from the portal.
    page.get_by_role("link", name="Back to your agency").click()
    page.get_by_role("link", name=f"Update {HIDDEN_ACTION}").click()
    expect(page.locator("h1")).to_have_text("Update an action")
    # They cannot open the case, so the way back is to their agency's portal, said as such.
    expect(page.locator(".govuk-back-link")).to_have_text("Back to your agency")
    expect(_summary_row(page, "Owner")).to_contain_text(police.name)
    assert_accessible(page)
    _group(page, "Status of the action").get_by_label("In progress").check()
    page.get_by_label("Progress notes").fill(PROGRESS)
    page.locator("form").get_by_role("button", name="Update the action", exact=True).click()
    expect(page.locator(".govuk-notification-banner").first).to_contain_text(
        "The action is updated."
    )
    expect(_summary_row(page, "Status")).to_contain_text("In progress")
    expect(page.get_by_label("Progress notes")).to_have_value(PROGRESS)
    assert_accessible(page)

    # What the database holds.
    response = InformationResponse.objects.get(request=request_to(case))
    assert response.recorded_by == agency_rep
    assert response.received_on == TODAY
    assert response.actions_taken == ACTIONS_TAKEN
    assert response.documents == "Incident log, 1 page"
    assert response.exemption_relied_on == EXEMPTION
    assert response.exemption_reason == EXEMPTION_REASON
    document = ResponseDocument.objects.get(response=response)
    assert document.name == "incident-log.txt"
    assert bytes(document.data) == log_file.read_bytes()
    complaint = Case.objects.get(pk=case.pk).complaints.get()
    assert complaint.source == ComplaintSource.CONFIRMED_BY_AGENCY
    assert complaint.behaviour_on == dt.date(2026, 3, 1)
    assert complaint.reported_on == STATED_ON
    assert complaint.agency_reference == REFERENCE
    assert case.events.latest("pk").step == Step.RECORD_RESPONSE
    action.refresh_from_db()
    assert action.status == ActionStatus.IN_PROGRESS
    assert action.progress == PROGRESS
    assert planned.events.latest("pk").step == Step.UPDATE_ACTION


def test_the_answer_can_be_given_without_javascript(
    monday_morning: None,
    live_server: LiveServer,
    page_without_javascript: Page,
    area: Area,
    coordinator: User,
    agency_rep: User,
) -> None:
    page = page_without_javascript
    case = gathering(area, coordinator)
    _sign_in(page, live_server, agency_rep)

    page.goto(f"{live_server.url}/staff/partners/agency/")
    _row(page, case.reference).get_by_role("link", name=case.reference).click()
    page.get_by_role("button", name="Answer the request").click()
    expect(page.locator("h1")).to_have_text("Answer the information request")

    # A fourth row, added by the server, keeps what was typed in the first.
    _fill_date(page, "incidents-0-behaviour_on", dt.date(2026, 3, 9))
    _fill_date(page, "incidents-0-reported_on", dt.date(2026, 3, 9))
    page.get_by_label("Actions your agency has taken (optional)").fill(ACTIONS_TAKEN)
    page.get_by_role("button", name="Add another incident").click()
    expect(_group(page, "Incident 4")).to_be_visible()
    expect(page.locator("input[name='incidents-0-behaviour_on-day']")).to_have_value("9")
    expect(page.get_by_label("Actions your agency has taken (optional)")).to_have_value(
        ACTIONS_TAKEN
    )
    _fill_date(page, "incidents-3-behaviour_on", dt.date(2026, 3, 12))
    _fill_date(page, "incidents-3-reported_on", dt.date(2026, 3, 13))
    _group(page, "Incident 4").get_by_label("Your reference (optional)").fill(REFERENCE)
    page.locator("form").get_by_role("button", name="Send the answer", exact=True).click()

    expect(page.locator(".govuk-notification-banner").first).to_contain_text(
        f"Your answer to the request about case {case.reference} is sent."
    )
    expect(_row(page, case.reference).locator(".govuk-tag")).to_have_text("Answered")
    response = InformationResponse.objects.get(request=request_to(case))
    assert response.actions_taken == ACTIONS_TAKEN
    assert response.exemption_relied_on == ""
    added = sorted(case.complaints.values_list("behaviour_on", "agency_reference"))
    assert added == [(dt.date(2026, 3, 9), ""), (dt.date(2026, 3, 12), REFERENCE)]


def _row(page: Page, text: str) -> Locator:
    """The rows of the page's tables that mention ``text`` (requests come before actions)."""
    return page.locator("main table tbody tr", has_text=text)


def _summary_row(page: Page, key: str) -> Locator:
    return page.locator(".govuk-summary-list__row", has=page.locator("dt", has_text=key)).first


def _group(page: Page, name: str) -> Locator:
    return page.get_by_role("group", name=name, exact=True)
