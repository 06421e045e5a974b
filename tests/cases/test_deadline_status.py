"""Whether a deadline is met, due or overdue depends on the day asked about."""

from __future__ import annotations

import datetime as dt

from casereview.cases.deadlines import DeadlineStatus, deadline_status
from casereview.cases.models import Deadline

DUE = dt.date(2026, 12, 24)


def test_an_unmet_deadline_is_due_up_to_and_on_its_day():
    deadline = Deadline(due_on=DUE)

    assert deadline_status(deadline, dt.date(2026, 12, 21)) == DeadlineStatus.DUE
    assert deadline_status(deadline, DUE) == DeadlineStatus.DUE


def test_an_unmet_deadline_is_overdue_the_day_after():
    assert deadline_status(Deadline(due_on=DUE), dt.date(2026, 12, 25)) == DeadlineStatus.OVERDUE


def test_a_met_deadline_is_met_whenever_it_was_met():
    late = Deadline(due_on=DUE, met_on=dt.date(2027, 1, 4))

    assert deadline_status(late, dt.date(2027, 2, 1)) == DeadlineStatus.MET
