"""A box people never see catches form-filling robots: filled in, nothing is stored."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from casereview.areas.models import Area
from casereview.cases.models import Case
from tests.public.apply.helpers import answer_all, check_url, for_myself, start, submit

pytestmark = pytest.mark.usefixtures("in_march")


@pytest.fixture
def client(area: Area) -> Client:
    client = Client()
    start(client, area)
    answer_all(client, area, for_myself(area))
    return client


def test_the_box_is_hidden_and_labelled_leave_this_empty(client: Client, area: Area) -> None:
    page = client.get(check_url(area)).content.decode()

    assert re.search(
        r"<div hidden>\s*<div class=\"govuk-form-group\">\s*<label[^>]*>\s*Leave this empty", page
    )


def test_a_filled_in_box_stores_nothing(client: Client, area: Area) -> None:
    response = submit(client, area, website="http://spam.example")

    assert response.status_code == 200
    assert Case.objects.count() == 0
    page = response.content.decode()
    assert "must be left empty" in page
    # Shown, so that a person whose browser filled it in can empty it.
    assert "<div hidden>" not in page
