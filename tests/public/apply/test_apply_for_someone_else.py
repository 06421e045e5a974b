"""Someone applies for the victim: their own details, the victim's agreement, and how to reach
the victim are asked, and the case records the applicant and the consent."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from casereview.areas.models import Area
from casereview.cases.models import Case
from tests.public.apply.helpers import (
    answer,
    answer_all,
    for_someone_else,
    page_url,
    start,
    submit,
)

pytestmark = pytest.mark.usefixtures("in_march")


def test_applying_for_someone_else_asks_about_the_applicant_first(area: Area) -> None:
    client = Client()
    start(client, area)
    answer(client, area, "screening", {"about": "none"})

    response = answer(client, area, "who", {"who": "someone_else"})

    assert response["Location"] == page_url(area, "your-details")


def test_applying_for_yourself_skips_the_applicant_pages(area: Area) -> None:
    client = Client()
    start(client, area)
    answer(client, area, "screening", {"about": "none"})
    answer(client, area, "who", {"who": "myself"})

    response = client.get(page_url(area, "your-details"))

    # Not asked: sent on to the first page still to answer.
    assert response["Location"] == page_url(area, "victim-type")


def test_the_case_records_the_applicant_and_the_victims_consent(area: Area) -> None:
    client = Client()
    start(client, area)
    answer_all(client, area, for_someone_else(area))
    assert submit(client, area).status_code == 302

    case = Case.objects.get()
    assert not case.applicant_is_victim
    assert case.applicant_name == "Alex Friend"
    assert case.applicant_relationship == "friend"
    assert case.applicant_email == "alex@example.test"
    assert case.consent_given_how == "In writing"
    assert case.consent_given_on == dt.date(2026, 3, 10)
    assert case.victim_phone == "07700 900123"
    assert case.vulnerability_notes == "Sam is 84 and lives alone."
    assert case.language == "en"


def test_a_partner_agency_is_not_asked_for_the_victims_consent(area: Area) -> None:
    client = Client()
    start(client, area)
    answer(client, area, "screening", {"about": "none"})
    answer(client, area, "who", {"who": "someone_else"})
    answer(
        client,
        area,
        "your-details",
        {"applicant_name": "Pat Officer", "applicant_relationship": "partner_agency"},
    )

    response = answer(client, area, "your-contact-details", {"applicant_email": "pat@police.test"})

    assert response["Location"] == page_url(area, "victim-type")


def test_the_questions_about_the_victim_name_them_as_the_victim(area: Area) -> None:
    client = Client()
    start(client, area)
    answer_all(client, area, for_someone_else(area)[:7])

    page = client.get(page_url(area, "victim-name")).content.decode()

    assert "What is the victim&#39;s full name?" in page
