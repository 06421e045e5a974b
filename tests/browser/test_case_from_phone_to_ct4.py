"""One case in Chromium through the coordinator's pages, from a phone application to the CT4
letter: recorded with three complaints to the police (growing the form with "Add another
complaint"), acknowledged (after a mistyped date is refused), information requested from every
relevant body, the police response confirming the three complaints, the threshold decided as
met, and the CT4 letter the worker writes, which says so without naming the person alleged
responsible. axe-core finds no WCAG 2.2 A/AA violations on any page on the way."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.conf import settings as django_settings
from django.test import Client
from playwright.sync_api import Locator, Page, expect
from pytest_django.live_server_helper import LiveServer

from casereview.accounts.models import User
from casereview.areas.models import Area
from casereview.cases.models import Case, ComplaintSource
from casereview.cases.workflow import Status, Step
from casereview.core.formatting import govuk_date
from casereview.letters.models import DeliveryStatus, Letter, LetterKind
from tests.browser.conftest import assert_accessible
from tests.conftest import sign_in_verified
from tests.smtp import Mailbox
from tests.tasks import run_tasks

pytestmark = pytest.mark.django_db(transaction=True)

LONDON = ZoneInfo("Europe/London")
# A Monday, a working day in England: the application is received, and every step taken, today.
TODAY = dt.date(2026, 3, 16)
POLICE = "Hertfordshire Constabulary"
ALLEGED = "Mr Example at number 5"
# (behaviour, reported): three separate days, each reported within the reference policy's
# 30 days and all within six months of the application.
COMPLAINTS = [
    (dt.date(2026, 2, 20), dt.date(2026, 2, 20)),
    (dt.date(2026, 2, 27), dt.date(2026, 2, 28)),
    (dt.date(2026, 3, 6), dt.date(2026, 3, 6)),
]


@pytest.fixture
def monday_morning(settings: Any) -> Iterator[None]:
    """The server's clock at 10:00 on ``TODAY``, still ticking so that the browser's waits work.

    Chromium keeps the real clock, so a cookie whose expiry the server works out from the
    frozen clock would one day be in the browser's past (the CSRF cookie's year runs out in
    March 2027, a re-sent session cookie's eight hours at once), and the test would start
    failing with the calendar: the session and CSRF cookies last until the browser closes.
    """
    settings.SESSION_EXPIRE_AT_BROWSER_CLOSE = True
    settings.CSRF_COOKIE_AGE = None
    with time_machine.travel(dt.datetime(2026, 3, 16, 10, tzinfo=LONDON), tick=True):
        yield


def test_a_coordinator_takes_a_phone_application_to_a_ct4_letter_in_the_browser(
    monday_morning: None,
    live_server: LiveServer,
    page: Page,
    area: Area,
    coordinator: User,
    smtp_server: Mailbox,
) -> None:
    _sign_in(page, live_server, coordinator)

    # The dashboard, and the new application.
    page.goto(live_server.url + "/staff/cases/")
    expect(page.locator("h1")).to_contain_text("cases")
    assert_accessible(page)
    page.get_by_role("button", name="Record a new application").click()

    expect(page.locator("h1")).to_have_text("Record an application for a Case Review")
    assert_accessible(page)
    _fill_application(page)

    # The case page of the new case.
    case = Case.objects.get(area=area)
    expect(page.locator("h1")).to_have_text(f"Case {case.reference}")
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        f"Application received: its reference is {case.reference}."
    )
    _expect_status(page, "Received")
    expect(page.locator(".app-restricted")).to_have_text(ALLEGED)
    assert_accessible(page)

    # Acknowledge, with a date that does not exist first.
    page.get_by_role("button", name="Acknowledge the application").click()
    expect(page.locator("h1")).to_have_text("Acknowledge the application")
    assert_accessible(page)
    for part, value in (("day", "31"), ("month", "2"), ("year", "2026")):
        page.locator(f"input[name='on-{part}']").fill(value)
    page.get_by_role("button", name="Record the acknowledgement").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("There is a problem")
    expect(summary).to_contain_text("The date it was acknowledged must be a real date")
    question = _group(page, "When was the application acknowledged?")
    expect(question.locator(".govuk-error-message")).to_contain_text("must be a real date")
    assert_accessible(page)
    # The summary's link takes the keyboard to the box to correct.
    summary.get_by_role("link", name="The date it was acknowledged must be a real date").click()
    expect(question.get_by_label("Day")).to_be_focused()
    _fill_date(page, "on", TODAY)
    page.get_by_role("button", name="Record the acknowledgement").click()
    _expect_status(page, "Acknowledged")
    assert_accessible(page)

    # Request information from every relevant body of the area.
    page.get_by_role("button", name="Request information from relevant bodies").click()
    expect(page.locator("h1")).to_have_text("Request information from relevant bodies")
    expect(page.locator("main")).to_contain_text(POLICE)
    assert_accessible(page)
    page.get_by_role("button", name="Send the requests").click()
    _expect_status(page, "Gathering information")
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "Information is requested from 5 relevant bodies."
    )
    assert_accessible(page)

    # The police's response confirms the three complaints the applicant stated.
    page.get_by_role("link", name=f"Record a response from {POLICE}").click()
    expect(page.locator("h1")).to_have_text(f"Record the response from {POLICE}")
    assert_accessible(page)
    _fill_response(page)
    _expect_status(page, "Gathering information")
    expect(page.get_by_role("cell", name=f"Confirmed by {POLICE}")).to_have_count(3)
    assert_accessible(page)

    # The decision page shows the rules engine's view, then the decision is recorded.
    page.get_by_role("button", name="Decide the threshold").click()
    expect(page.locator("h1")).to_have_text("Decide the threshold")
    expect(page.locator(".govuk-inset-text")).to_have_text(
        "3 complaints count towards a threshold of 3: the threshold is met."
    )
    verdicts = page.locator("table", has=page.get_by_text("Every complaint and its verdict"))
    expect(verdicts.locator("tbody tr")).to_have_count(3)
    expect(verdicts.get_by_role("cell", name="Counts", exact=True)).to_have_count(3)
    assert_accessible(page)
    _decide(page)

    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "Decision recorded: the threshold is met."
    )
    _expect_status(page, "Threshold met")
    assert_accessible(page)

    # The worker writes the letters the steps caused; the CT4 is listed on the case page.
    assert run_tasks() > 0
    page.reload()
    ct4_link = page.get_by_role("link", name="CT4: threshold met", exact=True)
    expect(ct4_link).to_be_visible()
    assert_accessible(page)
    ct4_link.click()

    expect(page.locator(".app-letter-record h1")).to_have_text("CT4: threshold met")
    letter = page.locator("article.app-letter")
    expect(letter).to_contain_text("meets the threshold for a case review")
    expect(letter).to_contain_text(case.reference)
    assert "Mr Example" not in page.content()
    assert_accessible(page)

    # What the database holds at the end.
    case.refresh_from_db()
    assert case.status == Status.THRESHOLD_MET
    assert case.channel == "phone"
    assert case.acknowledged_on == TODAY
    assert case.threshold_met is True
    assert list(case.events.order_by("at", "pk").values_list("step", flat=True)) == [
        Step.RECEIVE,
        Step.ACKNOWLEDGE,
        Step.REQUEST_INFORMATION,
        Step.RECORD_RESPONSE,
        Step.DECIDE_THRESHOLD_MET,
    ]
    complaints = list(case.complaints.order_by("behaviour_on"))
    assert [(c.behaviour_on, c.reported_on) for c in complaints] == COMPLAINTS
    assert {c.source for c in complaints} == {ComplaintSource.CONFIRMED_BY_AGENCY}
    assert {c.agency.name for c in complaints} == {POLICE}
    ct4 = Letter.objects.get(case=case, kind=LetterKind.CT4)
    assert ct4.status == DeliveryStatus.SENT
    assert "Mr Example" not in ct4.html
    assert ["sam@example.test"] in smtp_server.recipients


def _sign_in(page: Page, live_server: LiveServer, user: User) -> None:
    """Sign the browser in as ``user``, two-factor done, through a test client's session (the
    sign-in pages have a browser test of their own)."""
    client = sign_in_verified(Client(), user)
    session_key = client.cookies[django_settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [
            {
                "name": django_settings.SESSION_COOKIE_NAME,
                "value": session_key,
                "url": live_server.url,
            }
        ]
    )


def _expect_status(page: Page, status: str) -> None:
    expect(page.locator("main .govuk-tag").first).to_have_text(status)
    expect(page.locator(".govuk-summary-list__row", has_text="Status")).to_contain_text(status)


def _fill_date(page: Page, name: str, day: dt.date) -> None:
    """Type ``day`` into a GOV.UK date input's three boxes (``<name>-day`` and so on)."""
    for part, value in (("day", day.day), ("month", day.month), ("year", day.year)):
        page.locator(f"input[name='{name}-{part}']").fill(str(value))


