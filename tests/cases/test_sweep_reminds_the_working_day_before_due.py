"""The sweep reminds staff the working day before a step is due, counting working days with the
area's bank holidays, and catches up when it did not run on that day."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
import time_machine
from pytest_django.fixtures import Settings

from casereview.accounts.models import User
from casereview.areas.models import Area
from casereview.cases.models import DeadlineKind, DeadlineNotice, NoticeKind
from casereview.cases.sweep import sweep
from tests.cases.helpers import at, receive
from tests.tasks import waiting_tasks

TUESDAY_29_DECEMBER = dt.date(2026, 12, 29)


@pytest.fixture
def received_tuesday_22_december(area: Area, coordinator: User) -> Iterator[None]:
    """An application received on Tuesday 22 December 2026: three working days later (23rd,
    24th, then over Christmas Day, the weekend and the Boxing Day substitute on Monday 28th)
    its acknowledgement is due on Tuesday 29 December."""
    with time_machine.travel(at(2026, 12, 22), tick=False):
        case = receive(area, coordinator, spoc=coordinator)
        assert case.deadlines.get(kind=DeadlineKind.ACKNOWLEDGE).due_on == TUESDAY_29_DECEMBER
        yield


def test_the_reminder_goes_on_christmas_eve_the_working_day_before_the_due_date(
    received_tuesday_22_december: None,
) -> None:
    result = sweep(dt.date(2026, 12, 24))

    assert (result.reminders, result.overdue_alerts) == (1, 0)
    notice = DeadlineNotice.objects.get()
    assert notice.kind == NoticeKind.REMINDER
    assert notice.deadline.kind == DeadlineKind.ACKNOWLEDGE
    assert notice.due_on == TUESDAY_29_DECEMBER
    assert waiting_tasks() == ["casereview.cases.tasks.send_deadline_notice"]


def test_no_reminder_two_working_days_before_the_due_date(
    received_tuesday_22_december: None,
) -> None:
    result = sweep(dt.date(2026, 12, 23))

    assert result.queued == 0
    assert not DeadlineNotice.objects.exists()
    assert waiting_tasks() == []


def test_a_sweep_that_missed_christmas_eve_reminds_on_the_bank_holiday_monday(
    received_tuesday_22_december: None,
) -> None:
    result = sweep(dt.date(2026, 12, 28))

    assert result.reminders == 1
    assert DeadlineNotice.objects.get().due_on == TUESDAY_29_DECEMBER


def test_a_reminder_not_sent_before_the_due_date_passed_is_replaced_by_the_overdue_alert(
    received_tuesday_22_december: None,
) -> None:
    result = sweep(dt.date(2026, 12, 30))

    assert (result.reminders, result.overdue_alerts) == (0, 1)
    assert DeadlineNotice.objects.get().kind == NoticeKind.OVERDUE


def test_a_wider_reminder_window_setting_reminds_earlier(
    received_tuesday_22_december: None, settings: Settings
) -> None:
    settings.SWEEP_REMINDER_WORKING_DAYS = 2

    assert sweep(dt.date(2026, 12, 23)).reminders == 1
