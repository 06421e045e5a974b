"""A deadline recomputed to a new due date gets fresh notices for it; a notice about the old due
date still waiting for the worker is cancelled rather than sent."""

from __future__ import annotations

import datetime as dt

from casereview.accounts.models import User
from casereview.areas.models import Area
from casereview.cases.models import Deadline, DeadlineKind, DeadlineNotice, NoticeKind
from casereview.cases.sweep import sweep
from tests.cases.helpers import receive
from tests.smtp import Mailbox
from tests.tasks import run_tasks


def _move_acknowledgement(case_id: int, due_on: dt.date) -> None:
    """What ``recompute_deadlines`` does when a case's dates change: the same row, a new date."""
    Deadline.objects.filter(case_id=case_id, kind=DeadlineKind.ACKNOWLEDGE).update(due_on=due_on)


def test_a_new_due_date_is_reminded_about_afresh(
    before_christmas: None, area: Area, coordinator: User
) -> None:
    case = receive(area, coordinator)
    assert sweep(dt.date(2026, 12, 23)).reminders == 1

    _move_acknowledgement(case.pk, dt.date(2026, 12, 31))
    result = sweep(dt.date(2026, 12, 30))

    assert result.reminders == 1
    due_dates = DeadlineNotice.objects.filter(kind=NoticeKind.REMINDER).values_list(
        "due_on", flat=True
    )
    assert sorted(due_dates) == [dt.date(2026, 12, 24), dt.date(2026, 12, 31)]


def test_a_reminder_about_the_old_due_date_still_in_the_queue_is_cancelled(
    before_christmas: None, area: Area, coordinator: User, smtp_server: Mailbox
) -> None:
    case = receive(area, coordinator)
    sweep(dt.date(2026, 12, 23))

    _move_acknowledgement(case.pk, dt.date(2026, 12, 31))
    run_tasks()

    notice = DeadlineNotice.objects.get()
    assert notice.sent_at is None
    assert "recomputed" in notice.cancelled_reason
    assert not [m for m in smtp_server.messages if str(m["Subject"]).startswith("Reminder:")]
