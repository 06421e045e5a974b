"""Reads of a case's appeals for pages: always through the case, so a page sees only the appeals
of a case the caller may already see."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from casereview.appeals.models import Appeal, Ground
from casereview.appeals.services import appeal_window, open_appeal
from casereview.cases.models import Case, Deadline
from casereview.cases.workflow import Step, is_allowed


@dataclass(frozen=True)
class Window:
    """The window to appeal on one ground: from the letter appealed against to its last day."""

    ground: str
    label: str
    letter_on: date
    ends_on: date


def appeal_of(case: Case, appeal_id: int) -> Appeal | None:
    """The appeal ``appeal_id`` of ``case`` (None when it is another case's, or none)."""
    return case.appeals.filter(pk=appeal_id).select_related("lodged_by").first()


def open_windows(case: Case) -> list[Window]:
    """The grounds ``case`` can be appealed on now, each with its window (whether or not the
    window has ended: a late appeal can still be accepted with a reason)."""
    windows = []
    for ground in Ground:
        found = appeal_window(case, ground.value)
        if found is not None:
            windows.append(Window(ground.value, str(ground.label), found[0], found[1]))
    return windows


def can_lodge(case: Case) -> bool:
    """Whether an appeal could be recorded now: the case's status allows it, there is something
    to appeal against, and no appeal of the case is still waiting for its outcome."""
    return (
        is_allowed(Step.LODGE_APPEAL, case.status)
        and bool(open_windows(case))
        and open_appeal(case) is None
    )


def deadlines_of(case: Case, appeal: Appeal) -> list[Deadline]:
    return list(case.deadlines.filter(appeal=appeal).order_by("due_on", "pk"))
