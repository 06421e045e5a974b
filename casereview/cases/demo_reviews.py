"""Demo cases past the threshold decision: the review meeting arranged, held, its outcome out
for the victim's comments, its action plan monitored, a case closed after a review, and appeals
waiting to be heard, heard, concluded, and one accepted late.

Like ``casereview.cases.demo`` (whose helpers these scenarios share), everything goes through the
service functions of ``casereview.cases``, ``casereview.reviews`` and ``casereview.appeals``:
the dates are explicit and relative to today, so that each step passes the same date checks it
would on a staff page (not in the future, not before the step before it, the victim's comment
window, the appeal window).

The moment each event was recorded is now, as in ``casereview.cases.demo``; the dates the
events carry are in the past.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time

from django.utils import timezone

from casereview.appeals.models import Appeal, Ground, Outcome, ReviewerKind
from casereview.appeals.services import appeal_hear, appeal_lodge, appeal_send_outcome
from casereview.areas.models import Agency, AgencyKind
from casereview.areas.selectors import relevant_bodies
from casereview.cases.demo import (
    _complaint,
    _person,
    _receive,
    _respond,
    _Seed,
    _stated,
    _the_rest_respond,
)
from casereview.cases.models import Case, Channel, ContactMethod, DecisionRoute
from casereview.cases.services import (
    Factors,
    Victim,
    case_acknowledge,
    case_close,
    case_decide_threshold,
    case_request_information,
)
from casereview.reviews.models import ActionStatus, VoiceChoice
from casereview.reviews.services import (
    ActionEntry,
    Assessment,
    Chair,
    MeetingPlan,
    MeetingRecord,
    PanelEntry,
    RecommendationEntry,
    Voice,
    latest_meeting,
    review_change_lead_agency,
    review_circulate_minutes,
    review_finalise_plan,
    review_record_meeting,
    review_record_victim_comment,
    review_record_victim_voice,
    review_schedule_meeting,
    review_send_outcome,
    review_update_action,
)

# The decision is taken this many working days after receipt (the reference timescale is 14).
_DECIDED_AFTER = 10

# Fictional panel members, by the kind of body they come from.
_PANEL_PEOPLE: dict[str, tuple[str, str]] = {
    AgencyKind.COUNCIL: ("Lou Example", "Community Safety Manager"),
    AgencyKind.COUNTY_COUNCIL: ("Ash Placeholder", "Adult Social Care Team Manager"),
    AgencyKind.POLICE: ("Inspector Jo Sample", "Neighbourhood Inspector"),
    AgencyKind.HEALTH: ("Dr Nia Specimen", "Safeguarding Lead"),
    AgencyKind.HOUSING: ("Robin Testwood", "Tenancy Enforcement Manager"),
}
_FIRE_SERVICE = "Hertfordshire Fire and Rescue Service"


# --- Shared steps ------------------------------------------------------------------------------


def _decided(
    seed: _Seed,
    *,
    received_ago: int,
    victim: Victim,
    asb_description: str,
    location: str,
    alleged_responsible: str,
    complaints: Sequence[tuple[Agency, int]],
    met: bool,
    reasons: str,
    factors: Factors,
    channel: str = Channel.PHONE,
) -> Case:
    """A case received ``received_ago`` working days ago, with ``complaints`` (agency, days
    before receipt, each reported the day after) confirmed by the agencies, every other relevant
    body answering, and the threshold decided through the threshold route."""
    days = seed.days
    received = days.ago(received_ago)
    case = _receive(
        seed,
        channel=channel,
        received_on=received,
        victim=victim,
        asb_description=asb_description,
        location=location,
        alleged_responsible=alleged_responsible,
        complaints=[
            _complaint(agency, received, happened=before, reported=before - 1)
            for agency, before in complaints
        ],
    )
    case = case_acknowledge(case, by=seed.by, on=days.ago(received_ago - 1))
    case = case_request_information(case, by=seed.by, on=days.ago(received_ago - 2))
    answering = list(dict.fromkeys(agency for agency, _ in complaints))
    for number, agency in enumerate(answering):
        _respond(
            seed,
            case,
            agency,
            on=days.ago(received_ago - 5 - number),
            confirms=[
                (complaint, f"DEMO-{case.reference}-{agency.kind.upper()}-{index}")
                for index, complaint in enumerate(_stated(case, agency), start=1)
            ],
            actions_taken="Each report logged and followed up with the household concerned.",
        )
    _the_rest_respond(seed, case, on=days.ago(received_ago - 5 - len(answering)))
    return case_decide_threshold(
        case,
        by=seed.by,
        on=days.ago(received_ago - _DECIDED_AFTER),
        route=DecisionRoute.THRESHOLD,
        met=met,
        reasons=reasons,
        factors=factors,
    )


def _met(seed: _Seed, received_ago: int, victim: Victim, **story: str) -> Case:
    """A case decided "met" on four qualifying complaints to three agencies."""
    return _decided(
        seed,
        received_ago=received_ago,
        victim=victim,
        complaints=[
            (seed.police, 75),
            (seed.police, 40),
            (seed.housing, 26),
            (seed.council, 9),
        ],
        met=True,
        reasons=(
            "Four qualifying complaints about separate occasions in the last six months, "
            "against a threshold of three. A review will be carried out."
        ),
        factors=Factors(
            persistence="Reports to three agencies over more than two months.",
            harm="The victim says they no longer feel safe at home.",
            adequacy_of_response="Each agency acted alone; the behaviour has continued.",
        ),
        **story,
    )


def _not_met(seed: _Seed, received_ago: int, victim: Victim, **story: str) -> Case:
    """A case decided "not met" on two qualifying complaints."""
    return _decided(
        seed,
        received_ago=received_ago,
        victim=victim,
        complaints=[(seed.police, 50), (seed.council, 21)],
        met=False,
        reasons=(
            "Two complaints qualify; the local threshold is three. Both agencies acted on "
            "each report."
        ),
        factors=Factors(
            persistence="Two reports in two months.",
            harm="Distress and disturbed sleep; no threat to safety reported.",
            adequacy_of_response="Warnings given and mediation offered.",
        ),
        **story,
    )


_SUPPORT_OFFERED = (
    "Referral to Victim Support offered and accepted; Herts Mind Network leaflet sent."
)


def _voice(
    seed: _Seed,
    case: Case,
    contacted_ago: int,
    choice: str,
    *,
    statement: str = "",
    advocate: tuple[str, str, str] = ("", "", ""),
    support_offered: str = _SUPPORT_OFFERED,
) -> Case:
    """The victim's choice, recorded when the SPOC phoned them ``contacted_ago`` working days
    ago. ``advocate`` is (name, organisation, contact)."""
    name, organisation, contact = advocate
    return review_record_victim_voice(
        case,
        by=seed.by,
        voice=Voice(
            choice=choice,
            contacted_on=seed.days.ago(contacted_ago),
            statement=statement,
            advocate_name=name,
            advocate_organisation=organisation,
            advocate_contact=contact,
            support_offered=support_offered,
        ),
    )


def _panel(seed: _Seed) -> list[PanelEntry]:
    """Someone from each of the area's relevant bodies, and the fire service."""
    entries = []
    for agency in relevant_bodies(seed.area):
        name, role = _PANEL_PEOPLE.get(agency.kind, ("Sam Placeholder", "Service Manager"))
        local = name.lower().replace("dr ", "").replace("inspector ", "").replace(" ", ".")
        entries.append(
            PanelEntry(
                name=name,
                agency=agency,
                role=role,
                email=f"{local}@{agency.code}.example.com",
            )
        )
    fire = (
        Agency.objects.filter(area_agencies__area=seed.area, kind=AgencyKind.FIRE)
        .order_by("name")
        .first()
    )
    entries.append(
        PanelEntry(
            name="Kim Sample",
            agency=fire,
            organisation="" if fire is not None else _FIRE_SERVICE,
            role="Community Safety Officer",
            email="kim.sample@fire.example.com",
        )
    )
    return entries


