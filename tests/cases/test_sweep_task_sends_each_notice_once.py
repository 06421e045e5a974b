"""The e-mail task is safe to run twice: a notice already sent is never sent again."""

from __future__ import annotations

import datetime as dt

from casereview.accounts.models import User
from casereview.areas.models import Area
from casereview.cases.models import DeadlineNotice
from casereview.cases.sweep import sweep
from casereview.cases.tasks import send_deadline_notice
from tests.cases.helpers import receive
from tests.smtp import Mailbox
from tests.tasks import run_tasks


def _reminders(mailbox: Mailbox) -> int:
    return sum(str(m["Subject"]).startswith("Reminder:") for m in mailbox.messages)


def test_a_duplicate_task_for_the_same_notice_sends_nothing_more(
    before_christmas: None, area: Area, coordinator: User, smtp_server: Mailbox
) -> None:
    receive(area, coordinator, spoc=coordinator)
    (notice_id,) = sweep(dt.date(2026, 12, 23)).notice_ids
    send_deadline_notice.enqueue(notice_id)

    run_tasks()

    assert _reminders(smtp_server) == 1
    assert DeadlineNotice.objects.get().sent_at is not None


def test_running_the_task_again_after_it_sent_reports_it_already_sent(
    before_christmas: None, area: Area, coordinator: User, smtp_server: Mailbox
) -> None:
    receive(area, coordinator, spoc=coordinator)
    (notice_id,) = sweep(dt.date(2026, 12, 23)).notice_ids

    first = send_deadline_notice.call(notice_id)
    second = send_deadline_notice.call(notice_id)

    assert (first, second) == ("sent", "already sent")
    assert _reminders(smtp_server) == 1


def test_a_task_for_a_notice_that_no_longer_exists_does_nothing(
    db: None, smtp_server: Mailbox
) -> None:
    assert send_deadline_notice.call(123456) == "gone"
    assert smtp_server.messages == []
