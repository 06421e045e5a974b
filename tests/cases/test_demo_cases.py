"""The demo area's cases: seed_demo leaves a case in every status, built through the services."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from casereview.areas.models import AgencyKind, Area
from casereview.cases.deadlines import DeadlineStatus, deadline_status
from casereview.cases.demo import DEMO_NOTE, demo_cases
from casereview.cases.evaluation import evaluate_case
from casereview.cases.models import Case, ComplaintSource, Deadline, DeadlineKind, DecisionRoute
from casereview.cases.workflow import Status, Step
from casereview.partners.models import InformationRequest
from tests.cases.helpers import at
from tests.factories import add_agency, make_agency, make_area

pytestmark = pytest.mark.django_db


@pytest.fixture
def east_herts(db: None) -> Area:
    """East Hertfordshire as load_directory leaves it: its council, the county council and the
    police as relevant bodies, not yet on the service and with no policy (seed_demo adds them,
    and the health and housing bodies)."""
    police = make_agency("Hertfordshire Constabulary", AgencyKind.POLICE, code="hertfordshire")
    county = make_agency(
        "Hertfordshire County Council", AgencyKind.COUNTY_COUNCIL, code="council-e10000015"
    )
    area = make_area(
        "East Hertfordshire",
        gss_code="E07000242",
        la_code="EHE",
        on_service=False,
        police_force=police,
        county_council=county,
    )
    add_agency(area, county)
    return area


def seed() -> str:
    out = StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def demo_case(area: Area, status: str, **extra: object) -> Case:
    return demo_cases(area).filter(status=status, **extra).get()


def test_the_demo_area_has_a_case_in_every_status(east_herts, in_march):
    seed()

    statuses = set(demo_cases(east_herts).values_list("status", flat=True))
    assert statuses == set(Status.values)


def test_running_seed_demo_twice_adds_no_cases(east_herts, in_march):
    seed()
    references = sorted(Case.objects.values_list("reference", flat=True))

    output = seed()

    assert sorted(Case.objects.values_list("reference", flat=True)) == references
    assert f"Demo cases: {len(references)} already in East Hertfordshire; none added." in output


def test_it_prints_a_one_line_summary_of_what_it_created(east_herts, in_march):
    output = seed()

    summary = [line for line in output.splitlines() if line.startswith("Demo cases:")]
    count = demo_cases(east_herts).count()
    assert summary[0].startswith(f"Demo cases: {count} created in East Hertfordshire (")
    assert "Threshold met 2" in summary[0]


def test_every_demo_case_is_marked_as_one_on_its_receipt(east_herts, in_march):
    seed()

    cases = Case.objects.filter(area=east_herts)
    assert cases.count() == demo_cases(east_herts).count() >= len(Status.values)
    for case in cases:
        assert case.events.get(step=Step.RECEIVE).note == DEMO_NOTE


def test_the_threshold_route_decision_rests_on_enough_confirmed_qualifying_complaints(
    east_herts, in_march
):
    seed()
    case = demo_case(east_herts, Status.THRESHOLD_MET, decision_route=DecisionRoute.THRESHOLD)

    evaluation = evaluate_case(case)

    assert evaluation.threshold_met
    assert evaluation.result.qualifying_count >= evaluation.result.threshold == 3
    counted = [c for c in evaluation.result.complaints if c.counted and c.qualifying]
    assert len(counted) == evaluation.result.qualifying_count
    # One incident told to two agencies counts once; the diary sheet does not count.
    assert any("duplicate" in c.reasons for c in evaluation.result.complaints)
    assert any("diary_sheet" in c.reasons for c in evaluation.result.complaints)
    assert case.threshold_result["qualifying_count"] == evaluation.result.qualifying_count


def test_the_not_met_decision_is_one_the_rules_engine_agrees_with(east_herts, in_march):
    seed()
    case = demo_case(east_herts, Status.THRESHOLD_NOT_MET)

    evaluation = evaluate_case(case)

    assert case.decision_route == DecisionRoute.THRESHOLD
    assert not evaluation.threshold_met
    assert any("reported_late" in c.reasons for c in evaluation.result.complaints)


def test_a_vulnerable_victim_is_decided_through_the_senior_manager_route(east_herts, in_march):
    seed()
    case = demo_case(
        east_herts,
        Status.THRESHOLD_MET,
        decision_route=DecisionRoute.SENIOR_MANAGER_VULNERABLE_VICTIM,
    )

    assert case.vulnerability_notes
    assert case.senior_manager_name
    assert case.senior_manager_decided_on == case.decided_on
    assert case.senior_manager_reasons
    assert case.victim_contacted_on is not None


def test_information_requests_went_to_every_relevant_body_and_some_are_answered(
    east_herts, in_march
):
    seed()
    relevant = east_herts.area_agencies.filter(relevant_body=True).count()
    requests = InformationRequest.objects.filter(case__area=east_herts)

    for case in demo_cases(east_herts).filter(information_requests__isnull=False).distinct():
        assert case.information_requests.count() == relevant
    answered = requests.filter(responses__isnull=False).distinct().count()
    assert 0 < answered < requests.count()
    assert Case.objects.filter(
        area=east_herts, complaints__source=ComplaintSource.CONFIRMED_BY_AGENCY
    ).exists()


def test_a_repeat_of_a_closed_case_is_declined_as_vexatious(east_herts, in_march):
    seed()
    declined = demo_case(east_herts, Status.DECLINED)

    assert declined.repeat_of is not None
    assert declined.repeat_of.status == Status.CLOSED
    assert declined.repeat_of.victim_email == declined.victim_email
    assert declined.material_change
    assert "vexatious" in declined.declined_reasons


def test_the_not_suitable_case_is_signposted(east_herts, in_march):
    seed()
    case = demo_case(east_herts, Status.NOT_SUITABLE)

    assert case.not_suitable_reason == "officer_conduct"
    assert "Independent Office for Police Conduct" in case.signposting


def test_a_third_party_applied_with_the_victims_consent(east_herts, in_march):
    seed()
    case = demo_case(east_herts, Status.ACKNOWLEDGED)

    assert not case.applicant_is_victim
    assert case.applicant_relationship == "councillor"
    assert case.consent_given_how
    assert case.consent_given_on is not None


def test_applications_came_through_varied_channels(east_herts, in_march):
    seed()

    channels = set(demo_cases(east_herts).values_list("channel", flat=True))
    assert len(channels) >= 6


def test_the_people_are_fictional(east_herts, in_march):
    seed()

    for case in demo_cases(east_herts):
        for email in (case.victim_email, case.applicant_email):
            assert email == "" or email.endswith((".example.com", "@example.com"))
        for phone in (case.victim_phone, case.applicant_phone):
            assert phone == "" or phone.startswith("07700 900")


def test_the_dashboard_has_deadlines_overdue_due_today_and_on_track(east_herts, in_march):
    seed()
    today = timezone.localdate()
    open_deadlines = Deadline.objects.filter(
        case__area=east_herts, met_on__isnull=True, informational=False
    )

    statuses = [deadline_status(d, today) for d in open_deadlines]
    assert DeadlineStatus.OVERDUE in statuses
    assert any(d.due_on == today for d in open_deadlines)
    assert any(d.due_on > today for d in open_deadlines)
    assert Deadline.objects.filter(case__area=east_herts, met_on__isnull=False).exists()
    overdue_kinds = {
        d.kind for d in open_deadlines if deadline_status(d, today) == DeadlineStatus.OVERDUE
    }
    assert {DeadlineKind.ACKNOWLEDGE, DeadlineKind.INFORMATION} <= overdue_kinds


def test_the_received_dates_are_spread_over_the_last_weeks(east_herts, in_march):
    seed()
    today = timezone.localdate()

    received = sorted(demo_cases(east_herts).values_list("received_on", flat=True))
    assert received[-1] == today
    assert today - received[0] > dt.timedelta(weeks=6)


@pytest.mark.parametrize(
    "moment",
    [
        at(2026, 12, 19),  # a Saturday
        at(2026, 12, 25),  # Christmas Day
        at(2027, 1, 1),  # New Year's Day: last year's dates and a new reference year
        at(2026, 4, 6),  # Easter Monday
    ],
)
def test_it_works_on_any_day_including_days_off(east_herts, moment):
    with time_machine.travel(moment, tick=False):
        seed()

        statuses = set(demo_cases(east_herts).values_list("status", flat=True))
    assert statuses == set(Status.values)
