"""Withdrawing online: an "Are you sure?" page that says what withdrawing means, a reason, then
the case service's withdrawal as the applicant's own step; refused while an appeal is open."""

from __future__ import annotations

import pytest
from django.urls import reverse

from casereview.cases.workflow import Status, Step
from tests.appeals.helpers import lodge
from tests.letters.helpers import decided_not_met
from tests.public.victim.helpers import ACTION_URLS, success_messages, text_of, tracking
from tests.reviews.helpers import met_case

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_march")]

URL = ACTION_URLS["victim_withdraw"]


def test_the_page_asks_whether_you_are_sure_and_says_what_it_means(area, coordinator):
    case = met_case(area, coordinator)

    page = text_of(tracking(case).get(URL))

    assert "Are you sure you want to withdraw your application?" in page
    assert "The council stops work on your case review." in page
    assert "You cannot undo this." in page
    assert "govuk-button--warning" in page


def test_withdrawing_ends_the_case_as_the_applicants_own_step(area, coordinator):
    case = met_case(area, coordinator)

    response = tracking(case).post(URL, {"reason": " The neighbours have moved out. "})

    assert response["Location"] == reverse("public:track")
    assert success_messages(response) == [
        "Your application has been withdrawn. The council will write to you to confirm it."
    ]
    case.refresh_from_db()
    assert case.status == Status.WITHDRAWN
    assert case.end_reason == "The neighbours have moved out."
    event = case.events.get(step=Step.WITHDRAW)
    assert event.by is None
    assert event.data["by_applicant"] is True


def test_a_reason_is_needed(area, coordinator):
    case = met_case(area, coordinator)

    response = tracking(case).post(URL, {"reason": ""})

    assert response.status_code == 200
    assert "Tell us why you want to withdraw your application" in text_of(response)
    case.refresh_from_db()
    assert case.status == Status.THRESHOLD_MET


def test_while_an_appeal_is_open_withdrawing_is_refused_with_the_reason(area, coordinator):
    case = decided_not_met(area, coordinator)
    lodge(case, coordinator)

    response = tracking(case).post(URL, {"reason": "Changed my mind"})

    assert response.status_code == 200
    page = text_of(response)
    assert "while your request for a review is waiting for its outcome" in page
    assert "Changed my mind" in page
    case.refresh_from_db()
    assert case.status == Status.THRESHOLD_NOT_MET


def test_a_withdrawn_case_cannot_be_withdrawn_again(area, coordinator):
    case = met_case(area, coordinator)
    browser = tracking(case)
    browser.post(URL, {"reason": "Done"})

    response = browser.get(URL)

    assert response.status_code == 200
    assert "Your application has been withdrawn" in text_of(response)
    assert case.events.filter(step=Step.WITHDRAW).count() == 1
