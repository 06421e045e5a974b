"""An e-mail that has not gone some time after it was queued (the mail server was down, no
worker ran) is queued again by a later sweep, a limited number of times, and still sent once."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone
from pytest_django.fixtures import Settings

from casereview.accounts.models import User
from casereview.areas.models import Area
from casereview.cases.models import DeadlineNotice
from casereview.cases.sweep import sweep
from tests.cases.helpers import receive
from tests.smtp import Mailbox
from tests.tasks import run_tasks, waiting_tasks

DAY = dt.date(2026, 12, 23)


@pytest.fixture
def reminder_queued(before_christmas: None, area: Area, coordinator: User) -> DeadlineNotice:
    receive(area, coordinator)
    assert sweep(DAY).reminders == 1
    return DeadlineNotice.objects.get()


def test_an_unsent_notice_is_queued_again_after_the_retry_interval(
    reminder_queued: DeadlineNotice,
) -> None:
    soon = sweep(DAY, now=timezone.now() + dt.timedelta(minutes=30))
    later = sweep(DAY, now=timezone.now() + dt.timedelta(minutes=61))

    assert soon.requeued == 0
    assert later.requeued == 1
    assert later.summary().endswith("; 1 unsent notice queued again.")
    reminder_queued.refresh_from_db()
    assert reminder_queued.times_queued == 2
    assert len(waiting_tasks()) == 2


def test_a_notice_is_queued_again_only_up_to_the_limit(
    reminder_queued: DeadlineNotice, settings: Settings
) -> None:
    settings.SWEEP_MAX_TIMES_QUEUED = 3
    hours = [timezone.now() + dt.timedelta(hours=2 * n) for n in range(1, 6)]

    requeued = [sweep(DAY, now=moment).requeued for moment in hours]

    assert requeued == [1, 1, 0, 0, 0]
    reminder_queued.refresh_from_db()
    assert reminder_queued.times_queued == 3


def test_a_notice_queued_twice_is_still_sent_once(
    reminder_queued: DeadlineNotice, smtp_server: Mailbox
) -> None:
    sweep(DAY, now=timezone.now() + dt.timedelta(hours=2))

    run_tasks()

    assert sum(str(m["Subject"]).startswith("Reminder:") for m in smtp_server.messages) == 1
    assert sweep(DAY, now=timezone.now() + dt.timedelta(hours=4)).requeued == 0
