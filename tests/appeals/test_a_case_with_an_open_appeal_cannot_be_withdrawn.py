"""Withdrawing a case would strand its open appeal (no hearing can be recorded on a withdrawn
case), so the appeal's outcome comes first."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from casereview.appeals.models import Ground
from casereview.appeals.services import appeal_lodge
from casereview.cases.services import case_withdraw
from casereview.cases.workflow import Status
from tests.letters.helpers import decided_not_met

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("before_christmas")]


def test_a_case_with_an_open_appeal_cannot_be_withdrawn(area, coordinator):
    case = decided_not_met(area, coordinator)
    appeal_lodge(
        case,
        by=coordinator,
        ground=Ground.THRESHOLD_DECISION,
        received_on=timezone.localdate(),
        what_the_victim_says="My reports to the housing association were not counted.",
    )

    with pytest.raises(ValidationError) as refused:
        case_withdraw(case, by=coordinator, reason="Moved away.")

    assert refused.value.message_dict["reason"] == [
        "An appeal of this case is open. Record its outcome and send it before the case is "
        "withdrawn."
    ]
    case.refresh_from_db()
    assert case.status == Status.THRESHOLD_NOT_MET