# Independent of every agency that handled the case: from a neighbouring authority.
_CHAIR = Chair(
    name="Jordan Example",
    organisation="Broxbourne Borough Council (Head of Community Safety)",
    email="jordan.example@broxbourne.example.com",
    independent=True,
)


def _schedule(seed: _Seed, case: Case, day: date, *, hour: int = 10, video: bool = False) -> Case:
    starts = datetime.combine(day, time(hour), tzinfo=timezone.get_current_timezone())
    plan = MeetingPlan(
        starts_at=starts,
        chair=_CHAIR,
        panel=_panel(seed),
        place="" if video else "Wallfields, Pegs Lane, Hertford SG13 8EQ (Committee Room 2)",
        video_link="https://meet.example.com/demo-case-review" if video else "",
    )
    return review_schedule_meeting(case, by=seed.by, plan=plan).case


@dataclass(frozen=True)
class _Plan:
    """What a demo meeting agreed: its outcome, recommendations and actions."""

    outcome: str
    recommendations: Sequence[RecommendationEntry]
    actions: Sequence[ActionEntry]
    assessment: Assessment


def _hold(
    seed: _Seed,
    case: Case,
    held_ago: int,
    plan: Callable[[date], _Plan],
    *,
    video: bool = False,
) -> Case:
    """Arrange the meeting for ``held_ago`` working days ago and record it as held that day."""
    held_on = seed.days.ago(held_ago)
    case = _schedule(seed, case, held_on, hour=14, video=video)
    meeting = latest_meeting(case)
    assert meeting is not None
    agreed = plan(held_on)
    record = MeetingRecord(
        held_on=held_on,
        minutes=(
            "The chair introduced the panel and explained the purpose of the review. The victim's "
            "account was heard first. Each agency summarised its contact with the household and "
            "the actions it had taken. The panel discussed what had not worked, agreed the "
            "recommendations and the action plan below, and the date of the next update."
        ),
        outcome=agreed.outcome,
        assessment=agreed.assessment,
        # Everyone came but the county council's representative, who sent apologies.
        attendance={
            member.pk: member.agency is None or member.agency.kind != AgencyKind.COUNTY_COUNCIL
            for member in meeting.panel.all()
        },
        victim_attended=meeting.victim_invited,
        recommendations=agreed.recommendations,
        actions=agreed.actions,
    )
    return review_record_meeting(case, by=seed.by, record=record)