def _choose(page: Page, question: str, answer: str) -> None:
    """Choose ``answer`` among the radios of the question (a fieldset named by its legend)."""
    _group(page, question).get_by_label(answer, exact=True).check()


def _group(page: Page, name: str) -> Locator:
    return page.get_by_role("group", name=name, exact=True)


def _fill_application(page: Page) -> None:
    _choose(page, "How did the application arrive?", "Phone")
    _fill_date(page, "received_on", TODAY)
    _choose(page, "Who is the victim?", "A person")
    page.get_by_label("Victim's name").fill("Sam Victim")
    page.get_by_label("Victim's address").fill("1 High Street, Hertford")
    page.get_by_label("Victim's postcode").fill("SG14 1AB")
    page.get_by_label("Victim's e-mail address").fill("sam@example.test")
    page.get_by_label("Victim's phone number").fill("07700 900123")
    _choose(page, "How does the victim prefer to be contacted?", "E-mail")
    expect(
        _group(page, "Which language should letters to the victim be in?").get_by_label("English")
    ).to_be_checked()
    _choose(page, "Is someone applying on the victim's behalf?", "No")
    page.get_by_label("Describe the anti-social behaviour").fill(
        "Loud music and shouting late at night, several nights a week."
    )
    page.get_by_label("Where does it happen? (optional)").fill("High Street, Hertford")
    page.get_by_label("People alleged to be responsible (optional)").fill(ALLEGED)
    page.get_by_label("Single point of contact (optional)").select_option(label="Casey Coord")

    for number, (behaviour_on, reported_on) in enumerate(COMPLAINTS, start=1):
        if number > 1:
            # Not a submission: the page comes back with one more row and everything kept.
            page.get_by_role("button", name="Add another complaint").click()
            expect(_group(page, f"Complaint {number}")).to_be_visible()
            expect(page.get_by_label("Victim's name")).to_have_value("Sam Victim")
            expect(page.locator(".govuk-error-summary")).to_have_count(0)
            assert_accessible(page)
        _fill_complaint(page, number, behaviour_on, reported_on)

    _choose(
        page,
        "Is the application one that the local policy says is not suitable for a Case Review?",
        "No, it can be considered for a Case Review",
    )
    page.get_by_role("button", name="Record the application").click()


