"""Cases at each stage of the review, built through the real service functions.

Each builder takes the case one stage further than the one before it, on the day the test's
clock says (tests freeze time; ``later`` moves the clock on for a step that must wait).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from zoneinfo import ZoneInfo

import time_machine
from django.utils import timezone

from casereview.accounts.models import User
from casereview.areas.models import Agency, Area
from casereview.areas.selectors import relevant_bodies
from casereview.cases.models import Case
from casereview.cases.services import case_decide_threshold
from casereview.reviews.models import Meeting, VoiceChoice
from casereview.reviews.services import (
    ActionEntry,
    Assessment,
    Chair,
    MeetingPlan,
    MeetingRecord,
    PanelEntry,
    RecommendationEntry,
    Voice,
    review_finalise_plan,
    review_record_meeting,
    review_record_victim_comment,
    review_record_victim_voice,
    review_schedule_meeting,
    review_send_outcome,
)
from tests.cases.helpers import confirm, gathering

LONDON = ZoneInfo("Europe/London")

# Restricted text about the people alleged responsible; never in anything the victim sees.
ALLEGED = "Mr Restricted Marker of 99 Secret Lane"
ASSESSMENT_MARKER = "ASSESSMENT-MARKER considered a civil injunction"
HIDDEN_ACTION = "HIDDEN-ACTION-MARKER warn the neighbour at number 99"


@contextmanager
def later(days: int) -> Iterator[dt.date]:
    """Move the frozen clock on by ``days`` calendar days, at ten in the morning."""
    day = timezone.localdate() + dt.timedelta(days=days)
    with time_machine.travel(dt.datetime.combine(day, dt.time(10), tzinfo=LONDON), tick=False):
        yield day


def body(area: Area, kind: str) -> Agency:
    return next(agency for agency in relevant_bodies(area) if agency.kind == kind)


def met_case(area: Area, by: User, **overrides: Any) -> Case:
    """A case decided today as meeting the threshold on three complaints the police confirmed."""
    overrides.setdefault("alleged_responsible", ALLEGED)
    case = gathering(area, by, **overrides)
    today = timezone.localdate()
    days = [today - dt.timedelta(days=n) for n in (3, 6, 9)]
    confirm(case, by, [(day, day, f"incident-{day:%d}") for day in days])
    return case_decide_threshold(
        case, by=by, on=today, route="threshold", met=True, reasons="Three complaints."
    )


def voiced(area: Area, by: User, choice: str = VoiceChoice.ATTEND_IN_PERSON, **kw: Any) -> Case:
    case = met_case(area, by, **kw)
    return review_record_victim_voice(
        case,
        by=by,
        voice=Voice(
            choice=choice,
            contacted_on=timezone.localdate(),
            statement="The noise every night has made me ill."
            if choice == "impact_statement"
            else "",
            support_offered="Victim Support, referral accepted",
        ),
    )


def panel(area: Area, count: int = 3) -> list[PanelEntry]:
    """People from ``count`` of the area's relevant bodies, and the fire service."""
    entries = [
        PanelEntry(
            name=f"Member {n}", agency=agency, role="Manager", email=f"member{n}@example.org"
        )
        for n, agency in enumerate(list(relevant_bodies(area))[:count], start=1)
    ]
    entries.append(
        PanelEntry(
            name="Fire Officer",
            organisation="Hertfordshire Fire and Rescue Service",
            email="fire@example.org",
        )
    )
    return entries


def meeting_plan(area: Area, *, count: int = 3, chair: Chair | None = None) -> MeetingPlan:
    # Today (the day the case was decided), so that it can be recorded as held today.
    starts = dt.datetime.combine(timezone.localdate(), dt.time(14), tzinfo=LONDON)
    return MeetingPlan(
        starts_at=starts,
        chair=chair
        or Chair(
            name="Pat Chair",
            organisation="Broxbourne Borough Council",
            email="chair@example.org",
            independent=True,
        ),
        panel=panel(area, count),
        place="Wallfields, Pegs Lane, Hertford",
    )


def scheduled(area: Area, by: User, **kw: Any) -> Case:
    case = voiced(area, by, **kw)
    return review_schedule_meeting(case, by=by, plan=meeting_plan(area)).case


def record(case: Case, held_on: dt.date) -> MeetingRecord:
    meeting = Meeting.objects.get(case=case, number=case.meetings.count())
    council = case.area.council
    police = case.area.police_force
    return MeetingRecord(
        held_on=held_on,
        minutes="The panel reviewed the case and agreed the actions below.",
        outcome="The panel agreed a plan to stop the noise.",
        assessment=Assessment(
            interventions_considered=ASSESSMENT_MARKER,
            necessity_and_proportionality="Necessary and proportionate.",
            rights_considered="Article 8.",
            decision="Proceed with a warning first.",
        ),
        attendance={member.pk: True for member in meeting.panel.all()},
        victim_attended=True,
        recommendations=[
            RecommendationEntry(text="Review how noise reports are triaged.", agency=council)
        ],
        actions=[
            ActionEntry(
                description="Install noise monitoring equipment",
                owner=council,
                due_on=held_on + dt.timedelta(days=21),
            ),
            ActionEntry(
                description=HIDDEN_ACTION,
                owner=police,
                due_on=held_on + dt.timedelta(days=14),
                victim_may_see=False,
            ),
        ],
    )


def held(area: Area, by: User, **kw: Any) -> Case:
    """A case whose meeting was held today."""
    case = scheduled(area, by, **kw)
    return review_record_meeting(case, by=by, record=record(case, timezone.localdate()))


def consulting(area: Area, by: User, **kw: Any) -> Case:
    return review_send_outcome(held(area, by, **kw), by=by)


def monitoring(area: Area, by: User, **kw: Any) -> Case:
    case = consulting(area, by, **kw)
    case = review_record_victim_comment(
        case, by=by, received_on=timezone.localdate(), how="phone", text="Happy with the plan."
    )
    return review_finalise_plan(case, by=by)