def _review_plan(seed: _Seed, alleged: str) -> Callable[[date], _Plan]:
    """Two recommendations, three actions: one of them, about the people alleged responsible,
    kept from the victim."""

    def plan(held_on: date) -> _Plan:
        calendar = seed.days.calendar
        return _Plan(
            outcome=(
                "The panel agreed that the agencies had not joined up their responses. It made "
                "two recommendations and agreed an action plan to stop the behaviour and keep "
                "the victim informed."
            ),
            recommendations=[
                RecommendationEntry(
                    text="Flag repeat calls from this address so that each one is linked to "
                    "the earlier reports.",
                    agency=seed.police,
                ),
                RecommendationEntry(
                    text="Share evidence (recordings, photographs, diary sheets) with the police within "
                    "five working days.",
                    agency=seed.housing,
                ),
            ],
            actions=[
                ActionEntry(
                    description="Fit a video doorbell and a security light at the victim's home.",
                    owner=seed.council,
                    due_on=calendar.add_working_days(held_on, 5).due,
                ),
                ActionEntry(
                    description="Phone the victim every week with an update until the case closes.",
                    owner=seed.housing,
                    due_on=calendar.add_working_days(held_on, 20).due,
                ),
                ActionEntry(
                    description=f"Serve a community protection warning on {alleged}.",
                    owner=seed.police,
                    due_on=calendar.add_working_days(held_on, 10).due,
                    victim_may_see=False,
                ),
            ],
            assessment=Assessment(
                interventions_considered=(
                    f"Mediation, an acceptable behaviour contract and a community protection "
                    f"warning for {alleged}; a civil injunction if they fail."
                ),
                necessity_and_proportionality=(
                    "A warning is necessary because advice has not worked, and proportionate "
                    "as the least intrusive step likely to stop the behaviour."
                ),
                rights_considered=(
                    "Article 8 (private and family life) of the household and the victim; "
                    "the Equality Act 2010."
                ),
                decision="Proceed with a community protection warning, reviewed in a month.",
            ),
        )

    return plan


