"""Checking eligibility in Chromium, in English and in Welsh: from the area's page, through the
complaints (growing the page with "Add another complaint") and the date, to the result with the
reason for each complaint. One walk is made by keyboard alone; axe-core finds no WCAG 2.2 A/AA
violations on any page on the way, error pages included."""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from casereview.areas.models import Area
from tests.browser.conftest import assert_accessible
from tests.browser.public_journeys import (
    LANGUAGES,
    Words,
    choose_language,
    days_ago,
    fill_date,
    press,
    tab_to,
    type_date,
)

pytestmark = pytest.mark.django_db(transaction=True)

POLICE = "Hertfordshire Constabulary"
HOUSING = "Demo Housing Association"


def _open_the_check(
    page: Page, live_server: LiveServer, area: Area, language: str, *, by_keyboard: bool = False
) -> Words:
    page.goto(f"{live_server.url}/areas/{area.slug}/")
    words = choose_language(page, language, by_keyboard=by_keyboard)
    expect(page.locator("h1")).to_have_text(words("ASB Case Review in %(area)s", area=area.name))
    assert_accessible(page)
    return words


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_keyboard_user_checks_three_complaints_and_learns_the_threshold_is_met(
    live_server: LiveServer, page: Page, area: Area, language: str
) -> None:
    words = _open_the_check(page, live_server, area, language, by_keyboard=True)
    press(page, page.get_by_role("button", name=words("Check if you can ask for a review")))

    expect(page.locator("h1")).to_have_text(
        words("Check if you can ask for an ASB Case Review in %(area)s", area=area.name)
    )
    assert_accessible(page)
    press(page, page.get_by_role("button", name=words("Start now")))

    # The first complaint, with the report dated before the behaviour by mistake.
    expect(page.locator("h1")).to_have_text(words("The complaints you have made"))
    assert_accessible(page)
    type_date(page, "complaint_1_happened", days_ago(50))
    type_date(page, "complaint_1_reported", days_ago(51))
    _choose_by_typing(page, "complaint_1_body", POLICE)
    press(page, page.get_by_role("button", name=words("Continue")))

    summary = page.locator(".govuk-error-summary")
    mistake = words(
        "The date you reported complaint %(number)s must be the same as or after the date it "
        "happened",
        number=1,
    )
    expect(summary).to_contain_text(mistake)
    assert page.title().startswith(words("Error:"))
    assert_accessible(page)
    # The error summary takes the keyboard to the date to correct; what was typed is kept.
    press(page, summary.get_by_role("link", name=mistake))
    expect(page.locator("input[name='complaint_1_reported-day']")).to_be_focused()
    expect(page.locator("input[name='complaint_1_happened-day']")).to_have_value(
        str(days_ago(50).day)
    )
    corrected = days_ago(49)
    for number, value in enumerate((corrected.day, corrected.month, corrected.year)):
        if number:
            page.keyboard.press("Tab")
        page.keyboard.press("Control+A")
        page.keyboard.type(str(value))

    # Two more complaints, each on a row of its own.
    for number, (happened, reported, body) in enumerate(
        [(30, 30, HOUSING), (10, 9, POLICE)], start=2
    ):
        press(page, page.get_by_role("button", name=words("Add another complaint")))
        expect(
            page.get_by_role("group", name=words("Complaint %(number)s", number=number))
        ).to_be_visible()
        assert_accessible(page)
        type_date(page, f"complaint_{number}_happened", days_ago(happened))
        type_date(page, f"complaint_{number}_reported", days_ago(reported))
        _choose_by_typing(page, f"complaint_{number}_body", body)
    # Enter in a box sends the page with "Continue", not "Remove".
    tab_to(page, page.locator("input[name='complaint_3_reported-year']"))
    page.keyboard.press("Enter")

    # The date of the application: today, already filled in.
    expect(page.locator("h1")).to_have_text(words("When do you plan to apply?"))
    assert_accessible(page)
    press(page, page.get_by_role("button", name=words("Continue")))

    expect(page.locator("h1")).to_have_text(
        words("Your complaints are likely to meet the threshold in %(area)s", area=area.name)
    )
    main = page.locator("main")
    expect(main).to_contain_text(
        words.plural(
            "You have %(count)s qualifying complaint.",
            "You have %(count)s qualifying complaints.",
            3,
            count=3,
        )
    )
    for number in (1, 2, 3):
        expect(
            page.get_by_role("heading", name=words("Complaint %(number)s: counts", number=number))
        ).to_be_visible()
    expect(page.locator("main dd").filter(has_text=HOUSING)).to_have_count(1)
    assert_accessible(page)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_person_learns_why_their_complaints_do_not_meet_the_threshold(
    live_server: LiveServer, page: Page, area: Area, language: str
) -> None:
    words = _open_the_check(page, live_server, area, language)
    page.get_by_role("button", name=words("Check if you can ask for a review")).click()
    assert_accessible(page)
    page.get_by_role("button", name=words("Start now")).click()

    # One complaint that counts, one reported too late, one made to someone who is not a
    # relevant body.
    complaints = [(20, 20, POLICE), (80, 40, POLICE), (12, 12, words("Someone else"))]
    for number, (happened, reported, body) in enumerate(complaints, start=1):
        if number > 1:
            page.get_by_role("button", name=words("Add another complaint")).click()
        fill_date(page, f"complaint_{number}_happened", days_ago(happened))
        fill_date(page, f"complaint_{number}_reported", days_ago(reported))
        page.locator(f"select[name='complaint_{number}_body']").select_option(label=body)
    expect(page.locator("h1")).to_have_text(words("The complaints you have made"))
    assert_accessible(page)
    page.get_by_role("button", name=words("Continue")).click()

    expect(page.locator("h1")).to_have_text(words("When do you plan to apply?"))
    page.get_by_role("button", name=words("Continue")).click()

    expect(page.locator("h1")).to_have_text(
        words("Your complaints do not meet the threshold in %(area)s", area=area.name)
    )
    expect(
        page.get_by_role("heading", name=words("Complaint %(number)s: counts", number=1))
    ).to_be_visible()
    for number in (2, 3):
        expect(
            page.get_by_role(
                "heading", name=words("Complaint %(number)s: does not count", number=number)
            )
        ).to_be_visible()
    main = page.locator("main")
    expect(main.locator("dl").nth(1)).to_contain_text(
        words(
            "It was reported more than %(window)s after it happened. To count, it needed to be "
            "reported by %(date)s.",
            window=words.plural("%(n)s day", "%(n)s days", 30, n=30),
            date=words.date(days_ago(80) + dt.timedelta(days=30)),
        )
    )
    expect(main.locator("dl").nth(2)).to_contain_text(
        words(
            "It was made to someone who is not one of the relevant bodies for %(area)s. Only "
            "complaints to a relevant body count.",
            area=area.name,
        )
    )
    # They may apply anyway.
    expect(page.get_by_role("heading", name=words("You can apply anyway"))).to_be_visible()
    expect(page.get_by_role("button", name=words("Apply for a Case Review"))).to_be_visible()
    assert_accessible(page)


def _choose_by_typing(page: Page, name: str, option: str) -> None:
    """Tab to a drop-down list and choose by typing the option's name, as a keyboard user does
    (the list jumps to the option whose start matches what is typed)."""
    select = page.locator(f"select[name='{name}']")
    tab_to(page, select)
    page.keyboard.type(option)
    expect(select.locator("option:checked")).to_have_text(option)
