"""Each case has a single point of contact, a coordinator of its area."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from casereview.accounts.models import Role
from casereview.cases.services import case_assign_spoc
from casereview.cases.workflow import Status, Step
from tests.cases.helpers import receive
from tests.factories import make_user

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("before_christmas")]


def test_a_coordinator_becomes_the_cases_spoc(area, coordinator):
    colleague = make_user("second@eastherts.test", Role.COORDINATOR, area)
    case = receive(area, coordinator, spoc=coordinator)

    case = case_assign_spoc(case, by=coordinator, spoc=colleague)

    assert case.spoc == colleague
    assert case.status == Status.RECEIVED
    event = case.events.latest("pk")
    assert (event.step, event.data) == (Step.ASSIGN_SPOC, {"spoc": "second@eastherts.test"})


def test_assigning_the_same_spoc_again_changes_nothing(area, coordinator):
    case = receive(area, coordinator, spoc=coordinator)

    case_assign_spoc(case, by=coordinator, spoc=coordinator)

    assert case.events.count() == 1


def test_someone_who_is_not_a_coordinator_of_the_area_cannot_be_spoc(area, coordinator, outsider):
    case = receive(area, coordinator)

    with pytest.raises(ValidationError) as refused:
        case_assign_spoc(case, by=coordinator, spoc=outsider)

    assert refused.value.message_dict["spoc"] == [
        "The single point of contact must be a coordinator of East Hertfordshire."
    ]