def _finish_actions(seed: _Seed, case: Case, done_ago: Sequence[int]) -> Case:
    """Mark the actions of the latest meeting done, in order, ``done_ago`` working days ago."""
    meeting = latest_meeting(case)
    assert meeting is not None
    for action, ago in zip(meeting.actions.order_by("due_on", "pk"), done_ago, strict=False):
        case = review_update_action(
            case,
            action,
            by=seed.by,
            status=ActionStatus.DONE,
            progress="Done, and confirmed with the victim.",
            completed_on=seed.days.ago(ago),
        )
    return case


# --- The review ----------------------------------------------------------------------------------


def _meeting_scheduled(seed: _Seed) -> Case:
    """The victim chose to attend; the meeting is next week, with an independent chair."""
    alleged = "The residents of 4 Specimen Terrace"
    case = _met(
        seed,
        26,
        _person("Bea Fictional", 113, "6 Specimen Terrace, Hertford", "SG14 0ZM"),
        asb_description="Youths gather on the shared drive at night, kicking a ball against "
        "the house and swearing at the family.",
        location="Specimen Terrace, Hertford",
        alleged_responsible=alleged,
    )
    case = _voice(seed, case, 14, VoiceChoice.ATTEND_IN_PERSON)
    next_week = seed.days.calendar.add_working_days(seed.days.today, 5).due
    return _schedule(seed, case, next_week)


def _meeting_held(seed: _Seed) -> Case:
    """Held three working days ago; the outcome and minutes are due in two."""
    alleged = "The tenant of 18 Example Walk"
    case = _met(
        seed,
        32,
        _person("Cal Dummy", 114, "16 Example Walk, Ware", "SG12 0ZL"),
        asb_description="Shouting, slamming doors and loud music through the party wall at "
        "all hours.",
        location="Example Walk, Ware",
        alleged_responsible=alleged,
    )
    case = _voice(
        seed,
        case,
        20,
        VoiceChoice.IMPACT_STATEMENT,
        statement=(
            "I have not slept properly for three months. My children are frightened when the "
            "shouting starts and I dread coming home."
        ),
    )
    return _hold(seed, case, 3, _review_plan(seed, alleged))


def _consulting_victim(seed: _Seed) -> Case:
    """The outcome and draft plan went out two working days ago; the victim has until the
    window ends to comment. The minutes went to the panel today."""
    alleged = "The man who lives at 2 Placeholder Yard"
    case = _met(
        seed,
        30,
        _person("Dee Specimen", 115, "3 Placeholder Yard, Bishop's Stortford", "CM23 0ZK"),
        asb_description="Rubbish and needles left in the shared yard; threats when the victim "
        "asked for it to stop.",
        location="Placeholder Yard, Bishop's Stortford",
        alleged_responsible=alleged,
    )
    case = _voice(
        seed,
        case,
        17,
        VoiceChoice.ADVOCATE,
        advocate=("Mo Placeholder", "Victim Support (demo)", "mo.placeholder@example.com"),
    )
    case = _hold(seed, case, 4, _review_plan(seed, alleged))
    case = review_send_outcome(case, by=seed.by, phoned_on=seed.days.ago(3), on=seed.days.ago(2))
    return review_circulate_minutes(case, by=seed.by, on=seed.days.ago(1))


