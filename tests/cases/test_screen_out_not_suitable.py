"""Applications the procedure does not review are recorded and screened out, with signposting."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from casereview.cases.models import Case
from casereview.cases.workflow import Status, Step
from casereview.rules import STATUTORY_DEFAULTS
from tests.cases.helpers import receive, victim
from tests.factories import make_area, make_policy

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("before_christmas")]

SIGNPOSTING = "The Independent Office for Police Conduct handles complaints about an officer."


def test_a_complaint_about_one_officer_is_screened_out_with_signposting(area, coordinator):
    case = receive(
        area, coordinator, not_suitable_reason="officer_conduct", signposting=SIGNPOSTING
    )

    assert case.status == Status.NOT_SUITABLE
    assert case.signposting == SIGNPOSTING
    assert [e.step for e in case.events.all()] == [Step.RECEIVE, Step.SCREEN_OUT]
    assert case.events.latest("pk").note == SIGNPOSTING


def test_a_screened_out_case_has_no_deadlines_left_to_meet(area, coordinator):
    case = receive(area, coordinator, not_suitable_reason="court_decision", signposting="Appeal.")

    assert not case.deadlines.exists()


def test_an_anonymous_applicant_is_screened_out_without_a_name(area, coordinator):
    case = receive(
        area,
        coordinator,
        victim=victim(name="", email="", phone="", postcode=""),
        not_suitable_reason="anonymous_applicant",
        signposting="Report to the police on 101; anonymous reports are welcome there.",
    )

    assert case.status == Status.NOT_SUITABLE
    assert case.victim_name == ""


def test_screening_out_needs_signposting(area, coordinator):
    with pytest.raises(ValidationError) as refused:
        receive(area, coordinator, not_suitable_reason="cps_decision", signposting=" ")

    assert list(refused.value.message_dict) == ["signposting"]
    assert not Case.objects.exists()


def test_a_reason_the_local_policy_does_not_list_is_refused(coordinator):
    plain = make_area("Plainshire")
    make_policy(plain, STATUTORY_DEFAULTS)  # lists no exclusions

    with pytest.raises(ValidationError) as refused:
        receive(plain, None, not_suitable_reason="cps_decision", signposting="CPS review scheme.")

    assert refused.value.message_dict["not_suitable_reason"] == [
        "The local policy of Plainshire does not list this as not suitable."
    ]


def test_an_unknown_reason_is_refused(area, coordinator):
    with pytest.raises(ValidationError) as refused:
        receive(area, coordinator, not_suitable_reason="bad_weather", signposting="Umbrella.")

    assert "not_suitable_reason" in refused.value.message_dict
