"""Case reviews carried out are meetings held in the period, counted by the day held (a
reconvened review counts again); those with a recommendation are counted apart."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from django.utils import timezone

from casereview.accounts.models import User
from casereview.appeals.models import Ground, Outcome
from casereview.appeals.services import appeal_send_outcome
from casereview.areas.models import Area
from casereview.cases.models import Case
from casereview.reviews.models import VoiceChoice
from casereview.reviews.services import (
    Chair,
    review_record_meeting,
    review_schedule_meeting,
    review_send_outcome,
)
from tests.appeals.helpers import hear, lodge
from tests.publishing.statistics.helpers import figures, on, someone
from tests.reviews.helpers import held, meeting_plan, record, scheduled

pytestmark = pytest.mark.django_db


def _held_without_recommendations(area: Area, by: User, **kw: object) -> Case:
    case = scheduled(area, by, victim=someone(), **kw)
    plain = dataclasses.replace(
        record(case, timezone.localdate()), recommendations=[], victim_attended=False
    )
    return review_record_meeting(case, by=by, record=plain)


def test_meetings_held_either_side_of_the_year_end_fall_in_different_years(
    area: Area, coordinator: User
) -> None:
    with on(dt.date(2026, 3, 31)):
        held(area, coordinator, victim=someone())
    with on(dt.date(2026, 4, 1)):
        held(area, coordinator, victim=someone())
        _held_without_recommendations(area, coordinator)

    before, after = figures(area, "2025-26"), figures(area, "2026-27")
    assert before.statutory.reviews_carried_out == 1
    assert before.statutory.reviews_with_recommendations == 1
    assert after.statutory.reviews_carried_out == 2
    assert after.statutory.reviews_with_recommendations == 1


def test_a_reconvened_review_is_counted_again(area: Area, coordinator: User) -> None:
    with on(dt.date(2026, 6, 1)):
        case = held(area, coordinator, victim=someone())
        case = review_send_outcome(case, by=coordinator)
    with on(dt.date(2026, 6, 8)):
        appeal = hear(lodge(case, coordinator, Ground.REVIEW_CONDUCT), coordinator, Outcome.UPHELD)
        appeal_send_outcome(appeal, by=coordinator)
        case.refresh_from_db()
    with on(dt.date(2026, 6, 15)) as day:
        case = review_schedule_meeting(case, by=coordinator, plan=meeting_plan(area)).case
        review_record_meeting(case, by=coordinator, record=record(case, day))

    found = figures(area, "2026-27-q1")
    assert found.statutory.reviews_carried_out == 2
    assert found.statutory.reviews_with_recommendations == 2
    assert found.internal.appeals_received_review_conduct == 1
    assert found.internal.appeals_upheld == 1
    # One application, reviewed twice.
    assert found.statutory.applications == 1


def test_what_happened_at_the_meetings_is_counted(area: Area, coordinator: User) -> None:
    with on(dt.date(2026, 7, 6)):
        # Invited (the victim chose to attend), attended, independent chair.
        held(area, coordinator, victim=someone())
        # A written statement instead: not invited, did not attend.
        _held_without_recommendations(area, coordinator, choice=VoiceChoice.IMPACT_STATEMENT)
        # A chair from one of the partners.
        case = scheduled(area, coordinator, victim=someone())
        plan = dataclasses.replace(
            meeting_plan(area),
            chair=Chair(name="Lee Partner", organisation="Hertfordshire Constabulary"),
        )
        case = review_schedule_meeting(case, by=coordinator, plan=plan).case
        review_record_meeting(case, by=coordinator, record=record(case, dt.date(2026, 7, 6)))

    found = figures(area, "2026-27").internal
    assert found.meetings_victim_invited == 2
    assert found.meetings_victim_attended == 2
    assert found.meetings_victim_statement == 1
    assert found.meetings_independent_chair == 2
