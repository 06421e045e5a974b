"""Pages reached out of order, or after the session has ended, send the person to the question
still to answer; an unknown area is a friendly 'Page not found'."""

import datetime as dt

import pytest

from tests.factories import make_area
from tests.public.check.helpers import Said, check_url, complaints_post

pytestmark = pytest.mark.django_db


def test_the_start_page_says_answers_stay_in_this_browser_session(client, area):
    text = client.get(check_url("check", area)).content.decode()
    assert "kept only for this visit, in this browser" in text
    assert "not sent to the council or to anyone else" in text
    assert f'href="{check_url("check_complaints", area)}"' in text


def test_the_date_and_result_pages_need_the_complaints_first(client, area):
    for name in ("check_application_date", "check_result"):
        response = client.get(check_url(name, area))
        assert response.status_code == 302
        assert response["Location"] == check_url("check_complaints", area)


def test_the_result_needs_the_date_first(client, area, in_march):
    client.post(
        check_url("check_complaints", area),
        complaints_post(area, [Said(dt.date(2026, 3, 1), dt.date(2026, 3, 2))]),
    )
    response = client.get(check_url("check_result", area))
    assert response["Location"] == check_url("check_application_date", area)


def test_the_date_defaults_to_today(client, area, in_march):
    client.post(
        check_url("check_complaints", area),
        complaints_post(area, [Said(dt.date(2026, 3, 1), dt.date(2026, 3, 2))]),
    )
    text = client.get(check_url("check_application_date", area)).content.decode()
    assert 'name="apply_on-day" type="text" value="16"' in text
    assert 'name="apply_on-month" type="text" value="3"' in text


def test_answers_for_one_area_are_not_used_for_another(client, area, in_march):
    client.post(
        check_url("check_complaints", area),
        complaints_post(area, [Said(dt.date(2026, 3, 1), dt.date(2026, 3, 2))]),
    )
    other = make_area("Otherplace", slug="otherplace")
    response = client.get(check_url("check_application_date", other))
    assert response["Location"] == check_url("check_complaints", other)


def test_clearing_the_answers_forgets_them(client, area, in_march):
    client.post(
        check_url("check_complaints", area),
        complaints_post(area, [Said(dt.date(2026, 3, 1), dt.date(2026, 3, 2))]),
    )
    response = client.post(check_url("check_forget", area))
    assert response["Location"] == check_url("check", area)
    assert "public_check" not in client.session
    assert client.get(check_url("check_application_date", area)).status_code == 302


def test_an_unknown_area_is_not_found(client, db):
    response = client.get("/areas/nowhere-at-all/check/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_the_start_page_offers_to_clear_answers_from_earlier(client, area, in_march):
    assert (
        check_url("check_forget", area) not in client.get(check_url("check", area)).content.decode()
    )
    client.post(
        check_url("check_complaints", area),
        complaints_post(area, [Said(dt.date(2026, 3, 1), dt.date(2026, 3, 2))]),
    )
    text = client.get(check_url("check", area)).content.decode()
    assert "still has your answers from earlier" in text
    assert f'action="{check_url("check_forget", area)}"' in text
