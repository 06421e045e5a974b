"""Actions are monitored to completion: the owner agency is reminded before an action is due and
alerted once it is overdue, over real SMTP; a done action is left alone."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.utils import timezone

from casereview.areas.models import Agency
from casereview.cases.sweep import sweep
from casereview.reviews.models import ActionStatus
from casereview.reviews.services import review_update_action
from tests.cases.helpers import at
from tests.reviews.helpers import HIDDEN_ACTION, consulting
from tests.smtp import Mailbox
from tests.tasks import run_tasks

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("before_christmas")]


def owner_mail(mailbox: Mailbox, reference: str) -> list[tuple[str, str, list[str]]]:
    return [
        (str(message["Subject"]), message.get_content(), recipients)
        for message, recipients in zip(mailbox.messages, mailbox.recipients, strict=True)
        if str(message["Subject"]).startswith(f"ASB Case Review {reference}: your action")
    ]


@pytest.fixture
def case(area, coordinator):
    Agency.objects.filter(pk=area.police_force_id).update(email="asb@police.example")
    Agency.objects.filter(pk=area.council_id).update(email="asb@council.example")
    # Held on Monday 21 December 2026: the police action is due Monday 4 January 2027, the
    # council's on Monday 11 January.
    return consulting(area, coordinator, spoc=coordinator)


def test_the_owner_is_reminded_the_working_day_before_and_alerted_when_overdue(
    case, smtp_server: Mailbox
):
    # Thursday 31 December: New Year's Day and the weekend lie between it and the due date.
    with time_machine.travel(at(2026, 12, 31, hour=6), tick=False):
        sweep(dt.date(2026, 12, 31))
        run_tasks()
    with time_machine.travel(at(2027, 1, 5, hour=6), tick=False):
        sweep(dt.date(2027, 1, 5))
        run_tasks()

    reminder, alert = owner_mail(smtp_server, case.reference)
    assert (
        reminder[0]
        == f"ASB Case Review {case.reference}: your action is due on Monday 4 January 2027"
    )
    assert reminder[2] == ["asb@police.example"]
    assert HIDDEN_ACTION in reminder[1]
    assert case.victim_name not in reminder[1]
    assert (
        alert[0]
        == f"ASB Case Review {case.reference}: your action was due on Monday 4 January 2027"
    )
    assert "is not recorded as done" in alert[1]


def test_a_done_action_is_not_chased(case, coordinator, smtp_server: Mailbox):
    police_action = case.meetings.get().actions.get(owner=case.area.police_force)
    review_update_action(
        case,
        police_action,
        by=coordinator,
        status=ActionStatus.DONE,
        completed_on=timezone.localdate(),
    )

    with time_machine.travel(at(2027, 1, 5, hour=6), tick=False):
        sweep(dt.date(2027, 1, 5))
        run_tasks()

    assert owner_mail(smtp_server, case.reference) == []
