"""An appeal upheld against a "not met" decision sends the case back to have the threshold
decided again, with a deadline for the new decision."""

from __future__ import annotations

import datetime as dt

import pytest

from casereview.accounts.models import User
from casereview.appeals.models import AppealStatus, Outcome
from casereview.areas.models import Area
from casereview.cases.models import DeadlineKind
from casereview.cases.services import case_decide_threshold
from casereview.cases.workflow import Status, Step
from tests.appeals.helpers import due, hear, lodge
from tests.letters.helpers import decided_not_met
from tests.reviews.helpers import later

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("before_christmas")]


def test_the_case_goes_back_to_gathering_information(area: Area, coordinator: User) -> None:
    case = decided_not_met(area, coordinator)

    appeal = hear(lodge(case, coordinator), coordinator, Outcome.UPHELD)
    case.refresh_from_db()

    assert appeal.status == AppealStatus.HEARD
    assert appeal.outcome == Outcome.UPHELD
    assert appeal.reviewer_name == "Morgan Senior"
    assert case.status == Status.GATHERING_INFORMATION
    assert case.threshold_met is None
    assert case.decided_on is None
    # The first decision stays on record.
    assert case.first_decided_on == dt.date(2026, 12, 21)
    assert case.events.filter(step=Step.UPHOLD_APPEAL_REDECIDE).count() == 1


def test_a_redecision_is_due_fourteen_working_days_after_the_hearing(
    area: Area, coordinator: User
) -> None:
    case = decided_not_met(area, coordinator)
    appeal = lodge(case, coordinator)

    with later(1):
        hear(appeal, coordinator, Outcome.UPHELD)

    redecision = due(case, DeadlineKind.REDECISION)
    # Heard Tuesday 22 December 2026; Christmas Day, the Boxing Day substitute (28th) and New
    # Year's Day are not working days.
    assert redecision.start_on == dt.date(2026, 12, 22)
    assert redecision.due_on == dt.date(2027, 1, 14)
    assert redecision.met_on is None
    # The first decision still met the original deadline.
    assert due(case, DeadlineKind.DECISION).met_on == dt.date(2026, 12, 21)
    # There is no "not met" decision to ask about any more.
    assert not case.deadlines.filter(kind=DeadlineKind.REVIEW_REQUEST).exists()


def test_deciding_again_meets_the_redecision_deadline(area: Area, coordinator: User) -> None:
    case = decided_not_met(area, coordinator)
    hear(lodge(case, coordinator), coordinator, Outcome.UPHELD)
    case.refresh_from_db()

    with later(2) as day:
        case = case_decide_threshold(
            case, by=coordinator, on=day, route="threshold", met=False, reasons="Again not met."
        )

    assert due(case, DeadlineKind.REDECISION).met_on == day
    assert case.first_decided_on == dt.date(2026, 12, 21)
