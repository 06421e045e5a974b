"""The demo area's cases: seed_demo leaves a case in every status and an appeal in every status,
built through the services with dates the rules accept, and no restricted data in their letters."""

from __future__ import annotations

import datetime as dt
import html
from io import StringIO
from typing import Any

import pytest
import time_machine
from django.core.management import call_command
from django.db.models import QuerySet
from django.utils import timezone

from casereview.appeals.models import Appeal, AppealStatus, Ground, Outcome
from casereview.appeals.services import appeal_window
from casereview.areas.models import AgencyKind, Area
from casereview.areas.selectors import relevant_bodies
from casereview.cases.deadlines import DeadlineStatus, deadline_status
from casereview.cases.demo import DEMO_NOTE, demo_cases
from casereview.cases.evaluation import evaluate_case
from casereview.cases.models import Case, ComplaintSource, Deadline, DeadlineKind, DecisionRoute
from casereview.cases.workflow import Status, Step
from casereview.letters.models import LetterKind
from casereview.letters.services import letter_language, plan_letters, render_html
from casereview.partners.models import InformationRequest
from casereview.reviews.models import (
    Action,
    ActionStatus,
    Meeting,
    VictimComment,
    VictimVoice,
    VoiceChoice,
)
from casereview.reviews.services import handling_agencies, panel_minimum
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
    """The one demo case in ``status`` (matching ``extra``) that was never appealed."""
    return demo_cases(area).filter(status=status, appeals__isnull=True, **extra).get()


def only_demo_case(area: Area, status: str) -> Case:
    return demo_cases(area).get(status=status)


def demo_appeals(area: Area) -> QuerySet[Appeal]:
    return Appeal.objects.filter(case__in=demo_cases(area))


def recorded_dates_after_today(area: Area) -> list[str]:
    """Every date a step recorded on the demo cases that lies after today (there should be
    none: the services refuse them)."""
    today = timezone.localdate()
    cases = demo_cases(area)
    rows: list[tuple[str, QuerySet[Any], tuple[str, ...]]] = [
        (
            "case",
            Case.objects.filter(pk__in=cases),
            ("received_on", "acknowledged_on", "decided_on", "victim_contacted_on", "ended_on"),
        ),
        ("voice", VictimVoice.objects.filter(case__in=cases), ("contacted_on",)),
        (
            "meeting",
            Meeting.objects.filter(case__in=cases),
            (
                "held_on",
                "outcome_sent_on",
                "outcome_phoned_on",
                "minutes_sent_on",
                "plan_shared_on",
                "plan_finalised_on",
            ),
        ),
        ("comment", VictimComment.objects.filter(meeting__case__in=cases), ("received_on",)),
        ("action", Action.objects.filter(meeting__case__in=cases), ("completed_on",)),
        (
            "appeal",
            Appeal.objects.filter(case__in=cases),
            ("received_on", "heard_on", "outcome_sent_on"),
        ),
    ]
    future = []
    for what, queryset, names in rows:
        for row in queryset:
            for name in names:
                value = getattr(row, name)
                if value is not None and value > today:
                    future.append(f"{what} {row.pk} {name} {value}")
    return future


def in_order(*days: dt.date | None) -> bool:
    """Every one of ``days`` is given, and none is before the one before it."""
    given = [day for day in days if day is not None]
    return len(given) == len(days) and given == sorted(given)


def normalised(text: str) -> str:
    return " ".join(text.split()).casefold()


def restricted_text(case: Case) -> list[str]:
    """What the victim must never see of ``case``: the people alleged responsible, the
    proportionality assessment, and the actions kept from the victim."""
    values = [getattr(case, name) for name in Case.RESTRICTED_FIELDS]
    for meeting in case.meetings.all():
        values.extend(getattr(meeting, name) for name in Meeting.RESTRICTED_FIELDS)
        values.extend(a.description for a in meeting.actions.filter(victim_may_see=False))
    return [normalised(value) for value in values if value and value.strip()]


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
    assert "Threshold met 3" in summary[0]
    assert summary[0].endswith(
        "appeals: Outcome sent 1, Heard; outcome not yet sent 2, Waiting to be heard 1."
    )


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
        appeals = set(demo_appeals(east_herts).values_list("status", flat=True))
        future = recorded_dates_after_today(east_herts)
    assert statuses == set(Status.values)
    assert appeals == set(AppealStatus.values)
    assert future == []


