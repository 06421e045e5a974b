"""One case in Chromium through the coordinator's pages from the CT4 letter to closure: the
victim's choice to attend, the meeting arranged (after a panel with too few relevant bodies is
refused), the meeting recorded with a recommendation and two actions (one the victim may not
see), the outcome sent, the victim's comment, the plan made final, an appeal against how the
review was carried out lodged, heard and its outcome sent, the actions done and the case closed.
axe-core finds no WCAG 2.2 A/AA violations on any page on the way, and no letter the worker
writes for the victim shows the restricted data."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
import time_machine
from playwright.sync_api import Locator, Page, expect
from pytest_django.live_server_helper import LiveServer

from casereview.accounts.models import User
from casereview.areas.models import Area
from casereview.cases.models import Case
from casereview.cases.workflow import Status, Step
from casereview.letters.models import Letter, LetterKind
from casereview.reviews.models import ActionStatus
from tests.browser.conftest import assert_accessible
from tests.browser.test_case_from_phone_to_ct4 import _fill_date, _sign_in
from tests.reviews.helpers import LONDON, met_case
from tests.smtp import Mailbox
from tests.tasks import run_tasks

pytestmark = pytest.mark.django_db(transaction=True)

# A Monday, a working day in England: the case was decided this morning.
TODAY = dt.date(2026, 3, 16)
ALLEGED = "Mr Browser Restricted of 7 Hidden Row"
ASSESSMENT = "Considered a civil injunction against the neighbour"
HIDDEN = "Police warning letter to the neighbour at 7 Hidden Row"
VISIBLE = "Install noise monitoring equipment at the victim's home"


@pytest.fixture
def monday_morning(settings: Any) -> Iterator[None]:
    """The server's clock at 08:00 on ``TODAY``, still ticking (see the CT4 browser test for
    why the cookies last until the browser closes)."""
    settings.SESSION_EXPIRE_AT_BROWSER_CLOSE = True
    settings.CSRF_COOKIE_AGE = None
    with time_machine.travel(dt.datetime(2026, 3, 16, 8, tzinfo=LONDON), tick=True):
        yield


def test_a_coordinator_takes_a_case_from_ct4_through_the_review_and_an_appeal_to_closure(
    monday_morning: None,
    live_server: LiveServer,
    page: Page,
    area: Area,
    coordinator: User,
    smtp_server: Mailbox,
) -> None:
    case = met_case(area, coordinator, spoc=coordinator, alleged_responsible=ALLEGED)
    _sign_in(page, live_server, coordinator)
    page.goto(f"{live_server.url}/staff/cases/{case.reference}/")
    _expect_status(page, "Threshold met")
    assert_accessible(page)

    # The victim's voice: they will attend the first part of the meeting.
    _button(page, "Record how the victim is heard")
    expect(page.locator("h1")).to_have_text("Record how the victim is heard at the review")
    assert_accessible(page)
    _group(page, "How does the victim want to be heard at the review?").get_by_label(
        "Attend the first part of the meeting in person"
    ).check()
    _fill_date(page, "contacted_on", TODAY)
    page.get_by_label("Support offered (optional)").fill("Victim Support: referral accepted")
    _submit(page, "Record the victim's choice")
    _banner(page, "The victim's choice for the review is recorded.")
    assert_accessible(page)

    # The meeting: two relevant bodies are refused, three are enough.
    _button(page, "Arrange the review meeting")
    expect(page.locator("h1")).to_have_text("Arrange the review meeting")
    assert_accessible(page)
    _fill_date(page, "meeting_date", TODAY)
    page.get_by_label("Start time").fill("09:00")
    page.get_by_label("Where is the meeting? (optional if it is by video)").fill(
        "Wallfields, Pegs Lane, Hertford"
    )
    for agency, person in (
        ("East Hertfordshire Council", "Alex Council"),
        ("Hertfordshire Constabulary", "Inspector Bo Police"),
    ):
        _panel_member(page, agency, person)
    page.get_by_label("Chair's name").fill("Pat Chair")
    page.get_by_label("Chair's organisation").fill("Broxbourne Borough Council")
    page.get_by_label("The chair is independent of the agencies that handled the case").check()
    _submit(page, "Arrange the meeting")
    expect(page.locator(".govuk-error-summary")).to_contain_text("The panel has 2 relevant bodies")
    assert_accessible(page)
    _panel_member(page, "Demo Housing Association", "Cam Housing")
    _submit(page, "Arrange the meeting")
    _expect_status(page, "Review meeting arranged")
    assert_accessible(page)
    # The worker, running beside the server, writes the victim's invitation and e-mails the panel.
    assert run_tasks() > 0

    # The meeting's record.
    _button(page, "Record the review meeting")
    expect(page.locator("h1")).to_have_text("Record the review meeting")
    assert_accessible(page)
    _fill_date(page, "held_on", TODAY)
    _group(page, "Did the victim attend the first part?").get_by_label("Yes").check()
    attendance = _group(page, "Who on the panel attended?")
    for box in attendance.get_by_role("checkbox").all():
        box.check()
    page.get_by_label("Minutes of the meeting").fill("The panel heard the victim first.")
    page.get_by_label("Outcome of the review").fill("The panel agreed a plan to stop the noise.")
    page.get_by_label("Interventions the panel considered").fill(ASSESSMENT)
    page.get_by_label("The panel's decision").fill("A warning first.")
    recommendation = _group(page, "Recommendation 1")
    recommendation.get_by_label("Addressed to one of the area's agencies").select_option(
        label="Hertfordshire Constabulary"
    )
    recommendation.get_by_label("The recommendation").fill("Triage noise reports daily.")
    _action(page, 1, VISIBLE, "East Hertfordshire Council", TODAY + dt.timedelta(days=14))
    page.get_by_role("button", name="Add another action").click()
    expect(_group(page, "Action 2")).to_be_visible()
    assert_accessible(page)
    _action(page, 2, HIDDEN, "Hertfordshire Constabulary", TODAY + dt.timedelta(days=7))
    _group(page, "Action 2").get_by_label("The victim may see this action").uncheck()
    _submit(page, "Record the meeting")
    _expect_status(page, "Review meeting held")
    expect(page.locator("main")).not_to_contain_text(ASSESSMENT)
    assert_accessible(page)

    # The meeting's documents, and the victim's action plan without the hidden action.
    page.get_by_role(
        "link", name="Agenda, terms of reference, chair's pack and action plan"
    ).click()
    expect(page.locator("h1")).to_have_text("Review documents")
    assert_accessible(page)
    response = page.request.get(
        f"{live_server.url}/staff/cases/{case.reference}/review/documents/action-plan/victim.pdf"
    )
    assert response.ok
    assert response.headers["content-type"] == "application/pdf"
    _go_to_case(page, live_server, case)

    # The outcome and the draft plan to the victim: the hidden action is not among them.
    _button(page, "Send the outcome to the victim")
    expect(page.locator("h1")).to_have_text("Send the outcome to the victim")
    expect(page.locator("main")).to_contain_text(VISIBLE)
    expect(page.locator("main")).not_to_contain_text(HIDDEN)
    assert_accessible(page)
    _submit(page, "Send the outcome")
    _expect_status(page, "Victim consulted on the action plan")
    assert_accessible(page)

    # The victim's comment, then the plan made final.
    _button(page, "Record the victim's comments on the plan")
    assert_accessible(page)
    _fill_date(page, "received_on", TODAY)
    _group(page, "How did they comment?").get_by_label("Phone").check()
    page.get_by_label("The victim's comments on the draft action plan").fill("Happy with the plan.")
    _submit(page, "Record the comments")
    _banner(page, "The victim's comments are kept with the action plan.")
    _button(page, "Make the action plan final")
    assert_accessible(page)
    _submit(page, "Make the plan final")
    _expect_status(page, "Actions monitored")
    assert_accessible(page)

    # An appeal against how the review was carried out: lodged, heard (not upheld), answered.
    _button(page, "Record an appeal")
    expect(page.locator("h1")).to_have_text("Record an appeal")
    assert_accessible(page)
    _group(page, "What is the appeal against?").get_by_label(
        "How the review was carried out"
    ).check()
    _fill_date(page, "received_on", TODAY)
    page.get_by_label("What does the victim say?").fill("My statement was not read out.")
    _submit(page, "Record the appeal")
    _banner(page, "The appeal is recorded.")
    assert_accessible(page)
    _go_to_case(page, live_server, case)
    _button(page, "Record the appeal's hearing")
    expect(page.locator("h1")).to_have_text("Record the hearing of the appeal")
    assert_accessible(page)
    _fill_date(page, "heard_on", TODAY)
    _group(page, "What was the outcome?").get_by_label("Not upheld").check()
    page.get_by_label("The reasons for the outcome").fill(
        "The statement was read out, as the minutes record."
    )
    _submit(page, "Record the hearing")
    assert_accessible(page)
    _go_to_case(page, live_server, case)
    _button(page, "Send the appeal's outcome to the victim")
    assert_accessible(page)
    _fill_date(page, "on", TODAY)
    _submit(page, "Send the outcome")
    _banner(page, "The outcome of the appeal is sent to the victim.")
    assert_accessible(page)

    # Every action done, then the case closes.
    _go_to_case(page, live_server, case)
    for description in (VISIBLE, HIDDEN):
        page.get_by_role("link", name=f"Update the action: {description}").click()
        expect(page.locator("h1")).to_have_text("Update an action")
        assert_accessible(page)
        _group(page, "Status of the action").get_by_label("Done").check()
        _fill_date(page, "completed_on", TODAY)
        _submit(page, "Update the action")
        _go_to_case(page, live_server, case)
    _button(page, "Close the case")
    assert_accessible(page)
    page.get_by_label("Why is the case closed?").fill("Every action of the plan is done.")
    _fill_date(page, "on", TODAY)
    _submit(page, "Close the case")
    _banner(page, "The case is closed.")
    _expect_status(page, "Closed")
    assert_accessible(page)

    # What the database holds, and the victim's letters the worker writes.
    assert run_tasks() > 0
    case.refresh_from_db()
    assert case.status == Status.CLOSED
    steps = list(case.events.order_by("at", "pk").values_list("step", flat=True))
    assert steps[steps.index(Step.DECIDE_THRESHOLD_MET) + 1 :] == [
        Step.RECORD_VICTIM_VOICE,
        Step.SCHEDULE_MEETING,
        Step.RECORD_MEETING,
        Step.SEND_OUTCOME,
        Step.RECORD_VICTIM_COMMENT,
        Step.FINALISE_PLAN,
        Step.LODGE_APPEAL,
        Step.DISMISS_APPEAL,
        Step.SEND_APPEAL_OUTCOME,
        Step.UPDATE_ACTION,
        Step.UPDATE_ACTION,
        Step.CLOSE,
    ]
    meeting = case.meetings.get()
    assert meeting.panel.filter(relevant_body=True).count() == 3
    assert set(meeting.actions.values_list("status", flat=True)) == {ActionStatus.DONE}
    kinds = set(case.letters.values_list("kind", flat=True))
    assert {
        LetterKind.MEETING_INVITATION,
        LetterKind.OUTCOME,
        LetterKind.ACTION_PLAN,
        LetterKind.APPEAL_RECEIVED,
        LetterKind.APPEAL_OUTCOME,
        LetterKind.CLOSURE,
    } <= kinds
    for letter in Letter.objects.filter(case=case, recipient__in=["victim", "applicant"]):
        for marker in (ALLEGED, ASSESSMENT, HIDDEN):
            assert marker not in letter.html, (letter.kind, marker)


def _expect_status(page: Page, status: str) -> None:
    """The case's status, in its tag and in the summary (the first "Status" row: an appeal's
    section has a status row of its own)."""
    expect(page.locator("main .govuk-tag").first).to_have_text(status)
    row = page.locator(".govuk-summary-list__row", has_text="Status").first
    expect(row).to_contain_text(status)


def _button(page: Page, name: str) -> None:
    page.get_by_role("button", name=name, exact=True).click()


def _submit(page: Page, name: str) -> None:
    page.locator("form").get_by_role("button", name=name, exact=True).click()


def _banner(page: Page, text: str) -> None:
    expect(page.locator(".govuk-notification-banner").first).to_contain_text(text)


def _group(page: Page, name: str) -> Locator:
    return page.get_by_role("group", name=name, exact=True)


def _go_to_case(page: Page, live_server: LiveServer, case: Case) -> None:
    page.goto(f"{live_server.url}/staff/cases/{case.reference}/")


def _panel_member(page: Page, agency: str, person: str) -> None:
    group = _group(page, agency)
    group.get_by_label(f"{agency} sits on the panel").check()
    group.get_by_label("Person's name").fill(person)


def _action(page: Page, number: int, description: str, owner: str, due: dt.date) -> None:
    group = _group(page, f"Action {number}")
    group.get_by_label("What is to be done").fill(description)
    group.get_by_label("Agency that owns the action").select_option(label=owner)
    for part, value in (("day", due.day), ("month", due.month), ("year", due.year)):
        group.locator(f"input[name='action_{number}_due_on-{part}']").fill(str(value))
