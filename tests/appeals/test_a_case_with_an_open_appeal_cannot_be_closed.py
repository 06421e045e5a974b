"""A case cannot be closed while one of its appeals waits for its outcome."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from casereview.accounts.models import User
from casereview.appeals.services import appeal_send_outcome
from casereview.areas.models import Area
from casereview.cases.services import case_close
from casereview.cases.workflow import Status
from tests.appeals.helpers import hear, lodge
from tests.letters.helpers import decided_not_met
from tests.reviews.helpers import later

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_march")]


def test_closing_is_refused_while_the_appeal_is_open(area: Area, coordinator: User) -> None:
    case = decided_not_met(area, coordinator)
    appeal = hear(lodge(case, coordinator), coordinator)

    # After the window to appeal has closed, so that only the appeal stands in the way.
    with later(40), pytest.raises(ValidationError) as refused:
        case_close(case, by=coordinator, reason="Nothing more to do.")

    assert refused.value.message_dict["reason"] == [
        "An appeal of this case has not been concluded: send its outcome first."
    ]
    appeal.refresh_from_db()
    case.refresh_from_db()
    assert case.status == Status.THRESHOLD_NOT_MET


def test_once_the_outcome_is_sent_the_case_can_be_closed(area: Area, coordinator: User) -> None:
    case = decided_not_met(area, coordinator)
    appeal_send_outcome(hear(lodge(case, coordinator), coordinator), by=coordinator)

    with later(40):
        case = case_close(case, by=coordinator, reason="The appeal was not upheld.")

    assert case.status == Status.CLOSED