def test_the_demo_area_has_an_appeal_in_every_status(east_herts, in_march):
    seed()

    statuses = set(demo_appeals(east_herts).values_list("status", flat=True))
    assert statuses == set(AppealStatus.values)


def test_no_step_of_a_demo_case_is_dated_after_today(east_herts, in_march):
    seed()

    assert recorded_dates_after_today(east_herts) == []


def test_the_arranged_meeting_has_a_full_panel_an_independent_chair_and_the_victim_invited(
    east_herts, in_march
):
    seed()
    case = only_demo_case(east_herts, Status.MEETING_SCHEDULED)
    meeting = case.meetings.get()

    assert case.victim_voice.choice == VoiceChoice.ATTEND_IN_PERSON
    assert meeting.victim_invited
    assert meeting.starts_at > timezone.now()
    bodies = {m.agency_id for m in meeting.panel.all() if m.relevant_body}
    assert len(bodies) >= max(3, panel_minimum(case))
    assert bodies <= {agency.pk for agency in relevant_bodies(east_herts)}
    assert any(
        m.organisation_name == "Hertfordshire Fire and Rescue Service" for m in meeting.panel.all()
    )
    assert meeting.chair_independent
    assert meeting.chair_agency_id not in handling_agencies(case)
    assert "Broxbourne" in meeting.chair_organisation


def test_the_held_meeting_has_minutes_an_assessment_recommendations_and_actions(
    east_herts, in_march
):
    seed()
    case = only_demo_case(east_herts, Status.MEETING_HELD)
    meeting = case.meetings.get()

    assert in_order(case.decided_on, meeting.held_on, timezone.localdate())
    assert meeting.minutes
    assert all(getattr(meeting, name) for name in Meeting.RESTRICTED_FIELDS)
    assert meeting.recommendations.count() == 2
    assert meeting.actions.count() == 3
    assert meeting.actions.filter(victim_may_see=False).count() == 1
    assert meeting.outcome_sent_on is None
    outcome = case.deadlines.get(kind=DeadlineKind.OUTCOME)
    assert outcome.met_on is None
    assert outcome.due_on >= timezone.localdate()


def test_the_victim_is_consulted_with_the_comment_window_open(east_herts, in_march):
    seed()
    case = only_demo_case(east_herts, Status.CONSULTING_VICTIM)
    meeting = case.meetings.get()

    assert in_order(meeting.held_on, meeting.outcome_sent_on, timezone.localdate())
    assert meeting.outcome_sent_on != timezone.localdate()
    assert in_order(timezone.localdate(), meeting.comment_until)
    assert not meeting.victim_comments.exists()
    assert meeting.minutes_sent_on is not None


def test_the_monitored_plan_is_final_after_the_victims_comment_with_an_action_done_and_one_overdue(
    east_herts, in_march
):
    seed()
    case = only_demo_case(east_herts, Status.MONITORING)
    meeting = case.meetings.get()
    today = timezone.localdate()

    comment = meeting.victim_comments.get()
    assert in_order(meeting.plan_shared_on, comment.received_on, meeting.comment_until)
    assert meeting.plan_finalised_on is not None
    assert meeting.actions.filter(status=ActionStatus.DONE).exists()
    overdue = [
        d
        for d in case.deadlines.filter(kind=DeadlineKind.ACTION)
        if deadline_status(d, today) == DeadlineStatus.OVERDUE
    ]
    assert overdue
    assert case.lead_agency is not None
    assert case.lead_agency.kind == AgencyKind.HOUSING


