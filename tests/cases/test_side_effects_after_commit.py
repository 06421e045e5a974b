"""Side effects of a step run only once the step is committed, never for a rolled-back step."""

from __future__ import annotations

import pytest
from django.db import transaction

from casereview.cases import effects
from casereview.cases.models import Case
from casereview.cases.services import case_acknowledge
from casereview.cases.workflow import Status, Step
from tests.cases.helpers import receive

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("before_christmas"),
]


class Recorder:
    def __init__(self) -> None:
        self.calls: list[tuple[int, str, str]] = []

    def __call__(self, case_id: int, step: str) -> None:
        # What a real handler does: read the case afresh, committed.
        self.calls.append((case_id, step, Case.objects.get(pk=case_id).status))


@pytest.fixture
def on_acknowledge():
    recorder = Recorder()
    effects.register(recorder, Step.ACKNOWLEDGE)
    yield recorder
    effects.unregister(recorder)


class Boom(Exception):
    pass


def test_a_handler_runs_after_the_step_is_committed(area, coordinator, on_acknowledge):
    case = receive(area, coordinator)
    assert on_acknowledge.calls == []  # registered for acknowledgements only

    case_acknowledge(case, by=coordinator, on=case.received_on)

    assert on_acknowledge.calls == [(case.pk, Step.ACKNOWLEDGE, Status.ACKNOWLEDGED)]


def test_a_handler_waits_for_the_outer_transaction(area, coordinator, on_acknowledge):
    case = receive(area, coordinator)

    with transaction.atomic():
        case_acknowledge(case, by=coordinator, on=case.received_on)
        assert on_acknowledge.calls == []

    assert len(on_acknowledge.calls) == 1


def test_a_handler_never_runs_for_a_rolled_back_step(area, coordinator, on_acknowledge):
    case = receive(area, coordinator)

    def acknowledge_then_fail() -> None:
        with transaction.atomic():
            case_acknowledge(case, by=coordinator, on=case.received_on)
            raise Boom

    with pytest.raises(Boom):
        acknowledge_then_fail()

    assert on_acknowledge.calls == []
    case.refresh_from_db()
    assert case.status == Status.RECEIVED


def test_a_failing_handler_neither_stops_the_others_nor_undoes_the_step(
    area, coordinator, on_acknowledge
):
    def broken(case_id: int, step: str) -> None:
        raise RuntimeError("mail server down")

    effects.register(broken, Step.ACKNOWLEDGE)
    effects.unregister(on_acknowledge)
    effects.register(on_acknowledge, Step.ACKNOWLEDGE)  # now runs after the broken one
    try:
        case = receive(area, coordinator)
        case_acknowledge(case, by=coordinator, on=case.received_on)
    finally:
        effects.unregister(broken)

    assert len(on_acknowledge.calls) == 1
    case.refresh_from_db()
    assert case.status == Status.ACKNOWLEDGED


def test_a_handler_for_every_step_sees_each_step(area, coordinator):
    everything = Recorder()
    effects.register(everything)
    try:
        case = receive(area, coordinator)
        case_acknowledge(case, by=coordinator, on=case.received_on)
    finally:
        effects.unregister(everything)

    assert [step for _id, step, _status in everything.calls] == [Step.RECEIVE, Step.ACKNOWLEDGE]
