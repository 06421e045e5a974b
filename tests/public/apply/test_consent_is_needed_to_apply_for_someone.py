"""Without the victim's agreement the application cannot go on: a page explains why, and
the later questions stay out of reach until the answer changes."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from casereview.areas.models import Area
from tests.public.apply.helpers import answer, answer_all, for_someone_else, page_url, start

pytestmark = pytest.mark.usefixtures("in_march")


def _up_to_consent(client: Client, area: Area) -> None:
    start(client, area)
    answer_all(client, area, for_someone_else(area)[:4])


def test_no_agreement_explains_that_it_is_needed(area: Area) -> None:
    client = Client()
    _up_to_consent(client, area)

    response = answer(client, area, "consent", {"consent": "no"})

    stop = reverse("public:apply_consent_needed", kwargs={"slug": area.slug})
    assert response["Location"] == stop
    page = client.get(stop).content.decode()
    assert "agreement" in page
    assert page_url(area, "consent") in page
    assert "01279 655261" in page


def test_later_questions_wait_until_the_victim_has_agreed(area: Area) -> None:
    client = Client()
    _up_to_consent(client, area)
    answer(client, area, "consent", {"consent": "no"})

    response = client.get(page_url(area, "victim-type"))

    assert response["Location"] == reverse(
        "public:apply_consent_needed", kwargs={"slug": area.slug}
    )


def test_changing_the_answer_to_yes_carries_on(area: Area) -> None:
    client = Client()
    _up_to_consent(client, area)
    answer(client, area, "consent", {"consent": "no"})

    response = answer(client, area, "consent", {"consent": "yes"})

    assert response["Location"] == page_url(area, "consent-details")
