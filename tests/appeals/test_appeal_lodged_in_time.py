"""An appeal made within the policy's window is recorded beside the case without moving it, and
is due to be heard within 15 working days."""

from __future__ import annotations

import datetime as dt

import pytest

from casereview.accounts.models import User
from casereview.appeals.models import AppealStatus, Ground, ReviewerKind
from casereview.appeals.services import appeal_window, open_appeal
from casereview.areas.models import Area
from casereview.cases.models import DeadlineKind
from casereview.cases.workflow import Status, Step
from tests.appeals.helpers import due, lodge
from tests.letters.helpers import decided_not_met
from tests.reviews.helpers import later

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_march")]


def test_an_appeal_in_time_is_lodged_and_leaves_the_case_not_met(
    area: Area, coordinator: User
) -> None:
    case = decided_not_met(area, coordinator)

    with later(27) as day:
        appeal = lodge(case, coordinator)
    case.refresh_from_db()

    assert appeal.received_on == day == dt.date(2026, 4, 12)
    assert appeal.window_ends_on == dt.date(2026, 4, 13)
    assert appeal.is_late is False
    assert appeal.late_reason == ""
    assert appeal.status == AppealStatus.LODGED
    assert appeal.ground == Ground.THRESHOLD_DECISION
    assert case.status == Status.THRESHOLD_NOT_MET
    assert open_appeal(case) == appeal
    assert case.events.filter(step=Step.LODGE_APPEAL).get().data["late"] is False


def test_the_window_is_the_policys_days_from_the_decision(area: Area, coordinator: User) -> None:
    case = decided_not_met(area, coordinator)

    assert appeal_window(case, Ground.THRESHOLD_DECISION) == (
        dt.date(2026, 3, 16),
        dt.date(2026, 4, 13),
    )
    assert appeal_window(case, Ground.REVIEW_CONDUCT) is None


def test_the_reviewer_is_the_policys_unless_another_is_chosen(
    area: Area, coordinator: User
) -> None:
    case = decided_not_met(area, coordinator)

    appeal = lodge(case, coordinator)

    # The reference procedure: appeals go to a senior manager.
    assert appeal.reviewer_kind == ReviewerKind.SENIOR_MANAGER


def test_the_hearing_is_due_fifteen_working_days_after_receipt_skipping_easter(
    area: Area, coordinator: User
) -> None:
    case = decided_not_met(area, coordinator)

    appeal = lodge(case, coordinator, reviewer_kind=ReviewerKind.PCC_OFFICE)

    hearing = due(case, DeadlineKind.APPEAL_HEARING, appeal)
    # From Monday 16 March 2026: Good Friday (3 April) and Easter Monday (6 April) are skipped.
    assert hearing.due_on == dt.date(2026, 4, 8)
    assert hearing.met_on is None
    assert appeal.reviewer_kind == ReviewerKind.PCC_OFFICE