def _monitoring(seed: _Seed) -> Case:
    """The victim commented, the plan is final, one action is done and one is overdue; the
    housing association now leads."""
    alleged = "The occupants of flat 9, Dummy House"
    case = _met(
        seed,
        50,
        _person("Eli Sample", 116, "Flat 7, Dummy House, Hertford", "SG13 0ZJ"),
        asb_description="Cannabis smoke through the vents, and visitors buzzing the door "
        "entry at night.",
        location="Dummy House, Hertford",
        alleged_responsible=alleged,
    )
    case = _voice(seed, case, 37, VoiceChoice.ATTEND_BY_VIDEO)
    case = _hold(seed, case, 25, _review_plan(seed, alleged), video=True)
    case = review_send_outcome(case, by=seed.by, phoned_on=seed.days.ago(23), on=seed.days.ago(22))
    case = review_record_victim_comment(
        case,
        by=seed.by,
        received_on=seed.days.ago(18),
        how=ContactMethod.PHONE,
        text="Happy with the plan, but would like the weekly calls in the evening.",
    )
    case = review_circulate_minutes(case, by=seed.by, on=seed.days.ago(22))
    case = review_finalise_plan(
        case,
        by=seed.by,
        note="The weekly calls moved to the evening, as the victim asked.",
        on=seed.days.ago(17),
    )
    # The doorbell and the warning were done on time; the weekly calls lapsed (overdue).
    case = _finish_actions(seed, case, done_ago=[21, 14])
    return review_change_lead_agency(
        case,
        by=seed.by,
        agency=seed.housing,
        reason="The people alleged responsible are the association's tenants; it holds the "
        "tenancy remedies.",
    )


def _closed_after_review(seed: _Seed) -> Case:
    """Reviewed two months ago; every action done; closed with a letter saying why."""
    alleged = "The keeper of the dogs at 12 Fictional Lane"
    case = _met(
        seed,
        75,
        _person("Fen Example", 117, "10 Fictional Lane, Buntingford", "SG9 0ZH"),
        asb_description="Two dogs let loose in the lane, which have chased and bitten the "
        "victim's cat.",
        location="Fictional Lane, Buntingford",
        alleged_responsible=alleged,
    )
    case = _voice(seed, case, 62, VoiceChoice.NONE, support_offered="Declined support.")
    case = _hold(seed, case, 50, _review_plan(seed, alleged))
    case = review_send_outcome(case, by=seed.by, on=seed.days.ago(47))
    case = review_circulate_minutes(case, by=seed.by, on=seed.days.ago(46))
    # No comment came within the window, which had ended: the plan could be made final.
    case = review_finalise_plan(case, by=seed.by, on=seed.days.ago(35))
    case = _finish_actions(seed, case, done_ago=[44, 40, 30])
    return case_close(
        case,
        by=seed.by,
        reason="Every action of the plan is done and there have been no reports for a month; "
        "the victim agreed on the phone that the case can close.",
    )


# --- Appeals -----------------------------------------------------------------------------------


def _appeal_lodged(seed: _Seed) -> Case:
    """A "not met" decision appealed in time, to the Police and Crime Commissioner's office."""
    case = _not_met(
        seed,
        24,
        _person("Gil Fictitious", 118, "5 Sample Street, Sawbridgeworth", "CM21 0ZG"),
        asb_description="A neighbour's visitors park across the victim's drive and are "
        "abusive when asked to move.",
        location="Sample Street, Sawbridgeworth",
        alleged_responsible="Visitors to 7 Sample Street",
    )
    appeal_lodge(
        case,
        by=seed.by,
        ground=Ground.THRESHOLD_DECISION,
        received_on=seed.days.ago(2),
        what_the_victim_says="The council did not count the reports I made to the housing "
        "association's out-of-hours line.",
        reviewer_kind=ReviewerKind.PCC_OFFICE,
        reviewer_organisation="Office of the Hertfordshire Police and Crime Commissioner",
    )
    return case


def _appeal_upheld_reconvene(seed: _Seed) -> Case:
    """An appeal against how the review was carried out, upheld: the case is back at "met",
    waiting for the review meeting to be reconvened; the outcome letter is due."""
    alleged = "The household at 21 Dummy Road"
    case = _met(
        seed,
        55,
        _person("Hal Specimen", 119, "19 Dummy Road, Ware", "SG12 0ZF"),
        asb_description="Fly-tipping in the alley and bins set alight behind the victim's garden.",
        location="Dummy Road, Ware",
        alleged_responsible=alleged,
    )
    case = _voice(seed, case, 42, VoiceChoice.ATTEND_IN_PERSON)
    case = _hold(seed, case, 32, _review_plan(seed, alleged))
    case = review_send_outcome(case, by=seed.by, on=seed.days.ago(30))
    case = review_circulate_minutes(case, by=seed.by, on=seed.days.ago(29))
    appeal = appeal_lodge(
        case,
        by=seed.by,
        ground=Ground.REVIEW_CONDUCT,
        received_on=seed.days.ago(16),
        what_the_victim_says="I was not allowed to speak at the meeting although I had said "
        "I wanted to attend, and the bin fires were not discussed.",
    )
    appeal_hear(
        appeal,
        by=seed.by,
        heard_on=seed.days.ago(3),
        outcome=Outcome.UPHELD,
        reasons="The victim was invited but the meeting ran out of time before the part they "
        "could attend; the review is to be reconvened with the victim heard first.",
        reviewer_name="Sam Specimen, Head of Housing and Health",
    )
    return Case.objects.get(pk=case.pk)


