"""An appeal is heard within 15 working days of receipt, and its outcome sent within 5 working
days of the hearing; each deadline is met by its step."""

from __future__ import annotations

import datetime as dt

import pytest

from casereview.accounts.models import User
from casereview.areas.models import Area
from casereview.cases.models import DeadlineKind
from tests.appeals.helpers import due, hear, lodge
from tests.letters.helpers import decided_not_met
from tests.reviews.helpers import later

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("before_christmas")]


def test_the_hearing_is_due_fifteen_working_days_after_receipt(
    area: Area, coordinator: User
) -> None:
    case = decided_not_met(area, coordinator)

    appeal = lodge(case, coordinator)

    hearing = due(case, DeadlineKind.APPEAL_HEARING, appeal)
    # From Monday 21 December 2026, skipping Christmas Day, the Boxing Day substitute (28th),
    # New Year's Day and the weekends.
    assert hearing.start_on == dt.date(2026, 12, 21)
    assert hearing.due_on == dt.date(2027, 1, 14)
    assert not case.deadlines.filter(kind=DeadlineKind.APPEAL_OUTCOME).exists()


def test_the_hearing_meets_its_deadline_and_sets_the_outcome_five_working_days_later(
    area: Area, coordinator: User
) -> None:
    case = decided_not_met(area, coordinator)
    appeal = lodge(case, coordinator)

    with later(1) as day:
        hear(appeal, coordinator)

    assert due(case, DeadlineKind.APPEAL_HEARING, appeal).met_on == day
    outcome = due(case, DeadlineKind.APPEAL_OUTCOME, appeal)
    # Heard Tuesday 22 December: 23, 24, 29, 30 and 31 December are the five working days.
    assert outcome.start_on == dt.date(2026, 12, 22)
    assert outcome.due_on == dt.date(2026, 12, 31)
    assert outcome.met_on is None
