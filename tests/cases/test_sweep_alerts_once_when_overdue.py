"""Once a step's due date has passed, the sweep alerts staff once, however often it runs."""

from __future__ import annotations

import datetime as dt

from casereview.accounts.models import User
from casereview.areas.models import Area
from casereview.cases.models import DeadlineKind, DeadlineNotice, NoticeKind
from casereview.cases.sweep import sweep
from tests.cases.helpers import receive


def test_an_unacknowledged_application_gets_one_overdue_alert(
    before_christmas: None, area: Area, coordinator: User
) -> None:
    # Received Monday 21 December: acknowledgement due Thursday 24 December.
    case = receive(area, coordinator)
    assert case.deadlines.get(kind=DeadlineKind.ACKNOWLEDGE).due_on == dt.date(2026, 12, 24)

    first = sweep(dt.date(2026, 12, 29))
    later = [sweep(dt.date(2026, 12, day)) for day in (29, 30, 31)]

    assert first.overdue_alerts == 1
    assert [result.overdue_alerts for result in later] == [0, 0, 0]
    assert [result.already_sent for result in later] == [1, 1, 1]
    notice = DeadlineNotice.objects.get()
    assert (notice.kind, notice.due_on) == (NoticeKind.OVERDUE, dt.date(2026, 12, 24))


def test_a_step_reminded_about_and_then_missed_also_gets_its_overdue_alert(
    before_christmas: None, area: Area, coordinator: User
) -> None:
    receive(area, coordinator)

    assert sweep(dt.date(2026, 12, 23)).reminders == 1
    assert sweep(dt.date(2026, 12, 29)).overdue_alerts == 1

    kinds = sorted(DeadlineNotice.objects.values_list("kind", flat=True))
    assert kinds == [NoticeKind.OVERDUE, NoticeKind.REMINDER]


def test_nothing_is_overdue_on_the_due_date_itself(
    before_christmas: None, area: Area, coordinator: User
) -> None:
    receive(area, coordinator)

    result = sweep(dt.date(2026, 12, 24))

    assert result.overdue_alerts == 0
    assert DeadlineNotice.objects.get().kind == NoticeKind.REMINDER
