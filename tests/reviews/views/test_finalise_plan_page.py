"""The finalise page shows the victim's comment window and comments, refuses to make the plan
final while the window is open and no comments are in (an error on the page, not a crash),
and makes it final once they are."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.test import Client

from casereview.accounts.models import User
from casereview.areas.models import Area
from casereview.cases.models import Case
from casereview.cases.workflow import Status
from casereview.reviews.services import review_record_victim_comment
from tests.cases.views.pages import error_summary, main_text
from tests.reviews.helpers import consulting, later
from tests.reviews.views.pages import review_url

TODAY = dt.date(2026, 12, 21)


def _status(case: Case) -> str:
    case.refresh_from_db()
    return case.status


def test_finalising_while_the_window_is_open_is_refused_on_the_page(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    case = consulting(area, coordinator)

    response = coordinator_client.post(review_url("finalise", case), {"note": "Kept note"})

    assert response.status_code == 200
    assert "The victim has until 7 January 2027 to comment on the draft action plan." in (
        error_summary(response)
    )
    assert "Kept note" in response.content.decode()
    assert _status(case) == Status.CONSULTING_VICTIM


def test_the_page_shows_the_comments_and_finalises_the_plan(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    case = consulting(area, coordinator)
    review_record_victim_comment(
        case, by=coordinator, received_on=TODAY, how="phone", text="Fine by me."
    )

    shown = coordinator_client.get(review_url("finalise", case))
    response = coordinator_client.post(review_url("finalise", case), follow=True)

    assert "Fine by me." in main_text(shown)
    assert "The action plan is final: its actions are now monitored." in main_text(response)
    assert _status(case) == Status.MONITORING


def test_the_plan_can_be_made_final_after_the_window_without_comments(
    area: Area, coordinator: User, staff_client: Callable[[User], Client]
) -> None:
    case = consulting(area, coordinator)

    with later(18):  # Friday 8 January 2027, the day after the window
        # Signed in that day: a session from before Christmas would have expired.
        response = staff_client(coordinator).post(review_url("finalise", case), follow=True)

    assert "The action plan is final" in main_text(response)
    assert _status(case) == Status.MONITORING
