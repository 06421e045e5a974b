"""The public pages kept per process (casereview.public.page_cache): a kept page is the page the
view would have rendered, for the same area and language only, with this response's own CSP
nonce and a working CSRF token, and a new policy shows at once in this process and within the
time to live everywhere."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from casereview.areas.models import Area, AreaPolicy
from casereview.public import page_cache
from casereview.rules import REFERENCE_PROCEDURE, policy_to_dict
from tests.factories import make_area, make_policy

pytestmark = pytest.mark.django_db

NONCE = re.compile(r'nonce="([^"]+)"')
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class Clock:
    """A clock the test moves by hand, for the time to live."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture(autouse=True)
def fresh_cache() -> Iterator[Clock]:
    clock = Clock()
    kept = page_cache.PAGES
    page_cache.PAGES = page_cache.PageCache(clock)
    yield clock
    page_cache.PAGES = kept


def start_url(area: Area) -> str:
    return f"/areas/{area.slug}/apply/"


def without_tokens(html: str) -> str:
    return TOKEN.sub("T", NONCE.sub("N", html))


def policy_with_decision_days(days: int) -> dict[str, object]:
    timescales = dataclasses.replace(REFERENCE_PROCEDURE.timescales, decision_working_days=days)
    return policy_to_dict(dataclasses.replace(REFERENCE_PROCEDURE, timescales=timescales))


def test_a_kept_start_page_is_the_page_the_view_renders_and_needs_no_query(area: Area) -> None:
    first = Client().get(start_url(area))
    assert len(page_cache.PAGES) == 1

    with CaptureQueriesContext(connection) as queries:
        second = Client().get(start_url(area))

    assert len(queries) == 0
    assert second.status_code == 200
    assert without_tokens(second.content.decode()) == without_tokens(first.content.decode())
    assert area.official_name in second.content.decode()


def test_each_kept_page_carries_the_nonce_of_its_own_response_header(area: Area) -> None:
    nonces = []
    for _ in range(3):
        response = Client().get(start_url(area))
        page_nonces = set(NONCE.findall(response.content.decode()))
        assert len(page_nonces) == 1
        nonce = page_nonces.pop()
        assert f"'nonce-{nonce}'" in response.headers["Content-Security-Policy"]
        nonces.append(nonce)

    assert len(set(nonces)) == 3  # fresh per response, kept page or not


def test_the_start_now_form_of_a_kept_page_works(area: Area) -> None:
    Client().get(start_url(area))  # kept
    visitor = Client(enforce_csrf_checks=True)
    page = visitor.get(start_url(area)).content.decode()
    assert "\x00" not in page

    tokens = TOKEN.findall(page)
    assert len(tokens) == 2  # "Start now" and the language switch
    response = visitor.post(start_url(area), {"csrfmiddlewaretoken": tokens[0]})

    assert response.status_code == 302
    assert "/questions/" in response["Location"]


def test_one_areas_kept_page_is_never_served_for_another(area: Area) -> None:
    other = make_area("Otherborough")
    make_policy(other)

    for _ in range(2):
        own = Client().get(start_url(area)).content.decode()
        theirs = Client().get(start_url(other)).content.decode()
        assert area.official_name in own
        assert other.official_name not in own
        assert other.official_name in theirs
        assert area.official_name not in theirs


def test_english_and_welsh_are_kept_apart(area: Area) -> None:
    for _ in range(2):
        english = Client().get(start_url(area)).content.decode()
        welsh = Client(HTTP_ACCEPT_LANGUAGE="cy").get(start_url(area)).content.decode()
        assert '<html lang="en"' in english
        assert '<html lang="cy"' in welsh
        assert without_tokens(english) != without_tokens(welsh)


def test_a_new_policy_shows_at_once_in_the_process_that_saved_it(area: Area) -> None:
    assert "within 14 working days" in Client().get(start_url(area)).content.decode()

    AreaPolicy.objects.create(
        area=area,
        version=2,
        rules=policy_with_decision_days(10),
        effective_from=area.policies.get().effective_from,
    )

    assert "within 10 working days" in Client().get(start_url(area)).content.decode()


def test_a_change_made_elsewhere_shows_once_the_time_to_live_has_passed(
    area: Area, fresh_cache: Clock
) -> None:
    Client().get(start_url(area))
    # As another process would change it: no signal reaches this one.
    AreaPolicy.objects.filter(area=area).update(rules=policy_with_decision_days(10))

    fresh_cache.now += page_cache.DEFAULT_SECONDS - 1
    assert "within 14 working days" in Client().get(start_url(area)).content.decode()
    fresh_cache.now += 1
    assert "within 10 working days" in Client().get(start_url(area)).content.decode()


def test_a_visitor_with_a_session_gets_their_own_page_and_it_is_not_kept(area: Area) -> None:
    visitor = Client()
    visitor.post(start_url(area))  # starts a draft: the session now holds it
    page_cache.PAGES.clear()

    page = visitor.get(start_url(area)).content.decode()

    assert "Continue the application you started" in page
    assert len(page_cache.PAGES) == 0
    assert "Continue the application" not in Client().get(start_url(area)).content.decode()


def test_a_query_string_or_an_unknown_area_is_never_kept(area: Area) -> None:
    assert Client().get(start_url(area) + "?from=leaflet").status_code == 200
    assert Client().get("/areas/no-such-area/apply/").status_code == 404
    assert Client().get("/areas/no-such-area/apply/").status_code == 404

    assert len(page_cache.PAGES) == 0


def test_no_page_is_kept_when_the_time_to_live_is_zero(area: Area, settings) -> None:
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0

    Client().get(start_url(area))

    assert len(page_cache.PAGES) == 0


def test_the_check_start_and_procedure_pages_are_kept_per_area(area: Area) -> None:
    for path in (f"/areas/{area.slug}/check/", f"/areas/{area.slug}/procedure/"):
        first = Client().get(path)
        second = Client().get(path)
        assert first.status_code == second.status_code == 200
        assert without_tokens(first.content.decode()) == without_tokens(second.content.decode())

    assert len(page_cache.PAGES) == 2
