"""The public area page says in plain words how the area's policy compares with the law."""

from __future__ import annotations

import pytest
from django.urls import reverse

from casereview.publishing.procedure.statement import policy_statement
from casereview.rules.policy import REFERENCE_PROCEDURE, STATUTORY_DEFAULTS
from tests.factories import make_area, make_policy
from tests.publishing.procedure.helpers import text_of

pytestmark = pytest.mark.django_db


def area_page(client, area):
    response = client.get(reverse("areas:area", args=[area.slug]))
    assert response.status_code == 200
    return text_of(response)


def test_the_reference_policy_is_stricter_on_two_points_and_the_page_says_which(client, area):
    text = area_page(client, area)
    assert "How this policy compares with the law" in text
    assert "This council's policy asks more of you than the law does on these points:" in text
    assert "within 30 days of the behaviour" in text
    assert "does not count diary sheets as complaints" in text


def test_a_policy_no_stricter_than_the_law_says_it_asks_nothing_more(client, area):
    make_policy(area, STATUTORY_DEFAULTS, version=2)
    text = area_page(client, area)
    assert "This council's policy asks nothing more of you than the law does." in text
    assert "on these points" not in text


def test_an_area_not_on_the_service_has_no_statement(client):
    elsewhere = make_area("Elsewhere", on_service=False)
    make_policy(elsewhere, REFERENCE_PROCEDURE)
    assert "How this policy compares with the law" not in area_page(client, elsewhere)


def test_the_statement_is_none_without_a_policy_and_lists_each_point_otherwise():
    assert policy_statement(None) is None
    statement = policy_statement(REFERENCE_PROCEDURE)
    assert statement is not None
    assert (statement.clean, len(statement.lines)) == (False, 2)
    clean = policy_statement(STATUTORY_DEFAULTS)
    assert clean is not None
    assert clean.clean
