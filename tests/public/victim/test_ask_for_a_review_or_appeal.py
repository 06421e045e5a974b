"""Asking online for a review of a "not met" decision, or appealing how the review was carried
out: whichever the case allows, through the appeals service, with its window's last day; after
it, a late request needs a reason; one open request at a time."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from casereview.appeals.models import Appeal
from casereview.cases.workflow import Step
from tests.appeals.helpers import lodge
from tests.letters.helpers import decided_not_met
from tests.public.victim.helpers import ACTION_URLS, success_messages, text_of, tracking
from tests.reviews.helpers import held, later, met_case

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_march")]

URL = ACTION_URLS["victim_appeal"]


def test_the_page_says_what_can_be_reviewed_and_until_when(area, coordinator):
    case = decided_not_met(area, coordinator)

    page = text_of(tracking(case).get(URL))

    assert "Ask for a review of the decision" in page
    assert "On 16 March 2026 the council decided that your case did not meet" in page
    assert "You can ask until 13 April 2026." in page
    assert "late_reason" not in page


def test_a_request_in_time_is_lodged_against_the_threshold_decision(area, coordinator):
    case = decided_not_met(area, coordinator)

    response = tracking(case).post(URL, {"what_the_victim_says": "The police lost my reports."})

    assert response["Location"] == reverse("public:track")
    assert success_messages(response) == [
        "Your request has been sent. The council will write to you to say what happens next."
    ]
    appeal = Appeal.objects.get(case=case)
    assert (appeal.ground, appeal.received_on, appeal.what_the_victim_says, appeal.lodged_by) == (
        "threshold_decision",
        dt.date(2026, 3, 16),
        "The police lost my reports.",
        None,
    )
    assert appeal.is_late is False
    assert case.events.get(step=Step.LODGE_APPEAL).data["by_applicant"] is True


def test_a_request_needs_the_reason_for_it(area, coordinator):
    case = decided_not_met(area, coordinator)

    response = tracking(case).post(URL, {"what_the_victim_says": "  "})

    assert response.status_code == 200
    assert "Tell us why you want it reviewed" in text_of(response)
    assert not Appeal.objects.filter(case=case).exists()


def test_after_the_window_a_request_needs_a_reason_for_being_late(area, coordinator):
    case = decided_not_met(area, coordinator)

    with later(29):
        browser = tracking(case)
        page = text_of(browser.get(URL))
        refused = browser.post(URL, {"what_the_victim_says": "Please look again."})
        accepted = browser.post(
            URL, {"what_the_victim_says": "Please look again.", "late_reason": "I was in hospital."}
        )

    assert "The deadline to ask was 13 April 2026." in page
    assert refused.status_code == 200
    assert "Tell us why you are asking after the deadline" in text_of(refused)
    assert "Please look again." in text_of(refused)
    assert accepted.status_code == 302
    appeal = Appeal.objects.get(case=case)
    assert appeal.is_late is True
    assert appeal.late_reason == "I was in hospital."


def test_after_the_review_the_appeal_is_against_how_it_was_carried_out(area, coordinator):
    case = held(area, coordinator)
    browser = tracking(case)

    page = text_of(browser.get(URL))
    browser.post(URL, {"what_the_victim_says": "I was not allowed to speak."})

    assert "Appeal against how the review was carried out" in page
    assert Appeal.objects.get(case=case).ground == "review_conduct"


def test_while_a_request_is_open_another_cannot_be_made(area, coordinator):
    case = decided_not_met(area, coordinator)
    lodge(case, coordinator)

    response = tracking(case).post(URL, {"what_the_victim_says": "Again, kept to copy"})

    assert response.status_code == 200
    page = text_of(response)
    assert "Your request for a review is being dealt with." in page
    assert "Again, kept to copy" in page
    assert Appeal.objects.filter(case=case).count() == 1


def test_a_case_not_yet_decided_has_nothing_to_review(area, coordinator):
    case = met_case(area, coordinator)

    response = tracking(case).get(URL)

    assert response.status_code == 200
    assert "You cannot do this now" in text_of(response)
