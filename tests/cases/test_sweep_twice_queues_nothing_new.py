"""Running the sweep twice (or any number of times) on a day queues each notice once."""

from __future__ import annotations

import datetime as dt

from casereview.accounts.models import User
from casereview.areas.models import Area
from casereview.cases.models import DeadlineNotice
from casereview.cases.sweep import sweep
from tests.cases.helpers import receive, victim
from tests.tasks import waiting_tasks


def test_the_second_sweep_of_the_day_finds_every_notice_already_queued(
    before_christmas: None, area: Area, coordinator: User
) -> None:
    receive(area, coordinator)
    receive(
        area,
        coordinator,
        victim=victim(
            "Jo Neighbour", postcode="SG13 7AA", email="jo@example.test", phone="07700 900456"
        ),
    )

    first = sweep(dt.date(2026, 12, 23))
    second = sweep(dt.date(2026, 12, 23))

    assert (first.reminders, first.already_sent) == (2, 0)
    assert (second.reminders, second.overdue_alerts, second.already_sent) == (0, 0, 2)
    assert DeadlineNotice.objects.count() == 2
    assert len(waiting_tasks()) == 2
