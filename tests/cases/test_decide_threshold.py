"""Deciding the threshold: the rules engine evaluates the confirmed complaints under the case's
policy version, and the decision, its route, factors and reasons are recorded with the result."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from django.core.exceptions import ValidationError

from casereview.areas.models import AgencyKind
from casereview.cases.models import DeadlineKind, DecisionRoute
from casereview.cases.services import (
    Factors,
    SeniorManagerDecision,
    case_decide_threshold,
    case_record_victim_contact,
)
from casereview.cases.workflow import IllegalStep, Status, Step
from casereview.rules import REFERENCE_PROCEDURE
from tests.cases.helpers import agency_of, confirm, gathering, stated
from tests.factories import make_policy

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("before_christmas")]

DAY = dt.date(2026, 12, 21)
THREE_SEPARATE = [
    (dt.date(2026, 12, 1), dt.date(2026, 12, 1), "A"),
    (dt.date(2026, 12, 8), dt.date(2026, 12, 8), "B"),
    (dt.date(2026, 12, 15), dt.date(2026, 12, 16), "C"),
]
TWO_THE_SAME = [*THREE_SEPARATE[:2], (dt.date(2026, 12, 8), dt.date(2026, 12, 9), "B")]


def decide(case, by, *, met, route="threshold", **extra):
    extra.setdefault("reasons", "Explained in plain English.")
    return case_decide_threshold(case, by=by, on=DAY, route=route, met=met, **extra)


def test_three_complaints_of_which_two_are_one_incident_do_not_meet_the_threshold(
    area, coordinator
):
    case = gathering(area, coordinator)
    confirm(case, coordinator, TWO_THE_SAME)

    case = decide(case, coordinator, met=False, factors=Factors(persistence="Weekly since May."))

    assert case.status == Status.THRESHOLD_NOT_MET
    assert case.threshold_met is False
    assert case.decided_on == DAY
    assert case.decided_by == coordinator
    assert case.persistence_notes == "Weekly since May."
    result = case.threshold_result
    assert (result["qualifying_count"], result["threshold"]) == (2, 3)
    assert [c["counted"] for c in result["complaints"]] == [True, True, False]
    assert result["complaints"][2]["reasons"] == ["duplicate"]
    assert result["policy_version"] == 1
    event = case.events.latest("pk")
    assert event.step == Step.DECIDE_THRESHOLD_NOT_MET
    assert event.note == "Explained in plain English."


def test_met_through_the_threshold_is_refused_when_the_engine_says_not_met(area, coordinator):
    case = gathering(area, coordinator)
    confirm(case, coordinator, TWO_THE_SAME)

    with pytest.raises(ValidationError) as refused:
        decide(case, coordinator, met=True)

    assert refused.value.message_dict["met"] == [
        "2 qualifying complaints against a threshold of 3: the threshold is not met. Record the "
        "decision as not met, or use another route the local policy provides."
    ]
    case.refresh_from_db()
    assert case.status == Status.GATHERING_INFORMATION


def test_three_separate_incidents_meet_the_threshold(area, coordinator):
    case = gathering(area, coordinator)
    confirm(case, coordinator, THREE_SEPARATE)

    case = decide(case, coordinator, met=True)

    assert case.status == Status.THRESHOLD_MET
    assert case.threshold_result["qualifying_count"] == 3
    assert case.decision_route == DecisionRoute.THRESHOLD


def test_not_met_is_refused_when_the_engine_says_met(area, coordinator):
    case = gathering(area, coordinator)
    confirm(case, coordinator, THREE_SEPARATE)

    with pytest.raises(ValidationError) as refused:
        decide(case, coordinator, met=False)

    assert "a review must be carried out" in refused.value.message_dict["met"][0]


def test_complaints_only_stated_by_the_applicant_do_not_count(area, coordinator):
    police = agency_of(area, AgencyKind.POLICE)
    case = gathering(
        area,
        coordinator,
        complaints=[stated(police, day) for day, _reported, _key in THREE_SEPARATE],
    )

    case = decide(case, coordinator, met=False)

    result = case.threshold_result
    assert result["qualifying_count"] == 0
    assert len(result["unconfirmed_complaints"]) == 3
    assert result["if_all_confirmed"] == {"threshold_met": True, "qualifying_count": 3}


def test_a_senior_manager_may_decide_a_review_for_a_vulnerable_victim(area, coordinator):
    case = gathering(area, coordinator)

    case = decide(
        case,
        coordinator,
        met=True,
        route=DecisionRoute.SENIOR_MANAGER_VULNERABLE_VICTIM,
        senior_manager=SeniorManagerDecision(
            name="Dana Director",
            decided_on=dt.date(2026, 12, 21),
            reasons="Victim is 92 and alone.",
        ),
    )

    assert case.status == Status.THRESHOLD_MET
    assert case.senior_manager_name == "Dana Director"
    assert case.senior_manager_decided_on == dt.date(2026, 12, 21)
    assert case.senior_manager_reasons == "Victim is 92 and alone."
    assert case.threshold_result["threshold_met"] is False  # the engine's view is kept


def test_the_senior_managers_route_needs_who_when_and_why(area, coordinator):
    case = gathering(area, coordinator)

    with pytest.raises(ValidationError) as refused:
        decide(case, coordinator, met=True, route=DecisionRoute.SENIOR_MANAGER_VULNERABLE_VICTIM)

    assert list(refused.value.message_dict) == ["senior_manager"]


def test_a_route_the_policy_does_not_provide_is_refused(area, coordinator):
    case = gathering(area, coordinator)

    with pytest.raises(ValidationError) as refused:
        decide(case, coordinator, met=True, route=DecisionRoute.PARTNER_INITIATED)

    assert refused.value.message_dict["route"] == [
        "The local policy of this case does not provide this route."
    ]


def test_another_route_cannot_decide_not_met(area, coordinator):
    case = gathering(area, coordinator)

    with pytest.raises(ValidationError) as refused:
        decide(
            case,
            coordinator,
            met=False,
            route=DecisionRoute.SENIOR_MANAGER_VULNERABLE_VICTIM,
            senior_manager=SeniorManagerDecision("Dana Director", DAY, "No."),
        )

    assert "met" in refused.value.message_dict


def test_a_decision_needs_reasons(area, coordinator):
    case = gathering(area, coordinator)

    with pytest.raises(ValidationError) as refused:
        decide(case, coordinator, met=False, reasons="  ")

    assert list(refused.value.message_dict) == ["reasons"]


def test_a_decided_case_cannot_be_decided_again(area, coordinator):
    case = decide(gathering(area, coordinator), coordinator, met=False)

    with pytest.raises(IllegalStep):
        decide(case, coordinator, met=True, route=DecisionRoute.SENIOR_MANAGER_VULNERABLE_VICTIM)


def test_the_decision_uses_the_policy_version_current_at_receipt(area, coordinator):
    case = gathering(area, coordinator)
    confirm(case, coordinator, TWO_THE_SAME)
    make_policy(area, replace(REFERENCE_PROCEDURE, threshold=2), version=2)

    with pytest.raises(ValidationError):
        decide(case, coordinator, met=True)  # version 2 would say met; the case is under v1

    assert decide(case, coordinator, met=False).threshold_result["policy_version"] == 1


def test_a_policy_stricter_than_the_law_is_flagged_in_the_stored_result(area, coordinator):
    make_policy(area, replace(REFERENCE_PROCEDURE, threshold=5), version=2)
    case = gathering(area, coordinator)
    # Reported 31 days after the behaviour: outside the local 30 days, inside the law's month.
    confirm(case, coordinator, [(dt.date(2026, 10, 1), dt.date(2026, 11, 1), "")])

    case = decide(case, coordinator, met=False)

    warnings = " ".join(case.threshold_result["warnings"])
    assert "The local policy asks for 5 qualifying complaints" in warnings
    assert "outside the local window of 30 days but within the one month" in warnings
    codes = [f["code"] for f in case.threshold_result["policy_findings"]]
    assert codes == [
        "threshold_above_statutory",
        "report_window_under_one_month",
        "diary_sheets_excluded",
    ]


def test_a_not_met_decision_opens_the_victims_review_window(area, coordinator):
    case = decide(gathering(area, coordinator), coordinator, met=False)

    window = case.deadlines.get(kind=DeadlineKind.REVIEW_REQUEST)
    assert window.due_on == dt.date(2027, 1, 18)  # 28 calendar days
    assert window.informational
    assert window.met_on is None
    assert case.deadlines.get(kind=DeadlineKind.DECISION).met_on == DAY


def test_a_met_decision_sets_the_call_to_the_victim_and_the_call_meets_it(area, coordinator):
    case = gathering(area, coordinator)
    confirm(case, coordinator, THREE_SEPARATE)
    case = decide(case, coordinator, met=True)
    call = case.deadlines.get(kind=DeadlineKind.VICTIM_CONTACT)
    # 7 working days: 22, 23, 24, 29, 30, 31 December, 4 January.
    assert call.due_on == dt.date(2027, 1, 4)

    case = case_record_victim_contact(case, by=coordinator, on=DAY, note="Explained next steps.")

    call.refresh_from_db()
    assert call.met_on == DAY
    assert case.events.latest("pk").step == Step.RECORD_VICTIM_CONTACT
