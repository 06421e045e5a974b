"""Withdrawing and closing a case, each with a reason; open duties end with the case."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from casereview.cases.models import DeadlineKind
from casereview.cases.services import (
    case_acknowledge,
    case_close,
    case_decide_threshold,
    case_withdraw,
)
from casereview.cases.workflow import IllegalStep, Status, Step
from tests.cases.helpers import close_after_window, gathering, receive

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("before_christmas")]


def test_an_applicant_can_withdraw_before_the_decision(area, coordinator):
    case = case_acknowledge(receive(area, coordinator), by=coordinator, on=dt.date(2026, 12, 21))

    case = case_withdraw(case, by=coordinator, reason="The neighbour has moved away.")

    assert case.status == Status.WITHDRAWN
    assert case.end_reason == "The neighbour has moved away."
    assert case.ended_on == dt.date(2026, 12, 21)
    event = case.events.latest("pk")
    assert (event.step, event.from_status) == (Step.WITHDRAW, Status.ACKNOWLEDGED)


def test_withdrawing_keeps_met_deadlines_and_removes_open_ones(area, coordinator):
    case = case_acknowledge(receive(area, coordinator), by=coordinator, on=dt.date(2026, 12, 21))

    case = case_withdraw(case, by=coordinator, reason="Resolved by mediation.")

    assert list(case.deadlines.values_list("kind", "met_on")) == [
        (DeadlineKind.ACKNOWLEDGE, dt.date(2026, 12, 21))
    ]


def test_withdrawing_needs_a_reason(area, coordinator):
    case = receive(area, coordinator)

    with pytest.raises(ValidationError) as refused:
        case_withdraw(case, by=coordinator, reason="")

    assert refused.value.message_dict == {"reason": ["Give the reason."]}


def test_withdrawing_twice_with_the_same_reason_changes_nothing(area, coordinator):
    case = case_withdraw(receive(area, coordinator), by=coordinator, reason="Moved.")

    case_withdraw(case, by=coordinator, reason="Moved.")

    assert case.events.count() == 2


def test_a_decided_case_is_closed_with_a_reason_and_keeps_the_victims_window(area, coordinator):
    case = gathering(area, coordinator)
    case = case_decide_threshold(
        case, by=coordinator, on=dt.date(2026, 12, 21), route="threshold", met=False, reasons="-"
    )

    case = close_after_window(case, coordinator, "No review was asked for within 28 days.")

    assert case.status == Status.CLOSED
    kinds = set(case.deadlines.values_list("kind", flat=True))
    # Information requests never answered no longer apply; the review window is the victim's.
    assert DeadlineKind.INFORMATION not in kinds
    assert DeadlineKind.REVIEW_REQUEST in kinds


def test_a_not_met_case_cannot_be_closed_while_the_victim_can_still_ask_for_a_review(
    area, coordinator
):
    case = gathering(area, coordinator)
    case = case_decide_threshold(
        case, by=coordinator, on=dt.date(2026, 12, 21), route="threshold", met=False, reasons="-"
    )

    with pytest.raises(ValidationError) as refused:
        case_close(case, by=coordinator, reason="Victim told of the decision.")

    assert refused.value.message_dict["reason"] == [
        "The victim can ask for the decision to be reviewed until 18 January 2027. Close the "
        "case after that day, or record their appeal."
    ]
    case.refresh_from_db()
    assert case.status == Status.THRESHOLD_NOT_MET


def test_a_case_cannot_be_closed_before_it_is_decided(area, coordinator):
    case = receive(area, coordinator)

    with pytest.raises(IllegalStep) as refused:
        case_close(case, by=coordinator, reason="Tidying up.")

    assert str(refused.value) == "A case that is newly received cannot be closed."


def test_a_closed_case_cannot_be_withdrawn(area, coordinator):
    case = gathering(area, coordinator)
    case = case_decide_threshold(
        case, by=coordinator, on=dt.date(2026, 12, 21), route="threshold", met=False, reasons="-"
    )
    case = close_after_window(case, coordinator, "Done.")

    with pytest.raises(IllegalStep, match=r"A case that is closed cannot be withdrawn\."):
        case_withdraw(case, by=coordinator, reason="Changed my mind.")
