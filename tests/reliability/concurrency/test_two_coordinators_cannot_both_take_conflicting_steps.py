"""Two coordinators acting on the same case at the same moment, each through their own database
connection, cannot both succeed in steps that conflict: one step is taken, the other is refused
with the service's own explanation, and the case is left as the one step made it.

Each pair is lined up by a barrier and run on several cases, so the two really overlap.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path

import pytest
import time_machine
from django.core.exceptions import ValidationError

from casereview.accounts.models import Role, User
from casereview.appeals.models import Appeal, Ground
from casereview.appeals.services import appeal_lodge
from casereview.areas.models import Area
from casereview.cases.models import Case, DecisionRoute
from casereview.cases.services import (
    SeniorManagerDecision,
    case_acknowledge,
    case_close,
    case_decide_threshold,
    case_withdraw,
)
from casereview.cases.workflow import IllegalStep, Status
from tests.cases.helpers import at, receive, victim
from tests.factories import make_user
from tests.reliability.concurrency.helpers import shared_database, together

ROUNDS = 6
RECEIVED = dt.date(2026, 3, 16)
DECIDED = dt.date(2026, 3, 18)
# After the victim's 28 days to ask for a review of a "not met" decision have run out: the case
# may be closed, and an appeal may still be accepted late, with a reason.
AFTER_THE_WINDOW = at(2026, 5, 18)

REFUSALS = (IllegalStep, ValidationError)


def cases_for_each_round(area: Area, by: User) -> list[Case]:
    """One acknowledged case per round, each about a victim of its own."""
    cases = []
    for n in range(ROUNDS):
        case = receive(
            area,
            by,
            victim=victim(
                f"Victim {n}", email=f"victim{n}@example.test", phone=f"07700 900{n:03d}"
            ),
        )
        cases.append(case_acknowledge(case, by=by, on=case.received_on))
    return cases


def second_coordinator(area: Area) -> User:
    return make_user("second.coordinator@eastherts.test", Role.COORDINATOR, area)


def decide_met_for_a_vulnerable_victim(case: Case, by: User) -> Case:
    return case_decide_threshold(
        case,
        by=by,
        on=DECIDED,
        route=DecisionRoute.SENIOR_MANAGER_VULNERABLE_VICTIM,
        met=True,
        reasons="Sam is 84, lives alone and is frightened to go out.",
        senior_manager=SeniorManagerDecision("Morgan Senior", DECIDED, "A vulnerable victim."),
    )


def decide_not_met(case: Case, by: User, on: dt.date = DECIDED) -> Case:
    return case_decide_threshold(
        case,
        by=by,
        on=on,
        route=DecisionRoute.THRESHOLD,
        met=False,
        reasons="No qualifying complaints were confirmed.",
    )


def close(case: Case, by: User) -> Case:
    return case_close(case, by=by, reason="Nothing more can be done.")


def withdraw(case: Case, by: User) -> Case:
    return case_withdraw(case, by=by, reason="The victim has moved away.")


def lodge_late_appeal(case: Case, by: User) -> Appeal:
    return appeal_lodge(
        case,
        by=by,
        ground=Ground.THRESHOLD_DECISION,
        received_on=AFTER_THE_WINDOW.date(),
        what_the_victim_says="Nobody looked at my diary.",
        late_reason="The victim was in hospital.",
    )


def outcome(results: Sequence[object]) -> tuple[int, list[BaseException]]:
    """How many of the two succeeded, and what the others raised."""
    failures = [r for r in results if isinstance(r, BaseException)]
    return len(results) - len(failures), failures


@pytest.mark.django_db(transaction=True)
def test_met_and_not_met_decided_at_once_one_decision_stands(
    area: Area, coordinator: User, tmp_path: Path
) -> None:
    other = second_coordinator(area)
    with time_machine.travel(at(2026, 3, 16), tick=False):
        cases = cases_for_each_round(area, coordinator)
    with time_machine.travel(at(2026, 3, 18), tick=True), shared_database(tmp_path) as shared:
        for case in cases:
            decisions = [
                partial(decide_met_for_a_vulnerable_victim, case, coordinator),
                partial(decide_not_met, case, other),
            ]
            results = together(decisions, shared)
            succeeded, failures = outcome(results)

            assert succeeded == 1, results
            assert all(isinstance(f, IllegalStep) for f in failures), failures
            with shared.use():
                stored = Case.objects.get(pk=case.pk)
                events = list(stored.events.values_list("step", flat=True))
            winner = next(r for r in results if isinstance(r, Case))
            assert stored.status == winner.status
            assert stored.status in (Status.THRESHOLD_MET, Status.THRESHOLD_NOT_MET)
            assert stored.threshold_met is (stored.status == Status.THRESHOLD_MET)
            # One decision recorded in the history, not two.
            assert len([s for s in events if s.startswith("decide_threshold")]) == 1


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    ("ending", "ended"), [(close, Status.CLOSED), (withdraw, Status.WITHDRAWN)]
)
def test_ending_a_case_and_recording_its_appeal_at_once_never_both_succeed(
    area: Area,
    coordinator: User,
    tmp_path: Path,
    ending: Callable[[Case, User], Case],
    ended: str,
) -> None:
    other = second_coordinator(area)
    with time_machine.travel(at(2026, 3, 16), tick=False):
        cases = [
            decide_not_met(case, coordinator, on=RECEIVED)
            for case in cases_for_each_round(area, coordinator)
        ]
    with time_machine.travel(AFTER_THE_WINDOW, tick=True), shared_database(tmp_path) as shared:
        for case in cases:
            steps: list[Callable[[], Case | Appeal]] = [
                partial(ending, case, coordinator),
                partial(lodge_late_appeal, case, other),
            ]
            results = together(steps, shared)
            succeeded, failures = outcome(results)

            assert succeeded == 1, results
            assert all(isinstance(f, REFUSALS) for f in failures), failures
            with shared.use():
                stored = Case.objects.get(pk=case.pk)
                appeals = Appeal.objects.filter(case=case).count()
            # Ended with no appeal waiting, or open with the appeal recorded: never ended with
            # an appeal nobody will hear.
            assert (stored.status, appeals) in {
                (ended, 0),
                (Status.THRESHOLD_NOT_MET, 1),
            }


def test_both_coordinators_may_act_on_the_case(area: Area, coordinator: User) -> None:
    # The refusals above come from the race, not from a second coordinator lacking the right.
    other = second_coordinator(area)
    with time_machine.travel(at(2026, 3, 16), tick=False):
        case = receive(area, coordinator)
        assert case_acknowledge(case, by=other, on=RECEIVED).status == Status.ACKNOWLEDGED
