"""Appeals in tests, built through the real service functions on the day the test's clock says."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from casereview.accounts.models import User
from casereview.appeals.models import Appeal, Ground, Outcome
from casereview.appeals.services import appeal_hear, appeal_lodge
from casereview.cases.models import Case, Deadline


def lodge(
    case: Case,
    by: User,
    ground: str = Ground.THRESHOLD_DECISION,
    received_on: dt.date | None = None,
    **extra: Any,
) -> Appeal:
    """The victim's appeal, received today unless told otherwise."""
    extra.setdefault("what_the_victim_says", "The agencies did not look at my diary.")
    return appeal_lodge(
        case,
        by=by,
        ground=ground,
        received_on=received_on or timezone.localdate(),
        **extra,
    )


def hear(
    appeal: Appeal, by: User, outcome: str = Outcome.NOT_UPHELD, heard_on: dt.date | None = None
) -> Appeal:
    """The appeal heard today (unless told otherwise) with reasons."""
    return appeal_hear(
        appeal,
        by=by,
        heard_on=heard_on or timezone.localdate(),
        outcome=outcome,
        reasons="The reviewer read the diary and the agencies' records.",
        reviewer_name="Morgan Senior",
    )


def due(case: Case, kind: str, appeal: Appeal | None = None) -> Deadline:
    """The one deadline of ``kind`` (of ``appeal``, when given) of ``case``."""
    return case.deadlines.get(kind=kind, appeal=appeal, action=None, information_request=None)
