"""A hundred people sending their online applications at the same moment, to a real server with
several worker processes, each get their case stored exactly once: no application lost, none
stored twice, no error page; and a double click on Send stores one case."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest

from casereview.areas.models import Area
from casereview.cases.models import Case
from casereview.public.models import ApplicationDraft
from tests.public.apply.helpers import Page, check_url, done_url, for_myself, page_url, start_url
from tests.reliability.concurrency.helpers import (
    Browser,
    Server,
    gunicorn,
    shared_database,
    together,
)

PEOPLE = 100


def application_of(area: Area, n: int) -> list[Page]:
    """Person ``n``'s application: a victim of their own (no two alike, so none is taken for a
    repeat of another's)."""
    return for_myself(
        area,
        **{
            "victim-name": {"victim_name": f"Sam Victim {n:03d}"},
            "victim-contact-details": {
                "victim_email": f"victim{n:03d}@example.test",
                "victim_phone": f"07700 900{n:03d}",
            },
        },
    )


def fill_in(browser: Browser, area: Area, pages: list[Page]) -> None:
    """Start an application and answer every page, as the person would."""
    browser.get(start_url(area))
    started = browser.post(start_url(area), {})
    assert started.status_code == 302, started.text[:2000]
    for slug, data in pages:
        answered = browser.post(page_url(area, slug), data)
        assert answered.status_code == 302, (slug, answered.status_code, answered.text[:2000])


def send(browser: Browser, area: Area) -> int:
    """Press Send on check your answers; the response's status (a redirect to the
    confirmation when the application is stored)."""
    response = browser.post(check_url(area), {"declaration": "true", "website": ""})
    if response.status_code == 302:
        assert response.headers["Location"] == done_url(area)
    return response.status_code


def reference_shown(browser: Browser, area: Area) -> str:
    page = browser.get(done_url(area))
    assert page.status_code == 200
    return page.text


@pytest.mark.django_db(transaction=True)
def test_a_hundred_applications_sent_at_once_are_each_stored_exactly_once(
    area: Area, tmp_path: Path
) -> None:
    applications = [application_of(area, n) for n in range(PEOPLE)]
    with shared_database(tmp_path) as shared, gunicorn(shared, tmp_path) as server:
        browsers = [Browser(server, f"192.0.2.{n}") for n in range(PEOPLE)]

        prepared = together(
            [partial(fill_in, browsers[n], area, applications[n]) for n in range(PEOPLE)], shared
        )
        assert [r for r in prepared if r is not None] == []
        # Everyone presses Send at the same moment.
        sent = together([partial(send, browser, area) for browser in browsers], shared)
        assert sent == [302] * PEOPLE, _server_errors(server)[:20]
        confirmations = [reference_shown(browser, area) for browser in browsers]
        with shared.use():
            stored = list(Case.objects.filter(area=area).values_list("reference", "victim_name"))
            drafts_sent = ApplicationDraft.objects.filter(case__isnull=False).count()
        errors = _server_errors(server)

    assert len(stored) == PEOPLE
    assert len({reference for reference, _ in stored}) == PEOPLE
    assert sorted(name for _, name in stored) == [f"Sam Victim {n:03d}" for n in range(PEOPLE)]
    assert drafts_sent == PEOPLE
    # Each person is shown their own case's reference.
    by_name = {name: reference for reference, name in stored}
    for n, page in enumerate(confirmations):
        assert by_name[f"Sam Victim {n:03d}"] in page
    assert errors == []


@pytest.mark.django_db(transaction=True)
def test_a_double_click_on_send_stores_one_case(area: Area, tmp_path: Path) -> None:
    with shared_database(tmp_path) as shared, gunicorn(shared, tmp_path) as server:
        first_tab = Browser(server, "192.0.2.1")
        fill_in(first_tab, area, application_of(area, 1))
        clicks = [first_tab, first_tab.copy("192.0.2.1")]

        sent = together([partial(send, tab, area) for tab in clicks], shared)
        with shared.use():
            stored = Case.objects.filter(area=area).count()
        errors = _server_errors(server)

    assert sent == [302, 302]
    assert stored == 1
    assert errors == []


def _server_errors(server: Server) -> list[str]:
    """Lines of the server's log that report an error (a 500 or a traceback). Retries of a
    locked SQLite database are warnings, not errors: nobody saw them."""
    return [
        line
        for line in server.log_text().splitlines()
        if "Traceback" in line or "Internal Server Error" in line
    ]
