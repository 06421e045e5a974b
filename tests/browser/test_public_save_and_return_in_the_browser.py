"""Save and come back later in Chromium, in English and in Welsh: part-way through an application
the person asks for a link, which arrives by e-mail (over SMTP, in their language); opened in
another browser it brings back every answer, and the application is finished and sent from
there. axe-core finds no WCAG 2.2 A/AA violations on any page on the way."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect
from pytest_django.live_server_helper import LiveServer

from casereview.areas.models import Area
from casereview.cases.models import Case, Channel
from tests.browser.public_journeys import (
    BEHAVIOUR,
    LANGUAGES,
    VICTIM,
    VICTIM_EMAIL,
    Walk,
    answer_about_myself,
    answer_support_and_contact,
    answer_the_reports,
    open_area_page,
    send_application,
    start_application,
)
from tests.smtp import Mailbox
from tests.tasks import run_tasks

pytestmark = pytest.mark.django_db(transaction=True)

RESUME_LINK = re.compile(r"https?://\S+/apply/resume/\S+/")


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_application_saved_part_way_is_finished_from_the_emailed_link(
    live_server: LiveServer,
    page: Page,
    browser: Browser,
    area: Area,
    smtp_server: Mailbox,
    language: str,
) -> None:
    walk = open_area_page(page, live_server.url, area, language)
    words = walk.words
    start_application(walk, area)
    answer_about_myself(walk)

    # Part-way through the behaviour page, the person has to stop.
    walk.arrive("What has been happening?")
    walk.fill("What has been happening?", BEHAVIOUR)
    walk.press("Save and come back later")

    walk.arrive("What is your e-mail address?")
    address = page.get_by_label(words("What is your e-mail address?"))
    # The address given earlier is already there; emptied by mistake, it is asked for.
    expect(address).to_have_value(VICTIM_EMAIL)
    address.fill("")
    walk.press("Send the link")
    walk.error("Enter your e-mail address")
    address.fill(VICTIM_EMAIL)
    walk.press("Send the link")

    walk.arrive("We have sent you a link")
    expect(page.locator("main")).to_contain_text(VICTIM_EMAIL)
    run_tasks()

    assert smtp_server.recipients == [[VICTIM_EMAIL]]
    message = smtp_server.messages[0].get_content()
    assert words("Continue your application:") in message
    link = RESUME_LINK.search(message)
    assert link is not None, message

    # Another browser: nothing of the first one's session or cookies.
    elsewhere = browser.new_context(locale="en-GB")
    try:
        other_page = elsewhere.new_page()
        other_page.set_default_timeout(10_000)
        _finish_elsewhere(Walk(other_page, words), live_server.url + urlsplit(link.group(0)).path)
    finally:
        elsewhere.close()

    case = Case.objects.get(area=area)
    assert case.channel == Channel.ONLINE
    assert case.language == language
    assert case.victim_name == VICTIM
    assert case.asb_description.startswith(BEHAVIOUR)


def _finish_elsewhere(walk: Walk, link: str) -> None:
    page, words = walk.page, walk.words
    page.goto(link)
    # The link opens the application in the language it was being written in, at the first
    # page not yet answered.
    expect(page.locator("html")).to_have_attribute("lang", words.language)
    walk.arrive("Where and when")

    # Every answer is still there.
    page.get_by_role("link", name=words("Back"), exact=True).click()
    walk.arrive("What has been happening?")
    expect(page.get_by_label(words("What has been happening?"))).to_have_value(BEHAVIOUR)
    walk.go_on()

    walk.answer(
        "Where and when",
        fill={"Where does it happen?": "Flat 3, next door", "When did it start?": "Last summer"},
    )
    walk.answer("How is it affecting you?", fill={"How is it affecting you?": "I cannot sleep."})
    walk.answer("Do you know who is responsible? (optional)")
    answer_the_reports(walk)
    answer_support_and_contact(walk, for_self=True, contact="E-mail")
    expect(page.locator("main")).to_contain_text(VICTIM)
    send_application(
        walk,
        declaration="I confirm that the information I have given is true, as far as I know",
    )
