"""Publishing the statutory statistics in Chromium, end to end.

Cases are built through the service functions on frozen days either side of both ends of the
financial year 2025 to 2026: reviews held on its first and last days, decisions that the
threshold was not met, an application received on its last day but decided on the first day of
the next year, and applications received the day before it began and the day after it ended.
After the year has ended, the area administrator goes from the staff navigation's "Publishing"
to the hub and the area's releases, prepares a draft of that year, checks the counts on the
review page and publishes it. Then the public, with no sign-in, goes from the area page to its
statistics and the release: the four counts, the chart (one image, named by its <title> and
described by its <desc>) and the table of the same numbers all agree with the figures computed
from the case history, and stay as published when a later case arrives in the year; then the
national page. axe-core finds no WCAG 2.2 A/AA violations on any page, staff or public. The
public pages also work with JavaScript switched off, and in Welsh.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

import pytest
import time_machine
from django.utils import timezone
from playwright.sync_api import Browser, Locator, Page, expect
from pytest_django.live_server_helper import LiveServer

from casereview.accounts.models import User
from casereview.areas.models import Area
from casereview.cases.models import Case
from casereview.cases.services import case_decide_threshold
from casereview.publishing.figures import Statutory
from casereview.publishing.models import Release, ReleaseStatus
from casereview.publishing.periods import Period
from casereview.publishing.releases.services import prepare_draft, publish_release
from casereview.publishing.statistics.compute import compute_figures
from casereview.reviews.services import review_record_meeting
from tests.browser.conftest import assert_accessible
from tests.browser.public_journeys import check_page, choose_language
from tests.browser.test_case_from_phone_to_ct4 import _sign_in
from tests.cases.helpers import gathering, receive
from tests.publishing.open_data.helpers import publish
from tests.publishing.statistics.helpers import on, someone
from tests.reviews.helpers import LONDON, held, record, scheduled

pytestmark = pytest.mark.django_db(transaction=True)

YEAR = Period.financial_year(2025)
# A Friday after the year ended (the early May bank holiday is the Monday after).
TODAY = dt.date(2026, 5, 1)
# What the cases below add up to in the year 2025 to 2026.
EXPECTED = Statutory(
    applications=6,
    threshold_not_met=2,
    reviews_carried_out=3,
    reviews_with_recommendations=2,
)
# Another area's published figures for the year, which the national page adds in.
OTHER = Statutory(
    applications=10,
    threshold_not_met=3,
    reviews_carried_out=4,
    reviews_with_recommendations=1,
)
NATIONAL = Statutory(
    applications=16,
    threshold_not_met=5,
    reviews_carried_out=7,
    reviews_with_recommendations=3,
)
# The labels of the four counts, in the order of their definitions.
LABELS = {
    "applications": "Applications",
    "threshold_not_met": "Threshold not met",
    "reviews_carried_out": "Case reviews carried out",
    "reviews_with_recommendations": "Reviews resulting in recommendations",
}
PERIOD_LABEL = "Financial year 2025 to 2026"
AREA_PAGE = "/areas/east-hertfordshire/"


@pytest.fixture
def friday_after_the_year_end(settings: Any) -> Iterator[None]:
    """The server's clock at 10:00 on ``TODAY``, still ticking (see the CT4 browser test for
    why the cookies last until the browser closes)."""
    settings.SESSION_EXPIRE_AT_BROWSER_CLOSE = True
    settings.CSRF_COOKIE_AGE = None
    with time_machine.travel(dt.datetime(2026, 5, 1, 10, tzinfo=LONDON), tick=True):
        yield


def _not_met(case: Case, by: User, day: dt.date) -> Case:
    return case_decide_threshold(
        case, by=by, on=day, route="threshold", met=False, reasons="No complaint confirmed."
    )


def _held_without_recommendations(area: Area, by: User) -> Case:
    case = scheduled(area, by, victim=someone())
    plain = dataclasses.replace(record(case, timezone.localdate()), recommendations=[])
    return review_record_meeting(case, by=by, record=plain)


@pytest.fixture
def year_of_cases(friday_after_the_year_end: None, area: Area, coordinator: User) -> None:
    """The case history of the year 2025 to 2026 and the days around it (``EXPECTED``)."""
    # Outside the year: received the day before it began and the day after it ended.
    with on(dt.date(2025, 3, 31)):
        receive(area, coordinator, victim=someone())
    with on(dt.date(2026, 4, 1)):
        receive(area, coordinator, victim=someone())
    # Reviews with recommendations held on the first and the last day of the year.
    with on(YEAR.start):
        held(area, coordinator, victim=someone())
    with on(YEAR.end):
        held(area, coordinator, victim=someone())
    # A review with no recommendation.
    with on(dt.date(2025, 10, 6)):
        _held_without_recommendations(area, coordinator)
    # Threshold not met: decided on the day received, and three days after.
    with on(dt.date(2025, 7, 7)) as day:
        _not_met(gathering(area, coordinator, victim=someone()), coordinator, day)
    with on(dt.date(2026, 3, 27)):
        case = gathering(area, coordinator, victim=someone())
    with on(dt.date(2026, 3, 30)) as day:
        _not_met(case, coordinator, day)
    # Received on the last day of the year (counted), not met on the first day of the next
    # (not counted in this year).
    with on(YEAR.end):
        case = gathering(area, coordinator, victim=someone())
    with on(dt.date(2026, 4, 1)) as day:
        _not_met(case, coordinator, day)


def test_an_administrator_publishes_the_year_and_the_public_sees_it(
    year_of_cases: None,
    live_server: LiveServer,
    browser: Browser,
    page: Page,
    area: Area,
    other_area: Area,
    coordinator: User,
    area_admin: User,
) -> None:
    publish(other_area, YEAR, OTHER)
    # The figures the case history gives are the ones this test built.
    assert compute_figures(area, YEAR).statutory == EXPECTED
    _sign_in(page, live_server, area_admin)

    # Staff navigation -> the hub -> the area's releases.
    page.goto(f"{live_server.url}/staff/")
    page.get_by_role("navigation").get_by_role("link", name="Publishing", exact=True).click()
    expect(page.locator("h1")).to_have_text("Publishing")
    expect(page.locator("main h2").first).to_have_text(area.name)
    assert_accessible(page)
    page.get_by_role("link", name="See releases").click()
    expect(page.locator("h1")).to_have_text("Published statistics")
    expect(page.locator("main")).to_contain_text(
        "No statistics have been prepared for this area yet."
    )
    assert_accessible(page)

    # The draft of the year that has ended.
    _choose_period(page)
    page.get_by_role("button", name="Prepare the draft").click()
    expect(page.locator("h1")).to_have_text(f"Draft: {PERIOD_LABEL}")
    expect(page.locator(".govuk-notification-banner").first).to_contain_text(
        f"The draft for {PERIOD_LABEL} is ready to review."
    )
    _expect_counts(_table(page, f"Statutory figures: {PERIOD_LABEL}"), EXPECTED)
    assert_accessible(page)

    # Published as revision 1: frozen from now on.
    page.get_by_role("button", name="Publish revision 1").click()
    expect(page.locator("h1")).to_have_text(f"Published: {PERIOD_LABEL}")
    expect(page.locator(".govuk-notification-banner").first).to_contain_text(
        f"Revision 1 of {PERIOD_LABEL} is published."
    )
    _expect_counts(_table(page, f"Statutory figures: {PERIOD_LABEL}"), EXPECTED)
    assert_accessible(page)
    release = Release.objects.get(area=area, period_slug=YEAR.slug)
    assert release.status == ReleaseStatus.PUBLISHED
    assert release.published_by == area_admin
    assert release.document["statutory"] == dataclasses.asdict(EXPECTED)

    # A letter received in March and entered only today changes the year's figures, not the
    # published release.
    receive(area, coordinator, victim=someone(), received_on=dt.date(2026, 3, 2), channel="letter")
    assert compute_figures(area, YEAR).statutory.applications == EXPECTED.applications + 1

    # The public: another browser context, not signed in.
    public = browser.new_context(locale="en-GB")
    try:
        visitor = public.new_page()
        visitor.set_default_timeout(10_000)
        _walk_the_public_pages(visitor, live_server, area)
    finally:
        public.close()


def _walk_the_public_pages(page: Page, live_server: LiveServer, area: Area) -> None:
    """From the area page to its statistics, the release and the national page, checking every
    page with axe-core (without JavaScript, on the copy of the page the server sent)."""
    page.goto(f"{live_server.url}{AREA_PAGE}")
    expect(page.locator("h1")).to_have_text(f"ASB Case Review in {area.name}")
    latest = page.locator("main .govuk-summary-list", has_text="Threshold not met")
    for key, label in LABELS.items():
        row = latest.locator(".govuk-summary-list__row", has=page.get_by_text(label, exact=True))
        expect(row.locator("dd")).to_have_text(str(getattr(EXPECTED, key)))
    check_page(page)

    page.get_by_role(
        "link",
        name=f"See all the statistics {area.official_name} has published, with what each "
        "figure means",
    ).click()
    expect(page.locator("h1")).to_have_text("ASB Case Review statistics")
    expect(page.locator("main h2").first).to_have_text(PERIOD_LABEL)
    _expect_counts(_table(page, f"Statutory figures: {PERIOD_LABEL}"), EXPECTED)
    _expect_chart(page.locator("main svg"), EXPECTED)
    check_page(page)

    page.get_by_role("link", name="See this release and its revisions").click()
    expect(page.locator("h1")).to_have_text(PERIOD_LABEL)
    _expect_counts(_table(page, f"Statutory figures: {PERIOD_LABEL}"), EXPECTED)
    _expect_chart(page.locator("main svg"), EXPECTED)
    for label in LABELS.values():
        definition = page.locator(
            ".govuk-summary-list__row", has=page.get_by_text(label, exact=True)
        )
        expect(definition.locator("dd")).not_to_be_empty()
    expect(page.locator("main")).to_contain_text(
        "Revision 1, published on 1 May 2026 (shown on this page)"
    )
    check_page(page)

    # Back to the area's statistics by the breadcrumbs, and on to England and Wales.
    page.get_by_role("navigation", name="Breadcrumb").get_by_role("link", name="Statistics").click()
    page.get_by_role("link", name="Statistics for England and Wales").click()
    expect(page.locator("h1")).to_have_text(PERIOD_LABEL)
    _expect_national(page, area)
    check_page(page)

    # The same period at its own address; from there, the area's release.
    page.goto(f"{live_server.url}/statistics/{YEAR.slug}/")
    expect(page.locator("h1")).to_have_text(PERIOD_LABEL)
    _expect_national(page, area)
    check_page(page)
    _area_row(page, area.name).get_by_role("link", name=area.name).click()
    expect(page.locator("h1")).to_have_text(PERIOD_LABEL)
    _expect_counts(_table(page, f"Statutory figures: {PERIOD_LABEL}"), EXPECTED)


def test_the_public_pages_work_without_javascript(
    year_of_cases: None,
    live_server: LiveServer,
    page_without_javascript: Page,
    area: Area,
    other_area: Area,
    area_admin: User,
) -> None:
    page = page_without_javascript
    _publish_the_year(area, area_admin)
    publish(other_area, YEAR, OTHER)

    _walk_the_public_pages(page, live_server, area)

    # GOV.UK Frontend's inline script never ran: this really was a page without JavaScript.
    expect(page.locator("body")).not_to_have_class(re.compile(r"\bjs-enabled\b"))


def test_the_public_pages_in_welsh(
    year_of_cases: None,
    live_server: LiveServer,
    page: Page,
    area: Area,
    area_admin: User,
) -> None:
    _publish_the_year(area, area_admin)

    page.goto(f"{live_server.url}{AREA_PAGE}statistics/")
    words = choose_language(page, "cy")
    period = words("Financial year %(first)s to %(second)s", first=2025, second=2026)
    expect(page.locator("h1")).to_have_text(words("ASB Case Review statistics"))
    expect(page.locator("main h2").first).to_have_text(period)
    expect(page.get_by_role("heading", name=words("How each figure is counted"))).to_be_visible()
    expect(_table(page, words("Statutory figures: %(period)s", period=period))).to_be_visible()
    chart = page.locator("main svg")
    expect(chart).to_have_accessible_name(re.compile(rf"^{re.escape(period)}\b"))
    expect(chart.locator("desc")).to_contain_text(words("Threshold not met"))
    assert_accessible(page)

    page.get_by_role("link", name=words("See this release and its revisions")).click()
    expect(page.locator("html")).to_have_attribute("lang", "cy")
    expect(page.locator("h1")).to_have_text(period)
    expect(page.get_by_role("heading", name=words("Revisions"))).to_be_visible()
    assert_accessible(page)

    page.goto(f"{live_server.url}/statistics/{YEAR.slug}/")
    expect(page.locator("html")).to_have_attribute("lang", "cy")
    expect(page.locator("h1")).to_have_text(period)
    expect(page.get_by_role("heading", name=words("Each area"))).to_be_visible()
    assert_accessible(page)


# --- Helpers --------------------------------------------------------------------------------


def _publish_the_year(area: Area, by: User) -> None:
    """The year published through the services the staff pages call (the first test goes
    through the pages themselves)."""
    publish_release(prepare_draft(area, YEAR, by=by), by=by, note="")


def _choose_period(page: Page) -> None:
    """The financial year that has ended last is offered already; chosen as a person would."""
    kind = page.get_by_role("group", name="Period", exact=True).get_by_label(
        "Financial year", exact=True
    )
    year = page.get_by_label("Year it starts in")
    quarter = page.get_by_label("Quarter (for a quarter only)")
    expect(kind).to_be_checked()
    expect(year).to_have_value(str(YEAR.year))
    expect(quarter).to_have_value("")
    kind.check()
    year.fill(str(YEAR.year))
    quarter.select_option("")


def _table(page: Page, caption: str) -> Locator:
    return page.locator("main table", has=page.locator("caption", has_text=caption)).first


def _numbers(counts: Statutory) -> list[str]:
    return [f"{getattr(counts, key):,}" for key in LABELS]


def _labelled(counts: Statutory) -> list[tuple[str, str]]:
    return list(zip(LABELS.values(), _numbers(counts), strict=True))


def _expect_counts(table: Locator, counts: Statutory) -> None:
    """The table's rows are the four statutory counts, with these numbers (beside any other
    column, such as how each is counted)."""
    expect(table.locator("tbody th")).to_have_text(list(LABELS.values()))
    expect(table.locator("tbody td.govuk-table__cell--numeric")).to_have_text(_numbers(counts))


def _expect_chart(chart: Locator, counts: Statutory) -> None:
    """One image to assistive technology, named by its title and described by its desc (which
    says every number), each bar labelled with its name and its value."""
    expect(chart).to_have_count(1)
    expect(chart).to_have_attribute("role", "img")
    expect(chart.locator("title")).to_have_text(PERIOD_LABEL)
    expect(chart.locator("desc")).to_have_text(
        " ".join(f"{label}: {number}." for label, number in _labelled(counts))
    )
    # Named by its title first; its desc is read too (as the rest of the name or as the
    # description), so a screen reader user hears every number.
    expect(chart).to_have_accessible_name(re.compile(rf"^{re.escape(PERIOD_LABEL)}\b"))
    title_id = chart.locator("title").get_attribute("id")
    desc_id = chart.locator("desc").get_attribute("id")
    referenced = " ".join(
        chart.get_attribute(attribute) or ""
        for attribute in ("aria-labelledby", "aria-describedby")
    ).split()
    assert title_id in referenced, referenced
    assert desc_id in referenced, referenced
    bar_texts: list[str] = []
    for label, number in _labelled(counts):
        bar_texts += [label, number]
    expect(chart.locator("text")).to_have_text(bar_texts)
    expect(chart.locator("rect")).to_have_count(len(LABELS))


def _area_row(page: Page, name: str) -> Locator:
    table = _table(page, "The figures of each area that has published")
    return table.locator("tbody tr", has=page.get_by_role("link", name=name, exact=True))


def _expect_national(page: Page, area: Area) -> None:
    """The national counts are the sum of the two areas', each area's own row beside them."""
    _expect_counts(
        _table(page, f"Statutory figures for England and Wales: {PERIOD_LABEL}"), NATIONAL
    )
    _expect_chart(page.locator("main svg"), NATIONAL)
    expect(_area_row(page, area.name).locator("td")).to_have_text(_numbers(EXPECTED))
    expect(_area_row(page, "Otherborough").locator("td")).to_have_text(_numbers(OTHER))
