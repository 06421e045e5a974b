"""The tracking page's list of actions follows the case's workflow and the services' windows:
each action is listed only in the statuses that allow it, with the day it is due by."""

from __future__ import annotations

import datetime as dt

import pytest

from casereview.cases.services import case_withdraw
from casereview.public.victim.actions import available_actions
from casereview.reviews.models import Meeting
from tests.appeals.helpers import lodge
from tests.cases.helpers import receive
from tests.letters.helpers import decided_not_met
from tests.reviews.helpers import consulting, held, later, met_case, monitoring, scheduled

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_march")]


def names(case) -> list[str]:
    return [action.name for action in available_actions(case)]


def test_a_newly_received_case_can_only_be_withdrawn(area, coordinator):
    case = receive(area, coordinator)

    assert names(case) == ["victim_withdraw"]


def test_a_case_that_met_the_threshold_offers_a_voice_at_the_review(area, coordinator):
    case = met_case(area, coordinator)

    assert names(case) == ["victim_involvement", "victim_statement", "victim_withdraw"]


def test_once_the_meeting_is_arranged_the_voice_is_due_by_its_day(area, coordinator):
    case = scheduled(area, coordinator)

    due = {action.name: action.due_on for action in available_actions(case)}

    assert due["victim_involvement"] == dt.date(2026, 3, 16)
    assert due["victim_statement"] == dt.date(2026, 3, 16)


def test_after_the_meeting_the_review_can_be_appealed_but_the_voice_is_closed(area, coordinator):
    case = held(area, coordinator)

    assert names(case) == ["victim_appeal", "victim_withdraw"]
    appeal = available_actions(case)[0]
    assert appeal.title == "Appeal against how the review was carried out"


def test_the_draft_plan_can_be_commented_on_until_its_window_ends(area, coordinator):
    case = consulting(area, coordinator)
    until = Meeting.objects.get(case=case).comment_until

    actions = {action.name: action for action in available_actions(case)}

    assert list(actions) == ["victim_comment", "victim_appeal", "victim_withdraw"]
    assert actions["victim_comment"].due_on == until
    assert actions["victim_comment"].url == "/track/case/comment/"


def test_comments_close_the_day_after_the_window_ends(area, coordinator):
    case = consulting(area, coordinator)
    until = Meeting.objects.get(case=case).comment_until
    assert until is not None

    with later((until - dt.date(2026, 3, 16)).days + 1):
        assert "victim_comment" not in names(case)


def test_a_final_plan_takes_no_more_comments(area, coordinator):
    case = monitoring(area, coordinator)

    assert "victim_comment" not in names(case)


def test_a_not_met_decision_can_be_reviewed_until_its_window_ends(area, coordinator):
    case = decided_not_met(area, coordinator)

    actions = {action.name: action for action in available_actions(case)}

    assert list(actions) == ["victim_appeal", "victim_withdraw"]
    assert actions["victim_appeal"].title == "Ask for a review of the decision"
    assert actions["victim_appeal"].due_on == dt.date(2026, 4, 13)
    assert "not involved in the decision" in actions["victim_appeal"].description


def test_after_the_window_a_late_request_is_still_offered_and_needs_a_reason(area, coordinator):
    case = decided_not_met(area, coordinator)

    with later(29):
        appeal = available_actions(case)[0]

    assert appeal.name == "victim_appeal"
    assert appeal.due_on is None
    assert "tell us why you are asking late" in appeal.description


def test_while_an_appeal_is_open_neither_another_nor_withdrawing_is_offered(area, coordinator):
    case = decided_not_met(area, coordinator)
    lodge(case, coordinator)

    assert names(case) == []


def test_a_withdrawn_case_offers_nothing(area, coordinator):
    case = case_withdraw(met_case(area, coordinator), by=coordinator, reason="Moved away.")

    assert names(case) == []
