"""Each Continue keeps the page's answers server-side before checking them: a page with errors
comes back with the error summary and exactly what was typed, and the draft holds it."""

from __future__ import annotations

import pytest
from django.test import Client

from casereview.areas.models import Area
from casereview.public.models import ApplicationDraft
from tests.public.apply.helpers import answer, answer_all, for_myself, page_url, start

pytestmark = pytest.mark.usefixtures("in_march")


def test_an_invalid_email_address_is_shown_again_with_its_error(area: Area) -> None:
    client = Client()
    start(client, area)
    answer_all(client, area, for_myself(area)[:5])

    response = answer(
        client,
        area,
        "victim-contact-details",
        {"victim_email": "sam at example", "victim_phone": "07700 900123"},
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in page
    assert "Enter an e-mail address in the correct format" in page
    assert 'value="sam at example"' in page
    assert 'value="07700 900123"' in page
    assert "<title>Error:" in page


def test_what_was_typed_is_saved_even_when_the_page_has_errors(area: Area) -> None:
    client = Client()
    draft = start(client, area)
    answer_all(client, area, for_myself(area)[:10])

    answer(
        client,
        area,
        "reports",
        {
            "complaint_rows": "1",
            "complaint_1_behaviour_on-day": "31",
            "complaint_1_behaviour_on-month": "Febuary",
            "complaint_1_behaviour_on-year": "26",
        },
    )

    draft.refresh_from_db()
    assert draft.answers["complaint_1_behaviour_on-month"] == "Febuary"
    assert draft.answers["complaint_1_behaviour_on-year"] == "26"
    # Coming back later shows it as it was left.
    page = client.get(page_url(area, "reports")).content.decode()
    assert 'value="Febuary"' in page


def test_a_missing_answer_names_what_to_do(area: Area) -> None:
    client = Client()
    start(client, area)
    answer(client, area, "screening", {"about": "none"})

    page = answer(client, area, "who", {}).content.decode()

    assert "Select who you are applying for" in page
    assert 'href="#id_who"' in page


def test_a_report_cannot_have_been_made_before_the_behaviour(area: Area) -> None:
    client = Client()
    start(client, area)
    answer_all(client, area, for_myself(area)[:10])
    police = for_myself(area)[10][1]["complaint_1_agency"]

    page = answer(
        client,
        area,
        "reports",
        {
            "complaint_rows": "1",
            "complaint_1_agency": police,
            "complaint_1_behaviour_on-day": "5",
            "complaint_1_behaviour_on-month": "3",
            "complaint_1_behaviour_on-year": "2026",
            "complaint_1_reported_on-day": "4",
            "complaint_1_reported_on-month": "3",
            "complaint_1_reported_on-year": "2026",
        },
    ).content.decode()

    assert "must be the same as or after the date it happened" in page
    assert ApplicationDraft.objects.get().answers["complaint_1_reported_on-day"] == "4"
