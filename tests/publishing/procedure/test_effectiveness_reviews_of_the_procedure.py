"""Administrators record reviews of how well the procedure works (Schedule 4 paragraph 4); the
overview says when the next one is overdue, and the published procedure lists them."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from casereview.publishing.models import EffectivenessReview
from casereview.publishing.procedure import services
from tests.cases.helpers import at
from tests.publishing.procedure.helpers import text_of, url

pytestmark = pytest.mark.django_db


def review_post(**changes):
    data = {
        "reviewed_on-day": "10",
        "reviewed_on-month": "3",
        "reviewed_on-year": "2026",
        "reviewed_by": "Community Safety Partnership Board",
        "policy": "1",
        "findings": "Decisions were on time; victims asked for more updates.",
        "changes": "Monthly updates to victims.",
        "resulting_policy": "",
        "next_review_due-day": "10",
        "next_review_due-month": "3",
        "next_review_due-year": "2027",
    }
    data.update(changes)
    return data


def test_a_review_is_recorded_and_published_with_the_procedure(
    staff_client, area_admin, area, in_march, client
):
    admin = staff_client(area_admin)
    response = admin.post(url("review-add", area), review_post())
    assert response.status_code == 302
    saved = EffectivenessReview.objects.get(area=area)
    assert (saved.reviewed_on, saved.next_review_due) == (
        dt.date(2026, 3, 10),
        dt.date(2027, 3, 10),
    )
    assert saved.policy is not None
    assert saved.policy.version == 1
    assert saved.resulting_policy is None
    public = text_of(client.get(reverse("public:procedure", args=[area.slug])))
    assert "Review of 10 March 2026, by Community Safety Partnership Board" in public
    assert "Monthly updates to victims." in public
    assert "Next review due by 10 March 2027." in public


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"reviewed_on-day": "17"}, "reviewed_on", "must be today or in the past"),
        (
            {"next_review_due-year": "2026"},
            "next_review_due",
            "must be after the date of the review",
        ),
        ({"findings": " "}, "findings", "Enter what the review found"),
        ({"reviewed_by": ""}, "reviewed_by", "Enter who carried out the review"),
        ({"reviewed_on-year": "26"}, "reviewed_on", "Year must include 4 numbers"),
    ],
)
def test_bad_reviews_are_errors_on_their_field_and_nothing_is_saved(
    staff_client, area_admin, area, in_march, changes, field, message
):
    response = staff_client(area_admin).post(url("review-add", area), review_post(**changes))
    assert response.status_code == 200
    errors = response.context_data["form"].errors
    assert message in errors[field][0]
    assert "Community Safety Partnership Board" in text_of(response) or field == "reviewed_by"
    assert not EffectivenessReview.objects.exists()


def test_the_overview_says_what_schedule_4_still_asks(staff_client, area_admin, area, in_march):
    text = text_of(staff_client(area_admin).get(url("procedure", area)))
    assert "The police and crime commissioner has not been consulted on the current version" in text
    assert "No social housing provider has been consulted on the current version" in text
    assert "No review of how well the procedure works has been recorded." in text


def test_the_overview_says_when_the_next_review_is_overdue(staff_client, area_admin, area):
    with time_machine.travel(at(2026, 3, 16), tick=False):
        services.record_review(
            area,
            reviewed_on=dt.date(2026, 3, 10),
            reviewed_by="Board",
            findings="Fine.",
            changes="",
            policy=None,
            resulting_policy=None,
            next_review_due=dt.date(2027, 3, 10),
            by=area_admin,
        )
    with time_machine.travel(at(2027, 3, 10), tick=False):
        on_the_day = text_of(staff_client(area_admin).get(url("procedure", area)))
    assert "No review of how well" not in on_the_day
    assert "overdue" not in on_the_day
    with time_machine.travel(at(2027, 3, 11), tick=False):
        text = text_of(staff_client(area_admin).get(url("procedure", area)))
    assert "The next review of the procedure was due on 10 March 2027 and is overdue." in text
