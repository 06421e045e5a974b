"""Sending the victim the appeal's outcome concludes the appeal, and meets its deadline."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from casereview.accounts.models import User
from casereview.appeals.models import AppealStatus, Outcome
from casereview.appeals.services import appeal_send_outcome, open_appeal
from casereview.areas.models import Area
from casereview.cases.models import DeadlineKind
from casereview.cases.workflow import Status, Step
from tests.appeals.helpers import due, hear, lodge
from tests.letters.helpers import decided_not_met
from tests.reviews.helpers import later

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("before_christmas")]


def test_the_outcome_letter_concludes_the_appeal(area: Area, coordinator: User) -> None:
    case = decided_not_met(area, coordinator)
    appeal = hear(lodge(case, coordinator), coordinator, Outcome.NOT_UPHELD)

    with later(2) as day:
        appeal = appeal_send_outcome(appeal, by=coordinator)

    assert appeal.status == AppealStatus.CONCLUDED
    assert appeal.outcome_sent_on == day
    assert open_appeal(case) is None
    assert due(case, DeadlineKind.APPEAL_OUTCOME, appeal).met_on == day
    assert case.events.filter(step=Step.SEND_APPEAL_OUTCOME).count() == 1
    case.refresh_from_db()
    assert case.status == Status.THRESHOLD_NOT_MET


def test_the_outcome_cannot_be_sent_before_the_hearing(area: Area, coordinator: User) -> None:
    case = decided_not_met(area, coordinator)
    appeal = lodge(case, coordinator)

    with pytest.raises(ValidationError) as refused:
        appeal_send_outcome(appeal, by=coordinator)

    assert refused.value.messages == ["Record the appeal's hearing before sending its outcome."]
    appeal.refresh_from_db()
    assert appeal.status == AppealStatus.LODGED


def test_sending_it_twice_changes_nothing(area: Area, coordinator: User) -> None:
    case = decided_not_met(area, coordinator)
    appeal = appeal_send_outcome(hear(lodge(case, coordinator), coordinator), by=coordinator)

    with later(3):
        again = appeal_send_outcome(appeal, by=coordinator)

    assert again.outcome_sent_on == dt.date(2026, 12, 21)
    assert case.events.filter(step=Step.SEND_APPEAL_OUTCOME).count() == 1
