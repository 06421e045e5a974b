"""A new application from a victim with an earlier case: refused while that case is open,
a repeat needing a material change after a decision, and a vexatious repeat can be declined."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from casereview.cases.selectors import earlier_cases_of, earlier_cases_of_victim
from casereview.cases.services import (
    case_decide_threshold,
    case_decline_repeat,
    case_withdraw,
)
from casereview.cases.workflow import IllegalStep, Status
from tests.cases.helpers import close_after_window, gathering, receive, victim

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("before_christmas")]


def decided_not_met(area, by):
    """An earlier case decided as not meeting the threshold, then closed."""
    case = gathering(area, by)
    case = case_decide_threshold(
        case, by=by, on=case.received_on, route="threshold", met=False, reasons="No complaints."
    )
    return close_after_window(case, by, "No review was asked for.")


def test_earlier_cases_are_found_by_name_and_postcode_ignoring_case_and_spaces(area, coordinator):
    earlier = receive(area, coordinator, victim=victim("Sam Victim", email="", phone=""))

    found = earlier_cases_of_victim(area, name="  sam   VICTIM ", postcode="sg14 1ab")

    assert list(found) == [earlier]


def test_earlier_cases_are_found_by_email_or_phone(area, coordinator):
    earlier = receive(area, coordinator)

    assert list(earlier_cases_of_victim(area, email="SAM@example.test")) == [earlier]
    assert list(earlier_cases_of_victim(area, phone="+44 7700 900123")) == [earlier]
    assert (
        list(earlier_cases_of_victim(area, name="Sam Victim")) == []
    )  # a name alone is not enough


def test_earlier_cases_of_a_case_leave_out_the_case_itself(area, coordinator):
    case = receive(area, coordinator)

    assert list(earlier_cases_of(case)) == []


def test_a_new_application_is_refused_while_an_earlier_case_is_open(area, coordinator):
    earlier = receive(area, coordinator)

    with pytest.raises(ValidationError) as refused:
        receive(area, coordinator, victim=victim(postcode="", phone=""))

    assert refused.value.message_dict["repeat_of"] == [
        f"This victim's earlier case {earlier.reference} is still open: a new application is "
        "not started while its actions are pending."
    ]


def test_a_decided_case_still_open_blocks_a_new_application(area, coordinator):
    earlier = gathering(area, coordinator)
    case_decide_threshold(
        earlier, by=coordinator, on=earlier.received_on, route="threshold", met=False, reasons="-"
    )

    with pytest.raises(ValidationError) as refused:
        receive(area, coordinator, material_change="Worse since.")

    assert list(refused.value.message_dict) == ["repeat_of"]


def test_after_a_decision_a_new_application_needs_a_material_change(area, coordinator):
    earlier = decided_not_met(area, coordinator)

    with pytest.raises(ValidationError) as refused:
        receive(area, coordinator)

    assert list(refused.value.message_dict) == ["material_change"]
    assert refused.value.message_dict["material_change"] == [
        f"This victim's case {earlier.reference} was decided before: describe the material "
        "change in circumstances since then."
    ]


def test_a_repeat_with_a_material_change_is_received_and_linked(area, coordinator):
    earlier = decided_not_met(area, coordinator)

    repeat = receive(area, coordinator, material_change="The neighbour now has a dog that attacks.")

    assert repeat.repeat_of == earlier
    assert repeat.status == Status.RECEIVED
    assert repeat.events.get().data["earlier_cases"] == [earlier.reference]


def test_an_earlier_case_withdrawn_before_a_decision_does_not_make_a_repeat(area, coordinator):
    earlier = receive(area, coordinator)
    case_withdraw(earlier, by=coordinator, reason="Moved away.")

    again = receive(area, coordinator)

    assert again.repeat_of is None


def test_a_different_person_with_the_same_details_can_be_set_aside(area, coordinator):
    namesake = receive(area, coordinator)

    case = receive(area, coordinator, different_victim_from=[namesake])

    assert case.status == Status.RECEIVED
    assert case.events.get().data["different_victim_from"] == [namesake.reference]


def test_a_vexatious_repeat_is_declined_with_reasons(area, coordinator):
    decided_not_met(area, coordinator)
    repeat = receive(area, coordinator, material_change="Nothing new, the same letter again.")

    declined = case_decline_repeat(
        repeat, by=coordinator, reasons="The fourth identical application this year."
    )

    assert declined.status == Status.DECLINED
    assert declined.declined_reasons == "The fourth identical application this year."
    assert not declined.deadlines.exists()


def test_only_a_repeat_can_be_declined(area, coordinator):
    first = receive(area, coordinator)

    with pytest.raises(ValidationError) as refused:
        case_decline_repeat(first, by=coordinator, reasons="Vexatious.")

    assert "repeat_of" in refused.value.message_dict


def test_a_declined_case_cannot_be_acknowledged(area, coordinator):
    from casereview.cases.services import case_acknowledge

    decided_not_met(area, coordinator)
    repeat = receive(area, coordinator, material_change="Same again.")
    declined = case_decline_repeat(repeat, by=coordinator, reasons="Vexatious.")

    with pytest.raises(
        IllegalStep, match="declined as a repeat application cannot be acknowledged"
    ):
        case_acknowledge(declined, by=coordinator, on=declined.received_on)
