"""Acknowledging an application (CT1 or CT2) meets the acknowledgement deadline."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from casereview.cases.models import DeadlineKind
from casereview.cases.services import case_acknowledge, case_withdraw
from casereview.cases.workflow import IllegalStep, Status, Step
from tests.cases.helpers import receive

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("before_christmas")]


def test_acknowledging_moves_the_case_on_and_meets_the_deadline(area, coordinator):
    case = receive(area, coordinator, received_on=dt.date(2026, 12, 18))

    case = case_acknowledge(case, by=coordinator, on=dt.date(2026, 12, 21))

    assert case.status == Status.ACKNOWLEDGED
    assert case.acknowledged_on == dt.date(2026, 12, 21)
    deadline = case.deadlines.get(kind=DeadlineKind.ACKNOWLEDGE)
    assert deadline.met_on == dt.date(2026, 12, 21)
    event = case.events.latest("pk")
    assert (event.step, event.from_status, event.to_status) == (
        Step.ACKNOWLEDGE,
        Status.RECEIVED,
        Status.ACKNOWLEDGED,
    )


def test_acknowledging_twice_on_the_same_day_changes_nothing(area, coordinator):
    case = receive(area, coordinator)
    case = case_acknowledge(case, by=coordinator, on=case.received_on)

    again = case_acknowledge(case, by=coordinator, on=case.received_on)

    assert again.status == Status.ACKNOWLEDGED
    assert case.events.count() == 2


def test_an_acknowledgement_before_the_application_is_refused(area, coordinator):
    case = receive(area, coordinator, received_on=dt.date(2026, 12, 18))

    with pytest.raises(ValidationError) as refused:
        case_acknowledge(case, by=coordinator, on=dt.date(2026, 12, 17))

    assert refused.value.message_dict["on"] == [
        "The date cannot be before the application (18 December 2026)."
    ]
    case.refresh_from_db()
    assert case.status == Status.RECEIVED


def test_a_withdrawn_case_cannot_be_acknowledged(area, coordinator):
    case = receive(area, coordinator)
    case = case_withdraw(case, by=coordinator, reason="The neighbour moved away.")

    with pytest.raises(IllegalStep) as refused:
        case_acknowledge(case, by=coordinator, on=case.received_on)

    assert str(refused.value) == "A case that is withdrawn cannot be acknowledged."
    assert case.events.count() == 2
