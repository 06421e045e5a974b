"""The database itself refuses a second notice for the same deadline, kind and due date, and a
sweep that loses that race (a parallel sweep claimed the notice first) queues nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import IntegrityError, transaction

from casereview.accounts.models import User
from casereview.areas.models import Area
from casereview.cases.models import DeadlineKind, DeadlineNotice, NoticeKind
from casereview.cases.sweep import claim_notice
from tests.cases.helpers import receive
from tests.tasks import waiting_tasks


def test_the_constraint_refuses_a_duplicate_notice(
    before_christmas: None, area: Area, coordinator: User
) -> None:
    deadline = receive(area, coordinator).deadlines.get(kind=DeadlineKind.ACKNOWLEDGE)
    DeadlineNotice.objects.create(
        deadline=deadline, kind=NoticeKind.REMINDER, due_on=deadline.due_on
    )

    with pytest.raises(IntegrityError), transaction.atomic():
        DeadlineNotice.objects.create(
            deadline=deadline, kind=NoticeKind.REMINDER, due_on=deadline.due_on
        )
    assert DeadlineNotice.objects.count() == 1


def test_the_same_deadline_may_have_a_reminder_an_alert_and_notices_for_another_due_date(
    before_christmas: None, area: Area, coordinator: User
) -> None:
    deadline = receive(area, coordinator).deadlines.get(kind=DeadlineKind.ACKNOWLEDGE)

    for kind, due_on in [
        (NoticeKind.REMINDER, deadline.due_on),
        (NoticeKind.OVERDUE, deadline.due_on),
        (NoticeKind.REMINDER, deadline.due_on + dt.timedelta(days=1)),
    ]:
        DeadlineNotice.objects.create(deadline=deadline, kind=kind, due_on=due_on)

    assert DeadlineNotice.objects.count() == 3


def test_a_sweep_that_loses_the_race_queues_no_e_mail(
    before_christmas: None, area: Area, coordinator: User
) -> None:
    deadline = receive(area, coordinator).deadlines.get(kind=DeadlineKind.ACKNOWLEDGE)
    assert claim_notice(deadline, NoticeKind.REMINDER) is not None

    # A second sweep that read "no notice yet" before the first one committed.
    assert claim_notice(deadline, NoticeKind.REMINDER) is None

    assert DeadlineNotice.objects.count() == 1
    assert waiting_tasks() == ["casereview.cases.tasks.send_deadline_notice"]
