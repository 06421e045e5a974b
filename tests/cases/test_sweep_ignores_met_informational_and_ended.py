"""Only duties still to be done are chased: met deadlines, the victim's own windows
(informational deadlines) and the deadlines of ended cases get no reminder and no alert."""

from __future__ import annotations

import datetime as dt

from casereview.accounts.models import User
from casereview.areas.models import Area
from casereview.cases.models import Case, Deadline, DeadlineKind, DeadlineNotice
from casereview.cases.services import case_acknowledge, case_decide_threshold, case_withdraw
from casereview.cases.sweep import sweep
from casereview.cases.workflow import Status
from tests.cases.helpers import receive


def test_a_met_deadline_is_neither_reminded_about_nor_overdue(
    before_christmas: None, area: Area, coordinator: User
) -> None:
    case = receive(area, coordinator)
    case_acknowledge(case, by=coordinator, on=dt.date(2026, 12, 21))

    assert sweep(dt.date(2026, 12, 23)).queued == 0
    assert sweep(dt.date(2026, 12, 29)).queued == 0
    assert not DeadlineNotice.objects.exists()


def test_the_victims_window_to_ask_for_a_review_is_never_chased(
    before_christmas: None, area: Area, coordinator: User
) -> None:
    case = receive(area, coordinator)
    case = case_acknowledge(case, by=coordinator, on=dt.date(2026, 12, 21))
    case_decide_threshold(
        case,
        by=coordinator,
        on=dt.date(2026, 12, 21),
        route="threshold",
        met=False,
        reasons="No complaints were confirmed by any relevant body.",
    )
    window = Deadline.objects.get(case=case, kind=DeadlineKind.REVIEW_REQUEST)
    assert window.informational

    for day in (window.due_on - dt.timedelta(days=1), window.due_on + dt.timedelta(days=1)):
        assert sweep(day).queued == 0
    assert not DeadlineNotice.objects.exists()


def test_a_withdrawn_case_is_not_chased(
    before_christmas: None, area: Area, coordinator: User
) -> None:
    case = receive(area, coordinator)
    case_withdraw(case, by=coordinator, reason="The victim has moved away.")

    assert sweep(dt.date(2026, 12, 29)).queued == 0
    assert not DeadlineNotice.objects.exists()


def test_an_ended_case_is_not_chased_even_with_an_open_deadline_left_over(
    before_christmas: None, area: Area, coordinator: User
) -> None:
    case = receive(area, coordinator)
    # Rows as an older version of the service might have left them.
    Case.objects.filter(pk=case.pk).update(status=Status.CLOSED)
    assert Deadline.objects.filter(case=case, met_on__isnull=True).exists()

    assert sweep(dt.date(2026, 12, 29)).queued == 0
    assert not DeadlineNotice.objects.exists()
