"""The published procedure (page and PDF) carries the policy check in plain words and says when
nothing has yet been recorded about its consultation and reviews."""

from __future__ import annotations

import pytest
from django.urls import reverse

from casereview.rules.policy import STATUTORY_DEFAULTS
from tests.factories import make_policy
from tests.public.information.helpers import get_text, pdf_text

pytestmark = pytest.mark.django_db


def test_the_page_lists_each_point_stricter_than_the_law(client, area):
    text = get_text(client, "public:procedure", area)
    assert "How this policy compares with the law" in text
    assert "within 30 days of the behaviour, but the law counts any complaint" in text
    assert "No consultation on this procedure has been recorded on this service yet." in text
    assert "No review of this procedure has been recorded on this service yet." in text


def test_a_policy_no_stricter_than_the_law_says_so(client, area):
    make_policy(area, STATUTORY_DEFAULTS, version=2)
    text = get_text(client, "public:procedure", area)
    assert "This council's policy asks nothing more of you than the law does." in text


def test_the_pdf_carries_the_statement_too(client, area):
    response = client.get(reverse("public:procedure_pdf", args=[area.slug]))
    text = pdf_text(response.content)
    assert "How this policy compares with the law" in text
    assert "does not count diary sheets as complaints" in text
