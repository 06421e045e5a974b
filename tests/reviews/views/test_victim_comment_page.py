"""The comment page keeps the victim's comments on the draft plan with the plan, and names
what is missing."""

from __future__ import annotations

import datetime as dt

from django.test import Client

from casereview.accounts.models import User
from casereview.areas.models import Area
from casereview.reviews.models import Meeting
from tests.cases.views.pages import date_fields, error_summary, main_text
from tests.reviews.helpers import consulting
from tests.reviews.views.pages import review_url

TODAY = dt.date(2026, 12, 21)


def test_the_victims_comments_are_kept_with_the_plan(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    case = consulting(area, coordinator)

    response = coordinator_client.post(
        review_url("comment", case),
        {**date_fields("received_on", TODAY), "how": "email", "text": "Please act sooner."},
        follow=True,
    )

    assert "The victim's comments are kept with the action plan." in main_text(response)
    comment = Meeting.objects.get(case=case).victim_comments.get()
    assert (comment.received_on, comment.how, comment.text) == (
        TODAY,
        "email",
        "Please act sooner.",
    )


def test_missing_comments_and_method_are_named_and_the_date_is_kept(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    case = consulting(area, coordinator)

    response = coordinator_client.post(
        review_url("comment", case), {**date_fields("received_on", TODAY), "text": " "}
    )

    summary = error_summary(response)
    assert "Choose how the victim commented" in summary
    assert "Enter the victim's comments" in summary
    assert 'value="2026"' in response.content.decode()
    assert not Meeting.objects.get(case=case).victim_comments.exists()
