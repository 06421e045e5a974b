"""What the browser tests of the public journeys share: the words of a page in the language the
person chose (read from the translation catalogue, so no test hard-codes Welsh), choosing Welsh
with the footer's switch, moving by keyboard alone, typing dates, and axe-core on pages that were
loaded without JavaScript.

    words = Words("cy")
    choose_language(page, "cy")
    page.get_by_role("button", name=words("Continue")).click()
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone
from django.utils.translation import get_language_info, gettext, ngettext, override
from playwright.sync_api import Locator, Page, Route, expect

from casereview.areas.models import Area
from casereview.core.formatting import govuk_date
from tests.browser.conftest import assert_accessible

LANGUAGES = ["en", "cy"]


class Words:
    """The text a page shows for an English msgid, in one language.

    In Welsh every string the test looks for must really be translated: a missing translation
    would otherwise pass unnoticed, the page showing the English that the test also expects.
    """

    def __init__(self, language: str) -> None:
        self.language = language

    def __call__(self, msgid: str, **params: Any) -> str:
        with override(self.language):
            text = gettext(msgid)
            english = msgid
            if params:
                text, english = text % params, msgid % params
        self._check_translated(msgid, text, english)
        return text

    def plural(self, singular: str, plural: str, number: int, **params: Any) -> str:
        with override(self.language):
            text = ngettext(singular, plural, number) % params
        with override("en"):
            english = ngettext(singular, plural, number) % params
        self._check_translated(singular, text, english)
        return text

    def date(self, day: dt.date) -> str:
        """A date as the pages write it ("1 January 2026"; "1 Ionawr 2026")."""
        with override(self.language):
            return govuk_date(day)

    def native_name(self) -> str:
        """The language as the footer's switch names it: in itself ("Cymraeg")."""
        return str(get_language_info(self.language)["name_local"])

    def _check_translated(self, msgid: str, text: str, english: str) -> None:
        if self.language != "en" and text == english:
            pytest.fail(f"No {self.language} translation of {msgid!r} in the catalogue")


def choose_language(page: Page, language: str, *, by_keyboard: bool = False) -> Words:
    """Choose the page's language with the footer's switch, as a person would (clicking, or
    by keyboard), and return the words of that language. English is the default: nothing to
    press."""
    words = Words(language)
    if language != "en":
        switch = page.locator("footer form.app-language-switch")
        button = switch.get_by_role("button", name=words.native_name())
        if by_keyboard:
            press(page, button)
        else:
            button.click()
    expect(page.locator("html")).to_have_attribute("lang", language)
    return words


def days_ago(days: int) -> dt.date:
    return timezone.localdate() - dt.timedelta(days=days)


def fill_date(scope: Page | Locator, name: str, day: dt.date) -> None:
    """Type a date into the day, month and year boxes of the date field ``name``."""
    for part, value in (("day", day.day), ("month", day.month), ("year", day.year)):
        scope.locator(f"input[name='{name}-{part}']").fill(str(value))


# ---- By keyboard alone ---------------------------------------------------------------------


def has_focus(target: Locator) -> bool:
    return bool(target.evaluate("element => element === document.activeElement"))


