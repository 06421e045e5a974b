"""Someone applies online for themselves: every page, check your answers, and one case
received through case_receive, online, in the language they chose."""

from __future__ import annotations

import pytest
from django.test import Client

from casereview.areas.models import Area
from casereview.cases.models import Case, Channel
from casereview.cases.workflow import Status
from tests.public.apply.helpers import (
    answer_all,
    check_url,
    done_url,
    for_myself,
    page_url,
    start,
    submit,
)

pytestmark = pytest.mark.usefixtures("in_march")


def test_each_page_leads_to_the_next_and_then_to_check_your_answers(area: Area) -> None:
    client = Client()
    start(client, area)
    pages = for_myself(area)
    for (slug, data), (following, _) in zip(pages, [*pages[1:], ("check", {})], strict=True):
        response = client.post(page_url(area, slug), data)
        expected = check_url(area) if following == "check" else page_url(area, following)
        assert response.status_code == 302, slug
        assert response["Location"] == expected, slug


def test_check_your_answers_shows_what_was_given(area: Area) -> None:
    client = Client()
    start(client, area)
    answer_all(client, area, for_myself(area))
    page = client.get(check_url(area)).content.decode()
    assert "Sam Victim" in page
    assert "Reported to Hertfordshire Constabulary" in page
    assert "HC-123" in page
    assert "Large print letters" in page


def test_submitting_stores_one_online_case_in_the_chosen_language(area: Area) -> None:
    client = Client()
    start(client, area)
    answer_all(client, area, for_myself(area))

    response = submit(client, area)

    assert response.status_code == 302
    assert response["Location"] == done_url(area)
    case = Case.objects.get()
    assert case.channel == Channel.ONLINE
    assert case.status == Status.RECEIVED
    assert case.language == "cy"
    assert case.applicant_is_victim
    assert case.victim_name == "Sam Victim"
    assert case.victim_postcode == "SG14 1AB"
    assert case.preferred_contact == "email"
    assert case.location == "Flat 3, next door"
    assert case.alleged_responsible == "The tenant of flat 3"
    assert case.support_needs == "Large print letters"
    # The impact and when it started are kept with the description, under headings.
    assert case.asb_description.startswith("Loud music and shouting most nights.")
    assert "I cannot sleep and my children are frightened." in case.asb_description
    assert "Last summer" in case.asb_description
    # The dated report is a complaint; the undated one is kept in the description.
    assert [c.agency_reference for c in case.complaints.all()] == ["HC-123"]
    assert "East Hertfordshire Council" in case.asb_description


def test_the_confirmation_shows_the_reference_and_the_timescales(area: Area) -> None:
    client = Client()
    start(client, area)
    answer_all(client, area, for_myself(area))
    submit(client, area)

    page = client.get(done_url(area)).content.decode()

    case = Case.objects.get()
    assert case.reference in page
    assert "govuk-panel" in page
    assert "within 3 working days" in page
    assert "Within 14 working days" in page
    assert "sam@example.test" in page
