"""Commenting on the draft action plan online while the window is open: the page shows the
plan as the victim may see it and the day the window ends; the comment is kept with the plan
as made online."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from casereview.cases.workflow import Step
from casereview.reviews.models import Meeting, VictimComment
from tests.public.victim.helpers import ACTION_URLS, success_messages, text_of, tracking
from tests.reviews.helpers import HIDDEN_ACTION, consulting, later, met_case

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_march")]

URL = ACTION_URLS["victim_comment"]


def test_the_page_shows_the_visible_actions_and_the_last_day_to_comment(area, coordinator):
    case = consulting(area, coordinator)
    until = Meeting.objects.get(case=case).comment_until

    page = text_of(tracking(case).get(URL))

    assert until == dt.date(2026, 3, 30)
    assert "You can comment until 30 March 2026." in page
    assert "Install noise monitoring equipment" in page
    assert "The panel agreed a plan to stop the noise." in page
    assert HIDDEN_ACTION not in page


def test_a_comment_is_kept_with_the_plan_as_made_online(area, coordinator):
    case = consulting(area, coordinator)

    response = tracking(case).post(URL, {"text": " Please add street lighting. "})

    assert response["Location"] == reverse("public:track")
    assert success_messages(response) == [
        "Your comments on the draft action plan have been sent to the council."
    ]
    comment = VictimComment.objects.get(meeting__case=case)
    assert (comment.text, comment.how, comment.received_on, comment.recorded_by) == (
        "Please add street lighting.",
        "online",
        dt.date(2026, 3, 16),
        None,
    )
    assert case.events.get(step=Step.RECORD_VICTIM_COMMENT).data["by_applicant"] is True


def test_an_empty_comment_is_an_error(area, coordinator):
    case = consulting(area, coordinator)

    response = tracking(case).post(URL, {"text": ""})

    assert response.status_code == 200
    assert "Enter your comments on the draft action plan" in text_of(response)
    assert not VictimComment.objects.filter(meeting__case=case).exists()


def test_once_the_window_has_ended_the_page_says_so_and_keeps_the_words(area, coordinator):
    case = consulting(area, coordinator)

    with later(15):
        response = tracking(case).post(URL, {"text": "Words I typed"})

    assert response.status_code == 200
    page = text_of(response)
    assert "The time to comment on the draft action plan ended on 30 March 2026." in page
    assert "Words I typed" in page
    assert not VictimComment.objects.filter(meeting__case=case).exists()


def test_before_the_outcome_there_is_no_plan_to_comment_on(area, coordinator):
    case = met_case(area, coordinator)

    response = tracking(case).get(URL)

    assert response.status_code == 200
    assert "once the council has sent you the outcome of the review" in text_of(response)


def test_the_same_comment_sent_twice_is_kept_once(area, coordinator):
    case = consulting(area, coordinator)
    browser = tracking(case)

    first = browser.post(URL, {"text": "Please add street lighting."})
    browser.get(first["Location"])  # the message of the first is shown, and so used up
    again = browser.post(URL, {"text": "Please add street lighting."})

    assert again["Location"] == reverse("public:track")
    assert success_messages(again) == [
        "Your comments on the draft action plan have been sent to the council."
    ]
    assert VictimComment.objects.filter(meeting__case=case).count() == 1
    assert case.events.filter(step=Step.RECORD_VICTIM_COMMENT).count() == 1