def test_a_case_closed_after_its_review_had_every_action_done(east_herts, in_march):
    seed()
    reviewed = demo_cases(east_herts).filter(status=Status.CLOSED, meetings__isnull=False)
    case = reviewed.get()
    meeting = case.meetings.get()

    assert meeting.plan_finalised_on is not None
    assert meeting.actions.exists()
    assert not meeting.actions.exclude(status=ActionStatus.DONE).exists()
    assert case.end_reason
    assert case.events.filter(step=Step.FINALISE_PLAN).exists()


def test_an_appeal_against_a_not_met_decision_waits_to_be_heard_lodged_in_time(
    east_herts, in_march
):
    seed()
    appeal = demo_appeals(east_herts).get(status=AppealStatus.LODGED)

    assert appeal.ground == Ground.THRESHOLD_DECISION
    assert appeal.case.status == Status.THRESHOLD_NOT_MET
    assert not appeal.is_late
    assert appeal.case.deadlines.get(kind=DeadlineKind.APPEAL_HEARING, appeal=appeal).met_on is None


def test_an_appeal_upheld_against_the_review_sends_the_case_back_for_a_reconvened_meeting(
    east_herts, in_march
):
    seed()
    appeal = demo_appeals(east_herts).get(status=AppealStatus.HEARD, ground=Ground.REVIEW_CONDUCT)
    case = appeal.case

    assert appeal.outcome == Outcome.UPHELD
    assert appeal.reasons
    assert case.status == Status.THRESHOLD_MET
    assert case.events.filter(step=Step.UPHOLD_APPEAL_RECONVENE).exists()
    assert not case.meetings.filter(held_on__isnull=True).exists()
    assert in_order(case.meetings.get().outcome_sent_on, appeal.received_on, appeal.window_ends_on)


def test_an_appeal_against_a_not_met_decision_was_not_upheld_and_its_letter_sent(
    east_herts, in_march
):
    seed()
    appeal = demo_appeals(east_herts).get(status=AppealStatus.CONCLUDED)
    case = appeal.case

    assert appeal.ground == Ground.THRESHOLD_DECISION
    assert appeal.outcome == Outcome.NOT_UPHELD
    assert in_order(appeal.received_on, appeal.heard_on, appeal.outcome_sent_on)
    # Closed only once the victim's window to ask for a review had passed.
    assert case.status == Status.CLOSED
    window = case.deadlines.get(kind=DeadlineKind.REVIEW_REQUEST)
    assert in_order(window.due_on, case.ended_on)
    assert case.ended_on != window.due_on


def test_a_late_appeal_was_accepted_with_a_reason(east_herts, in_march):
    seed()
    late = [appeal for appeal in demo_appeals(east_herts) if appeal.is_late]

    assert len(late) == 1
    appeal = late[0]
    assert appeal.late_reason
    window = appeal_window(appeal.case, appeal.ground)
    assert window is not None
    assert appeal.received_on > window[1] == appeal.window_ends_on
    assert appeal.status == AppealStatus.HEARD
    assert appeal.outcome == Outcome.NOT_UPHELD
    assert not any(a.late_reason for a in demo_appeals(east_herts) if not a.is_late)


def test_the_demo_letters_to_victims_show_no_restricted_data(east_herts, in_march):
    seed()

    # Each letter every step of every demo case causes, rendered as the letter worker renders
    # it (after the seed's transaction, from the case as it then is). The PDF and Word
    # versions are made from this HTML.
    kinds = []
    for case in demo_cases(east_herts).select_related("area", "policy", "spoc", "repeat_of"):
        hidden = restricted_text(case)
        for step in sorted(set(case.events.values_list("step", flat=True))):
            for planned in plan_letters(case, step):
                if planned.to.is_agency:
                    continue
                page = render_html(case, planned, letter_language(case, planned.to))
                shown = normalised(html.unescape(page))
                kinds.append(planned.kind)
                for value in hidden:
                    assert value not in shown, f"{case.reference} {planned.key} shows {value!r}"
    met = demo_cases(east_herts).filter(events__step=Step.DECIDE_THRESHOLD_MET).distinct()
    assert kinds.count(LetterKind.CT4) >= met.count() >= 8
    assert LetterKind.CLOSURE in kinds