def tab_to(page: Page, target: Locator, *, limit: int = 200) -> None:
    """Press Tab until ``target`` has focus, as a keyboard user would (by role or label, which
    a CSS selector cannot say; see ``tests/browser/test_directory_in_the_browser.tab_to``)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if has_focus(target):
            return
    pytest.fail(f"{target} could not be reached with the Tab key")


def type_date(page: Page, name: str, day: dt.date) -> None:
    """Tab to the day box of the date field ``name`` and type the date, moving on with Tab."""
    tab_to(page, page.locator(f"input[name='{name}-day']"))
    page.keyboard.type(str(day.day))
    page.keyboard.press("Tab")
    page.keyboard.type(str(day.month))
    page.keyboard.press("Tab")
    page.keyboard.type(str(day.year))


def press(page: Page, target: Locator, key: str = "Enter") -> None:
    """Tab to a button or link and press it with the keyboard."""
    tab_to(page, target)
    page.keyboard.press(key)


# ---- axe-core on a page loaded without JavaScript ------------------------------------------


def assert_accessible_as_served(page: Page) -> None:
    """axe-core on a page of a browser with JavaScript switched off.

    axe-core is itself JavaScript and its timers do not run in such a page, so the page's HTML,
    as the server sent it to that browser (forms, errors and all), is shown at the same address in
    a second browser that has JavaScript, and checked there.
    """
    browser = page.context.browser
    assert browser is not None
    html = page.content()
    url = page.url
    context = browser.new_context(locale="en-GB")
    try:
        copy = context.new_page()
        copy.set_default_timeout(10_000)

        def serve(route: Route) -> None:
            route.fulfill(status=200, content_type="text/html; charset=utf-8", body=html)

        copy.route(lambda address: address == url, serve)
        copy.goto(url)
        assert_accessible(copy)
    finally:
        context.close()


def check_page(page: Page) -> None:
    """axe-core on the page as it is now, whether or not the browser runs JavaScript."""
    if _javascript_runs(page):
        assert_accessible(page)
    else:
        assert_accessible_as_served(page)


def _javascript_runs(page: Page) -> bool:
    # GOV.UK Frontend's template marks <body> from an inline script, which only runs with
    # JavaScript on.
    return bool(page.evaluate("() => document.body.classList.contains('js-enabled')"))


# ---- Walking a question flow ---------------------------------------------------------------


class Walk:
    """One person going through question pages in one language, checking every page with
    axe-core as they reach it."""

    def __init__(self, page: Page, words: Words) -> None:
        self.page = page
        self.words = words

    def arrive(self, heading: str, **params: Any) -> None:
        """The page with this <h1> is shown, and it is accessible."""
        expect(self.page.locator("h1")).to_have_text(self.words(heading, **params))
        check_page(self.page)

    def choose(self, label: str, **params: Any) -> None:
        self.page.get_by_label(self.words(label, **params), exact=True).check()

    def fill(self, label: str, text: str) -> None:
        self.page.get_by_label(self.words(label), exact=True).fill(text)

    def press(self, button: str) -> None:
        self.page.get_by_role("button", name=self.words(button), exact=True).click()

    def go_on(self) -> None:
        self.press("Continue")

    def answer(
        self, heading: str, *, choose: str | None = None, fill: dict[str, str] | None = None
    ) -> None:
        """Arrive at a question page, answer it (a choice by its label, and text into boxes by
        their labels' English msgids) and continue."""
        self.arrive(heading)
        if choose is not None:
            self.choose(choose)
        for label, text in (fill or {}).items():
            self.fill(label, text)
        self.go_on()

    def error(self, message: str, **params: Any) -> Locator:
        """The page is shown again with ``message`` in its error summary; the summary."""
        summary = self.page.locator(".govuk-error-summary")
        expect(summary).to_contain_text(self.words(message, **params))
        assert self.page.title().startswith(self.words("Error:"))
        check_page(self.page)
        return summary


# ---- The online application ----------------------------------------------------------------

POLICE = "Hertfordshire Constabulary"
HOUSING = "Demo Housing Association"
VICTIM = "Sam Victim"
VICTIM_EMAIL = "sam@example.test"
BEHAVIOUR = "Loud music and shouting from the flat next door most nights."
IMPACT_ON_ME = "I cannot sleep and my children are frightened."


def open_area_page(page: Page, base_url: str, area: Area, language: str) -> Walk:
    """The area's page, in ``language`` chosen with the footer's switch."""
    page.goto(f"{base_url}/areas/{area.slug}/")
    walk = Walk(page, choose_language(page, language))
    walk.arrive("ASB Case Review in %(area)s", area=area.name)
    return walk


def start_application(walk: Walk, area: Area) -> None:
    walk.page.get_by_role("link", name=walk.words("Apply online"), exact=True).click()
    walk.arrive("Apply for an ASB Case Review in %(area)s", area=area.name)
    walk.press("Start now")
    walk.answer("Is your application about any of these?", choose="No, none of these")


def answer_about_myself(walk: Walk, *, name_forgotten_first: bool = False) -> None:
    """From "Who are you applying for?" to the victim's contact details, for the victim; with
    ``name_forgotten_first``, the name page is sent blank, refused, and corrected."""
    walk.answer("Who are you applying for?", choose="Myself, or my own business or community group")
    walk.answer(
        "Are you applying as a person, a business or a community group?", choose="As a person"
    )
    if name_forgotten_first:
        walk.arrive("What is your full name?")
        walk.go_on()
        summary = walk.error("Enter your full name")
        # The summary's link takes the person to the box to fill in.
        summary.get_by_role("link", name=walk.words("Enter your full name")).click()
        expect(walk.page.get_by_label(walk.words("What is your full name?"))).to_be_focused()
        walk.fill("What is your full name?", VICTIM)
        walk.go_on()
    else:
        walk.answer("What is your full name?", fill={"What is your full name?": VICTIM})
    walk.answer(
        "What is your address?",
        fill={"Address": "1 High Street\nHertford", "Postcode": "SG14 1AB"},
    )
    walk.answer(
        "How can we contact you?",
        fill={"E-mail address": VICTIM_EMAIL, "Phone number": "07700 900123"},
    )


def answer_about_the_behaviour(walk: Walk, *, for_self: bool = True) -> None:
    """From "What has been happening?" to who is responsible."""
    walk.answer("What has been happening?", fill={"What has been happening?": BEHAVIOUR})
    walk.answer(
        "Where and when",
        fill={"Where does it happen?": "Flat 3, next door", "When did it start?": "Last summer"},
    )
    impact = "How is it affecting you?" if for_self else "How is it affecting the victim?"
    walk.answer(impact, fill={impact: IMPACT_ON_ME})
    walk.answer(
        "Do you know who is responsible? (optional)",
        fill={"Do you know who is responsible? (optional)": "The tenant of flat 3"},
    )


def answer_the_reports(walk: Walk) -> None:
    """Two reports, the second on a row added with "Add another report"."""
    walk.arrive("Times the behaviour was reported")
    page = walk.page
    reports = [(POLICE, 30, 29, "HC-123"), (HOUSING, 12, 12, "")]
    for number, (body, happened, reported, reference) in enumerate(reports, start=1):
        if number > 1:
            walk.press("Add another report")
            expect(
                page.get_by_role("group", name=walk.words("Report %(number)s", number=number))
            ).to_be_visible()
            check_page(page)
        page.locator(f"select[name='complaint_{number}_agency']").select_option(label=body)
        fill_date(page, f"complaint_{number}_behaviour_on", days_ago(happened))
        fill_date(page, f"complaint_{number}_reported_on", days_ago(reported))
        page.locator(f"input[name='complaint_{number}_reference']").fill(reference)
    walk.go_on()


def answer_support_and_contact(walk: Walk, *, for_self: bool, contact: str) -> None:
    """From vulnerability and support to the language, which is the one the pages are in."""
    support = (
        "Do you need any support from us? (optional)"
        if for_self
        else "Does the victim need any support from us? (optional)"
    )
    walk.answer("Vulnerability and support", fill={support: "Large print letters"})
    walk.answer("Has anyone applied for a Case Review about this behaviour before?", choose="No")
    walk.answer(
        "How would you like us to contact you?"
        if for_self
        else "How would the victim like us to contact them?",
        choose=contact,
    )
    walk.arrive(
        "Which language should we use when we write to you?"
        if for_self
        else "Which language should we use when we write to you and the victim?"
    )
    # Already chosen: the language the person is reading in.
    language_name = "Cymraeg" if walk.words.language == "cy" else "English"
    expect(walk.page.get_by_label(language_name, exact=True)).to_be_checked()
    walk.go_on()


def send_application(walk: Walk, *, declaration: str) -> str:
    """Check your answers, confirm and send; the reference shown on the confirmation."""
    walk.arrive("Check your answers before sending your application")
    walk.page.get_by_label(walk.words(declaration), exact=True).check()
    walk.press("Accept and send")
    panel = walk.page.locator(".govuk-panel")
    expect(panel).to_contain_text(walk.words("Application sent"))
    check_page(walk.page)
    return panel.locator("strong").inner_text().strip()
