"""Applying online in Chromium, in English and in Welsh: for yourself (with a page sent blank
and corrected), and for someone else (through the victim's agreement, first not given), the
second without JavaScript. Every page on the way passes axe-core (WCAG 2.2 A/AA), and the case
is stored once with the channel, the language and, for someone else, the agreement recorded."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from casereview.areas.models import Area
from casereview.cases.models import Case, Channel
from tests.browser.public_journeys import (
    LANGUAGES,
    VICTIM,
    answer_about_myself,
    answer_about_the_behaviour,
    answer_support_and_contact,
    answer_the_reports,
    days_ago,
    fill_date,
    open_area_page,
    send_application,
    start_application,
)

pytestmark = pytest.mark.django_db(transaction=True)

FRIEND = "Alex Friend"


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_victim_applies_for_themselves_and_gets_a_reference(
    live_server: LiveServer, page: Page, area: Area, language: str
) -> None:
    walk = open_area_page(page, live_server.url, area, language)
    start_application(walk, area)

    answer_about_myself(walk, name_forgotten_first=True)

    answer_about_the_behaviour(walk)
    answer_the_reports(walk)
    answer_support_and_contact(walk, for_self=True, contact="E-mail")

    main = page.locator("main")
    expect(main).to_contain_text(VICTIM)
    expect(main).to_contain_text("HC-123")
    reference = send_application(
        walk,
        declaration="I confirm that the information I have given is true, as far as I know",
    )

    case = Case.objects.get(area=area)
    assert reference == case.reference
    assert case.channel == Channel.ONLINE
    assert case.language == language
    assert case.applicant_is_victim
    assert case.victim_name == VICTIM
    assert case.complaints.count() == 2


@pytest.mark.parametrize("language", LANGUAGES)
def test_someone_applies_for_a_neighbour_with_their_agreement_without_javascript(
    live_server: LiveServer, page_without_javascript: Page, area: Area, language: str
) -> None:
    page = page_without_javascript
    walk = open_area_page(page, live_server.url, area, language)
    start_application(walk, area)

    walk.answer("Who are you applying for?", choose="Someone else, with their agreement")
    walk.answer(
        "About you",
        choose="Friend",
        fill={"Your full name": FRIEND},
    )
    walk.answer("How can we contact you?", fill={"E-mail address": "alex@example.test"})

    # Not agreed yet: the application cannot go on, and says why.
    walk.answer("Has the victim agreed to you applying for them?", choose="No, or not yet")
    walk.arrive("You need the victim\u2019s agreement to apply for them")
    page.get_by_role("link", name=walk.words("Change your answer")).click()
    walk.answer("Has the victim agreed to you applying for them?", choose="Yes")

    walk.arrive("The victim's agreement")
    walk.fill("How did they give their agreement?", "In writing")
    fill_date(page, "consent_given_on", days_ago(2))
    walk.go_on()

    walk.answer("Is the victim a person, a business or a community group?", choose="A person")
    walk.answer("What is the victim's full name?", fill={"What is the victim's full name?": VICTIM})
    walk.answer(
        "What is the victim's address?",
        fill={"Address": "1 High Street\nHertford", "Postcode": "SG14 1AB"},
    )
    walk.answer("How can we contact the victim?", fill={"Phone number": "07700 900123"})
    answer_about_the_behaviour(walk, for_self=False)
    answer_the_reports(walk)
    answer_support_and_contact(walk, for_self=False, contact="Phone")

    reference = send_application(
        walk,
        declaration="I confirm that the information I have given is true, as far as I know, "
        "and that the victim has agreed to this application",
    )

    case = Case.objects.get(area=area)
    assert reference == case.reference
    assert case.channel == Channel.ONLINE
    assert case.language == language
    assert not case.applicant_is_victim
    assert case.applicant_name == FRIEND
    assert case.consent_given_how == "In writing"
    assert case.consent_given_on == days_ago(2)
