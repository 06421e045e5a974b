"""Tracking a case in Chromium, in English and in Welsh: a victim whose case meets the threshold
asks for a link from the area's page, opens it from the e-mail and gives a victim impact
statement; a victim whose case does not meet it asks for a review of the decision. axe-core
finds no WCAG 2.2 A/AA violations on any page on the way, error pages included.

The cases are built through the real services on the last working day up to today (the clock
still ticking, so the browser's waits work), so the tests need no calendar of their own."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from email.message import EmailMessage
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from casereview.accounts.models import User
from casereview.appeals.models import Appeal
from casereview.areas.models import Area
from casereview.cases.models import Case
from casereview.public import links
from casereview.reviews.models import VictimVoice
from casereview.rules import calendar_for
from tests.browser.public_journeys import (
    LANGUAGES,
    Walk,
    Words,
    check_page,
    choose_language,
    open_area_page,
)
from tests.cases.helpers import victim
from tests.letters.helpers import decided_not_met
from tests.reviews.helpers import met_case
from tests.smtp import Mailbox
from tests.tasks import run_tasks

pytestmark = pytest.mark.django_db(transaction=True)

LONDON = ZoneInfo("Europe/London")
VICTIM_EMAIL = "sam@example.test"
STATEMENT = "The shouting every night wakes my children and I am frightened to go out."
WHY_REVIEW = "The police lost two of my reports, so the council did not count them."
TRACK_LINK = re.compile(r"https?://\S+(/track/open/\S+/)")


@pytest.fixture
def working_morning(settings: Any) -> Iterator[dt.date]:
    """The server's clock at 10:00 on the last working day up to today, still ticking.

    Chromium keeps the real clock, so cookies whose expiry the server works out from the moved
    clock last until the browser closes (see test_case_from_phone_to_ct4.monday_morning).
    """
    settings.SESSION_EXPIRE_AT_BROWSER_CLOSE = True
    settings.CSRF_COOKIE_AGE = None
    calendar = calendar_for("england")
    day = timezone.localdate()
    while not calendar.is_working_day(day):
        day -= dt.timedelta(days=1)
    with time_machine.travel(dt.datetime.combine(day, dt.time(10), tzinfo=LONDON), tick=True):
        yield day


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_victim_tracks_their_case_from_an_emailed_link_and_gives_an_impact_statement(
    working_morning: dt.date,
    live_server: LiveServer,
    page: Page,
    area: Area,
    coordinator: User,
    smtp_server: Mailbox,
    language: str,
) -> None:
    case = met_case(area, coordinator, victim=victim(language=language))

    # From the area's page, in the person's language, to a link by e-mail.
    walk = open_area_page(page, live_server.url, area, language)
    words = walk.words
    page.get_by_role("link", name=words("Track your case review"), exact=True).click()
    walk.arrive("Track your case review")
    walk.fill("Case reference", case.reference)
    walk.fill("E-mail address", VICTIM_EMAIL)
    walk.press("Send me a link")
    walk.arrive("Check your e-mail")
    run_tasks()

    link = _tracking_link_in(smtp_server, case)
    page.goto(live_server.url + link)
    _arrive_on_the_tracking_page(walk, case)
    expect(page.locator("main")).to_contain_text(
        words("Your case meets the threshold for a review")
    )

    page.get_by_role("link", name=words("Give a victim impact statement")).click()
    walk.arrive("Your victim impact statement")
    # Sent with nothing in it: the error, and then the statement.
    walk.press("Save my statement")
    walk.error("Type your statement, or choose a file to upload")
    walk.fill("Type your statement", STATEMENT)
    walk.press("Save my statement")

    _arrive_on_the_tracking_page(walk, case)
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text(
        words(
            "Your victim impact statement is saved. The review panel will read it before the "
            "meeting."
        )
    )
    expect(
        page.get_by_role("link", name=words("Change your victim impact statement"))
    ).to_be_visible()
    voice = VictimVoice.objects.get(case=case)
    assert voice.statement == STATEMENT
    assert voice.contacted_how == "online"


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_victim_whose_case_did_not_meet_the_threshold_asks_for_a_review(
    working_morning: dt.date,
    live_server: LiveServer,
    page: Page,
    area: Area,
    coordinator: User,
    language: str,
) -> None:
    case = decided_not_met(area, coordinator)
    token = links.tracking_token(case, VICTIM_EMAIL)

    # The link from the decision's e-mail; the person reads in the language they choose.
    page.goto(live_server.url + reverse("public:track_open", kwargs={"token": token}))
    walk = Walk(page, choose_language(page, language))
    words = walk.words
    _arrive_on_the_tracking_page(walk, case)
    expect(page.locator("main")).to_contain_text(
        words("Your case does not meet the threshold for a review")
    )

    page.get_by_role("link", name=words("Ask for a review of the decision")).click()
    walk.arrive("Ask for a review of the decision")
    walk.press("Send my request")
    walk.error("Tell us why you want it reviewed")
    walk.fill("Why do you want it reviewed?", WHY_REVIEW)
    walk.press("Send my request")

    _arrive_on_the_tracking_page(walk, case)
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text(
        words("Your request has been sent. The council will write to you to say what happens next.")
    )
    appeal = Appeal.objects.get(case=case)
    assert appeal.ground == "threshold_decision"
    assert appeal.what_the_victim_says == WHY_REVIEW
    assert appeal.received_on == working_morning
    assert appeal.lodged_by is None


def _tracking_link_in(mailbox: Mailbox, case: Case) -> str:
    """The path of the tracking link the victim asked for, from the one e-mail (in the case's
    language) that sends it."""
    asked_for = Words(case.language)(
        "Open this link to see where your case stands, what happens next and your letters:"
    )
    bodies = [_plain_text(message) for message in mailbox.messages]
    sent = [text for text in bodies if asked_for in text]
    assert len(sent) == 1, bodies
    assert mailbox.recipients[bodies.index(sent[0])] == [VICTIM_EMAIL]
    found = TRACK_LINK.search(sent[0])
    assert found is not None, sent[0]
    # The e-mail gives the service's own address; the test server has another.
    return urlsplit(found.group(0)).path


def _plain_text(message: EmailMessage) -> str:
    body = message.get_body(preferencelist=("plain",))
    assert body is not None
    return str(body.get_content())


def _arrive_on_the_tracking_page(walk: Walk, case: Case) -> None:
    page, words = walk.page, walk.words
    expect(page).to_have_url(re.compile(r"/track/case/$"))
    expect(page.locator("html")).to_have_attribute("lang", words.language)
    expect(page.locator(".govuk-caption-l")).to_have_text(
        words("ASB Case Review %(reference)s", reference=case.reference)
    )
    expect(page.get_by_role("heading", name=words("What you can do"))).to_be_visible()
    check_page(page)