def _fill_complaint(page: Page, number: int, behaviour_on: dt.date, reported_on: dt.date) -> None:
    row = _group(page, f"Complaint {number}")
    row.get_by_label("Agency it was made to").select_option(label=POLICE)
    _fill_date(page, f"complaint_{number}_behaviour_on", behaviour_on)
    _fill_date(page, f"complaint_{number}_reported_on", reported_on)
    row.get_by_label("Agency's reference (optional)").fill(f"HC/{number}")


def _fill_response(page: Page) -> None:
    _fill_date(page, "received_on", TODAY)
    page.get_by_label("Actions the agency has taken (optional)").fill(
        "Warning letter sent; noise monitoring installed."
    )
    for index, (behaviour_on, reported_on) in enumerate(COMPLAINTS):
        prefix = f"incidents-{index}"
        incident = _group(page, f"Incident {index + 1}")
        _fill_date(page, f"{prefix}-behaviour_on", behaviour_on)
        _fill_date(page, f"{prefix}-reported_on", reported_on)
        incident.get_by_label("The agency's reference (optional)").fill(f"HC/{index + 1}")
        incident.get_by_label("Does it confirm a complaint the applicant stated?").select_option(
            label=_stated(behaviour_on, reported_on)
        )
    page.get_by_role("button", name="Record the response").click()


def _stated(behaviour_on: dt.date, reported_on: dt.date) -> str:
    """How the response page names a complaint the applicant stated."""
    return f"{POLICE}, reported {govuk_date(reported_on)} (behaviour {govuk_date(behaviour_on)})"


def _decide(page: Page) -> None:
    # The date of the decision starts as today.
    for part, value in (("day", "16"), ("month", "3"), ("year", "2026")):
        expect(page.locator(f"input[name='decided_on-{part}']")).to_have_value(value)
    _choose(page, "How was the decision reached?", "The threshold of qualifying complaints")
    _choose(
        page, "Is the threshold for a Case Review met?", "Yes: a Case Review will be carried out"
    )
    page.get_by_label("Persistence of the behaviour (optional)").fill(
        "Three nights in three weeks, continuing."
    )
    page.get_by_label("Harm caused, or the potential for harm (optional)").fill(
        "The victim cannot sleep and is anxious at home."
    )
    page.get_by_label("Adequacy of the agencies' response (optional)").fill(
        "A warning letter only; the noise went on."
    )
    page.get_by_label("Reasons for the decision").fill(
        "Three complaints were made to the police within the time limits, so the threshold is met."
    )
    page.get_by_role("button", name="Record the decision").click()
