"""Arranging the review meeting: a panel with at least the policy's number of relevant bodies,
a chair whose independence is checked, and arranging it again."""

from __future__ import annotations

import dataclasses

import pytest
from django.core.exceptions import ValidationError

from casereview.cases.models import CaseEvent
from casereview.cases.workflow import IllegalStep, Status, Step
from casereview.reviews.services import Chair, review_schedule_meeting
from casereview.rules import REFERENCE_PROCEDURE
from tests.factories import make_policy
from tests.reviews.helpers import meeting_plan, met_case, voiced

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("before_christmas")]


def test_a_panel_with_two_relevant_bodies_is_refused_naming_them_and_the_minimum(area, coordinator):
    case = voiced(area, coordinator)

    with pytest.raises(ValidationError) as refused:
        review_schedule_meeting(case, by=coordinator, plan=meeting_plan(area, count=2))

    [message] = refused.value.message_dict["panel"]
    assert message.startswith("The panel has 2 relevant bodies (")
    assert "the policy of East Hertfordshire needs at least 3" in message
    case.refresh_from_db()
    assert case.status == Status.THRESHOLD_MET
    assert not case.meetings.exists()


def test_the_fire_service_on_the_panel_does_not_count_as_a_relevant_body(area, coordinator):
    case = voiced(area, coordinator)
    plan = meeting_plan(area, count=2)
    # Two more people from the same relevant body add nothing either.
    plan = dataclasses.replace(plan, panel=[*plan.panel, plan.panel[0], plan.panel[-1]])

    with pytest.raises(ValidationError) as refused:
        review_schedule_meeting(case, by=coordinator, plan=plan)

    assert "has 2 relevant bodies" in refused.value.message_dict["panel"][0]


def test_the_minimum_comes_from_the_case_policy(area, coordinator):
    area.policies.all().delete()
    make_policy(area, dataclasses.replace(REFERENCE_PROCEDURE, panel_minimum_relevant_bodies=4))
    case = voiced(area, coordinator)

    with pytest.raises(ValidationError) as refused:
        review_schedule_meeting(case, by=coordinator, plan=meeting_plan(area, count=3))
    assert "needs at least 4" in refused.value.message_dict["panel"][0]

    scheduled = review_schedule_meeting(case, by=coordinator, plan=meeting_plan(area, count=4))
    assert scheduled.case.status == Status.MEETING_SCHEDULED


def test_a_chair_from_an_agency_that_handled_the_case_is_warned_about(area, coordinator):
    case = voiced(area, coordinator)
    police = area.police_force  # the police confirmed the complaints
    chair = Chair(name="Insp. Chair", organisation=police.name, agency=police)

    scheduled = review_schedule_meeting(case, by=coordinator, plan=meeting_plan(area, chair=chair))

    assert scheduled.warnings == [
        "The chair is from Hertfordshire Constabulary, which handled this case. An independent "
        "chair is recommended: someone from a neighbouring authority, for example."
    ]
    event = CaseEvent.objects.get(case=case, step=Step.SCHEDULE_MEETING)
    assert event.data["warnings"] == scheduled.warnings


def test_an_independent_chair_raises_no_warning(area, coordinator):
    scheduled = review_schedule_meeting(
        voiced(area, coordinator), by=coordinator, plan=meeting_plan(area)
    )

    assert scheduled.warnings == []
    assert scheduled.meeting.chair_independent is True


def test_arranging_it_again_changes_the_same_meeting_and_its_panel(area, coordinator):
    case = voiced(area, coordinator)
    first = review_schedule_meeting(case, by=coordinator, plan=meeting_plan(area)).meeting

    plan = dataclasses.replace(meeting_plan(area, count=4), place="Council Chamber")
    again = review_schedule_meeting(first.case, by=coordinator, plan=plan).meeting

    assert again.pk == first.pk
    assert again.number == 1
    assert again.place == "Council Chamber"
    assert again.panel.filter(relevant_body=True).count() == 4
    assert CaseEvent.objects.filter(case=case, step=Step.SCHEDULE_MEETING).count() == 2


def test_no_meeting_is_arranged_before_the_threshold_is_met(area, coordinator):
    case = met_case(area, coordinator)
    case.status = Status.GATHERING_INFORMATION  # as if still undecided
    case.save(update_fields=["status"])

    with pytest.raises(IllegalStep, match="cannot have a review meeting arranged"):
        review_schedule_meeting(case, by=coordinator, plan=meeting_plan(area))


def test_a_meeting_needs_a_place_or_a_link_and_a_chair(area, coordinator):
    case = voiced(area, coordinator)
    plan = dataclasses.replace(
        meeting_plan(area), place="", video_link="", chair=Chair(name="", organisation="")
    )

    with pytest.raises(ValidationError) as refused:
        review_schedule_meeting(case, by=coordinator, plan=plan)

    assert set(refused.value.message_dict) == {"place", "chair_name", "chair_organisation"}
