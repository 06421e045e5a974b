"""The outcome page shows what the victim will be sent (the outcome, the recommendations and
only the actions they may see, never the restricted assessment) and when their window for
comments ends, and sends it."""

from __future__ import annotations

import datetime as dt

from django.test import Client

from casereview.accounts.models import User
from casereview.areas.models import Area
from casereview.cases.workflow import Status
from casereview.reviews.models import Meeting
from tests.cases.views.pages import date_fields, error_summary, main_text
from tests.reviews.helpers import ASSESSMENT_MARKER, HIDDEN_ACTION, held
from tests.reviews.views.pages import review_url

TODAY = dt.date(2026, 12, 21)


def test_the_page_shows_what_the_victim_is_sent_and_nothing_restricted(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    case = held(area, coordinator)

    response = coordinator_client.get(review_url("outcome", case))

    text = main_text(response)
    assert "The panel agreed a plan to stop the noise." in text
    assert "Review how noise reports are triaged." in text
    assert "Install noise monitoring equipment" in text
    assert HIDDEN_ACTION not in response.content.decode()
    assert ASSESSMENT_MARKER not in response.content.decode()


def test_the_page_says_when_the_comment_window_ends_across_christmas(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    case = held(area, coordinator)

    response = coordinator_client.get(review_url("outcome", case))

    # Ten working days from Monday 21 December, skipping Christmas, Boxing Day (substitute
    # Monday 28th) and New Year's Day.
    assert "the victim has until 7 January 2027 to comment" in main_text(response)


def test_sending_the_outcome_opens_the_victims_window_for_comments(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    case = held(area, coordinator)

    response = coordinator_client.post(
        review_url("outcome", case), date_fields("phoned_on", TODAY), follow=True
    )

    assert "The outcome and the draft action plan are sent to the victim." in main_text(response)
    meeting = Meeting.objects.get(case=case)
    assert meeting.outcome_sent_on == TODAY
    assert meeting.outcome_phoned_on == TODAY
    assert meeting.comment_until == dt.date(2027, 1, 7)
    case.refresh_from_db()
    assert case.status == Status.CONSULTING_VICTIM


def test_a_call_in_the_future_is_refused_and_kept(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    case = held(area, coordinator)

    response = coordinator_client.post(
        review_url("outcome", case), date_fields("phoned_on", TODAY + dt.timedelta(days=2))
    )

    assert "The date you phoned the victim must be today or in the past" in error_summary(response)
    assert 'value="23"' in response.content.decode()
    assert Meeting.objects.get(case=case).outcome_sent_on is None
