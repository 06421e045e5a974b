"""Steps the applicant takes for themselves online are recorded as theirs, not the system's."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from casereview.cases.services import case_withdraw
from casereview.cases.workflow import Step, by_applicant
from tests.cases.helpers import receive

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("before_christmas")]


def test_a_step_inside_by_applicant_is_marked_as_the_applicants(area):
    case = receive(area, None)

    with by_applicant():
        case = case_withdraw(case, by=None, reason="It has stopped.")

    event = case.events.latest("pk")
    assert event.step == Step.WITHDRAW
    assert event.by is None
    assert event.data["by_applicant"] is True


def test_steps_outside_the_block_are_not_marked(area):
    with by_applicant():
        pass

    case = receive(area, None)

    assert "by_applicant" not in case.events.latest("pk").data


def test_the_mark_is_cleared_even_when_the_step_fails(area):
    case = receive(area, None)

    with pytest.raises(ValidationError), by_applicant():
        case_withdraw(case, by=None, reason="")
    case = case_withdraw(case, by=None, reason="Moved house.")

    assert "by_applicant" not in case.events.latest("pk").data


def test_the_case_history_names_the_applicant_online(area, coordinator, staff_client):
    case = receive(area, coordinator)
    with by_applicant():
        case_withdraw(case, by=None, reason="It has stopped.")

    page = staff_client(coordinator).get(f"/staff/cases/{case.reference}/")

    assert "The applicant, online" in page.content.decode()
