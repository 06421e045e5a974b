"""Whatever the session holds under the check's key (an old format, junk, dates the questions
would never accept), the pages answer with a page or a redirect to the questions, never a 500."""

import pytest
from django.test import Client

from casereview.public.check.answers import SESSION_KEY
from tests.public.check.helpers import POLICE, body, check_url

pytestmark = pytest.mark.django_db

PAGES = ("check", "check_complaints", "check_application_date", "check_result")


def good(area) -> dict:
    return {
        "slug": area.slug,
        "complaints": [
            {"happened": "2026-03-01", "reported": "2026-03-02", "body": body(area, POLICE)}
        ],
        "apply_on": "2026-03-16",
    }


def junk_values(area):
    complaint = good(area)["complaints"][0]
    yield "a string"
    yield ["a", "list"]
    yield 42
    yield None
    yield {"slug": area.slug}
    yield {**good(area), "slug": ["east-hertfordshire"]}
    yield {**good(area), "complaints": "many"}
    yield {**good(area), "complaints": []}
    yield {**good(area), "complaints": [complaint] * 31}
    yield {**good(area), "complaints": [None]}
    yield {**good(area), "complaints": [{**complaint, "happened": "2026-02-30"}]}
    yield {**good(area), "complaints": [{**complaint, "happened": 20260301}]}
    yield {**good(area), "complaints": [{**complaint, "reported": "2026-02-01"}]}
    yield {**good(area), "complaints": [{**complaint, "reported": "9999-12-31"}]}
    yield {
        **good(area),
        "complaints": [{**complaint, "happened": "9999-12-31", "reported": "9999-12-31"}],
    }
    yield {**good(area), "complaints": [{**complaint, "body": "999999"}]}
    yield {**good(area), "complaints": [{**complaint, "body": None}]}
    yield {**good(area), "complaints": [{**complaint, "diary_sheet": "yes"}]}
    yield {**good(area), "apply_on": "tomorrow"}
    yield {**good(area), "apply_on": "0001-01-01"}
    yield {**good(area), "apply_on": "9999-12-31"}
    yield {**good(area), "apply_on": ["2026-03-16"]}


@pytest.mark.parametrize("page", PAGES)
def test_junk_in_the_session_never_fails(page, area, in_march):
    for junk in junk_values(area):
        client = Client()
        session = client.session
        session[SESSION_KEY] = junk
        session.save()
        response = client.get(check_url(page, area))
        assert response.status_code in (200, 302), (junk, response.status_code)


def test_junk_answers_send_the_person_back_to_the_questions(client, area, in_march):
    session = client.session
    session[SESSION_KEY] = {**good(area), "complaints": [{"happened": "yesterday"}]}
    session.save()
    response = client.get(check_url("check_result", area))
    assert response["Location"] == check_url("check_complaints", area)


def test_a_date_chosen_earlier_that_has_passed_is_read_as_today(client, area, in_march):
    session = client.session
    session[SESSION_KEY] = {**good(area), "apply_on": "2026-03-10"}
    session.save()
    text = client.get(check_url("check_result", area)).content.decode()
    assert "if you apply on 16 March 2026" in text
