"""The transition table decides every step; illegal steps are refused in plain words."""

from __future__ import annotations

import pytest

from casereview.cases.workflow import (
    FINAL_STATUSES,
    NOT_YET_RECEIVED,
    TRANSITIONS,
    IllegalStep,
    Status,
    Step,
    allowed_steps,
    is_allowed,
)


def test_every_step_has_a_row_in_the_table():
    assert set(TRANSITIONS) == set(Step)


def test_every_target_is_a_status():
    targets = {rule.target for rule in TRANSITIONS.values()} - {None}
    assert targets <= set(Status)


def test_every_status_but_the_final_ones_can_be_left():
    for status in Status:
        leaving = [s for s in allowed_steps(status) if TRANSITIONS[s].target not in (None, status)]
        assert bool(leaving) == (status not in FINAL_STATUSES), status


@pytest.mark.parametrize("status", sorted(FINAL_STATUSES))
def test_a_final_status_allows_no_step(status):
    assert allowed_steps(status) == []


def test_only_receiving_starts_a_case():
    assert allowed_steps(NOT_YET_RECEIVED) == [Step.RECEIVE]


def test_a_decision_needs_an_acknowledged_case():
    assert not is_allowed(Step.DECIDE_THRESHOLD_MET, Status.RECEIVED)
    assert is_allowed(Step.DECIDE_THRESHOLD_MET, Status.ACKNOWLEDGED)
    assert is_allowed(Step.DECIDE_THRESHOLD_NOT_MET, Status.GATHERING_INFORMATION)


def test_every_refusal_can_be_put_into_words():
    for step in Step:
        for status in [NOT_YET_RECEIVED, *Status]:
            if not is_allowed(step, status):
                message = IllegalStep(step, status).message
                assert message.startswith("A case that is ")
                assert message.endswith(".")


def test_the_refusal_names_the_status_and_the_step():
    assert IllegalStep(Step.CLOSE, Status.RECEIVED).message == (
        "A case that is newly received cannot be closed."
    )
    assert IllegalStep(Step.DECIDE_THRESHOLD_MET, Status.THRESHOLD_NOT_MET).message == (
        "A case that is decided as not meeting the threshold cannot be decided as meeting the "
        "threshold."
    )