def _appeal_concluded(seed: _Seed) -> Case:
    """An appeal against a "not met" decision, not upheld, the letter sent; the case closed once
    the window had passed."""
    case = _not_met(
        seed,
        50,
        _person("Ida Placeholder", 120, "30 Example Hill, Hertford", "SG14 0ZE"),
        asb_description="Children from a neighbouring house throw stones at the victim's windows.",
        location="Example Hill, Hertford",
        alleged_responsible="Children living at 28 Example Hill",
    )
    appeal = appeal_lodge(
        case,
        by=seed.by,
        ground=Ground.THRESHOLD_DECISION,
        received_on=seed.days.ago(36),
        what_the_victim_says="There have been more incidents than the two counted.",
        reviewer_kind=ReviewerKind.PCC_OFFICE,
        reviewer_organisation="Office of the Hertfordshire Police and Crime Commissioner",
    )
    appeal = appeal_hear(
        appeal,
        by=seed.by,
        heard_on=seed.days.ago(26),
        outcome=Outcome.NOT_UPHELD,
        reasons="Only two incidents were reported to a relevant body within a month; the "
        "others were not reported. The decision was right under the local procedure.",
        reviewer_name="Lee Example, Policy Officer",
    )
    appeal_send_outcome(appeal, by=seed.by, on=seed.days.ago(23))
    return case_close(
        case,
        by=seed.by,
        on=seed.days.ago(2),
        reason="The appeal was not upheld and the victim was told how to report further "
        "incidents; the police neighbourhood team will keep in touch.",
    )


def _late_appeal_heard(seed: _Seed) -> Appeal:
    """An appeal made after the window, accepted with a reason; heard and not upheld, its
    outcome letter due."""
    case = _not_met(
        seed,
        52,
        _person("Jo Testwood", 121, "1 Specimen Close, Ware", "SG12 0ZD"),
        asb_description="Loud car stereos in the lay-by opposite late at night.",
        location="Specimen Close, Ware",
        alleged_responsible="Drivers using the lay-by opposite 1 Specimen Close",
        channel=Channel.LETTER,
    )
    appeal = appeal_lodge(
        case,
        by=seed.by,
        ground=Ground.THRESHOLD_DECISION,
        received_on=seed.days.ago(12),
        what_the_victim_says="I was in hospital when the letter came and could not reply.",
        late_reason="The victim was in hospital for five weeks after the decision letter; "
        "accepted late on the SPOC's advice.",
        reviewer_kind=ReviewerKind.PCC_OFFICE,
        reviewer_organisation="Office of the Hertfordshire Police and Crime Commissioner",
    )
    return appeal_hear(
        appeal,
        by=seed.by,
        heard_on=seed.days.ago(1),
        outcome=Outcome.NOT_UPHELD,
        reasons="The two reports that count were dealt with; the police have since added the "
        "lay-by to their patrols.",
    )


def _late_appeal(seed: _Seed) -> Case:
    return Case.objects.get(pk=_late_appeal_heard(seed).case_id)


REVIEW_SCENARIOS: tuple[Callable[[_Seed], Case], ...] = (
    _meeting_scheduled,
    _meeting_held,
    _consulting_victim,
    _monitoring,
    _closed_after_review,
    _appeal_lodged,
    _appeal_upheld_reconvene,
    _appeal_concluded,
    _late_appeal,
)
