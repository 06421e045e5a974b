"""Change links on "Check your answers" open the question and come back to the check page, or
on to a question the change has made necessary."""

from __future__ import annotations

import pytest
from django.test import Client

from casereview.areas.models import Area
from tests.public.apply.helpers import answer_all, check_url, for_myself, page_url, start

pytestmark = pytest.mark.usefixtures("in_march")


@pytest.fixture
def client(area: Area) -> Client:
    client = Client()
    start(client, area)
    answer_all(client, area, for_myself(area))
    return client


def test_every_answer_has_a_change_link_to_its_page(client: Client, area: Area) -> None:
    page = client.get(check_url(area)).content.decode()

    for slug in ("who", "victim-name", "behaviour", "reports", "language"):
        assert page_url(area, slug, change=True).replace("&", "&amp;") in page


def test_a_changed_answer_returns_to_check_your_answers(client: Client, area: Area) -> None:
    opened = client.get(page_url(area, "victim-name", change=True)).content.decode()
    assert f'href="{check_url(area)}"' in opened  # the back link
    assert 'name="change" value="1"' in opened

    response = client.post(
        page_url(area, "victim-name"), {"victim_name": "Samantha Victim", "change": "1"}
    )

    assert response["Location"] == check_url(area)
    assert "Samantha Victim" in client.get(check_url(area)).content.decode()


def test_a_change_that_needs_new_answers_asks_them_first(client: Client, area: Area) -> None:
    response = client.post(page_url(area, "who"), {"who": "someone_else", "change": "1"})

    assert response["Location"] == page_url(area, "your-details")
    # Check your answers waits until they are given.
    assert client.get(check_url(area))["Location"] == page_url(area, "your-details")
