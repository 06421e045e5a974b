"""A reminder really arrives: the sweep queues it, the worker sends it through Django's SMTP
backend to a real SMTP server, and it says what is due, when, why then, and where the case is."""

from __future__ import annotations

import datetime as dt

import time_machine
from django.conf import settings

from casereview.accounts.models import User
from casereview.areas.models import Area
from casereview.cases.models import DeadlineNotice
from casereview.cases.sweep import sweep
from tests.cases.helpers import at, receive
from tests.smtp import Mailbox
from tests.tasks import run_tasks


def _notices(mailbox: Mailbox, prefix: str) -> list[tuple[str, str, list[str]]]:
    """(subject, body, envelope recipients) of the messages whose subject starts with prefix;
    letters of other steps may travel through the same server."""
    return [
        (str(message["Subject"]), message.get_content(), recipients)
        for message, recipients in zip(mailbox.messages, mailbox.recipients, strict=True)
        if str(message["Subject"]).startswith(prefix)
    ]


def test_the_reminder_arrives_with_the_step_the_due_date_its_working_and_the_case_link(
    area: Area, coordinator: User, smtp_server: Mailbox
) -> None:
    with time_machine.travel(at(2026, 12, 22), tick=False):
        case = receive(area, coordinator, spoc=coordinator)
    with time_machine.travel(at(2026, 12, 24, hour=6), tick=False):
        sweep(dt.date(2026, 12, 24))
        run_tasks()

    ((subject, body, recipients),) = _notices(smtp_server, "Reminder:")
    assert recipients == [coordinator.email]
    assert case.reference in subject
    assert "Tuesday 29 December 2026" in subject
    assert "Acknowledge the application" in body
    assert "Due: Tuesday 29 December 2026 (3 working days)" in body
    assert "- Skipped Friday 25 December 2026: Christmas Day (bank holiday)." in body
    assert "- Skipped Monday 28 December 2026:" in body
    case_url = f"{settings.SITE_URL.rstrip('/')}/staff/cases/{case.reference}/"
    assert case_url in body
    assert case.victim_name not in body
    assert DeadlineNotice.objects.get().sent_at is not None


def test_the_overdue_alert_arrives_saying_the_step_is_overdue(
    area: Area, coordinator: User, smtp_server: Mailbox
) -> None:
    with time_machine.travel(at(2026, 12, 22), tick=False):
        case = receive(area, coordinator, spoc=coordinator)
    with time_machine.travel(at(2026, 12, 30, hour=6), tick=False):
        sweep(dt.date(2026, 12, 30))
        run_tasks()

    ((subject, body, recipients),) = _notices(smtp_server, "Overdue:")
    assert recipients == [coordinator.email]
    assert subject.startswith(f"Overdue: {case.reference}: Acknowledge the application")
    assert "is overdue: it was due on Tuesday 29 December 2026" in body
