"""The record page records the meeting: attendance, minutes, outcome, the restricted
proportionality assessment, recommendations and actions (rows added without JavaScript); it
names missing answers and keeps what was typed, asks about the victim only when they were
invited, and starts from the existing record when correcting it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.test import Client

from casereview.accounts.models import User
from casereview.areas.models import Area
from casereview.cases.models import Case
from casereview.cases.workflow import Status
from casereview.reviews.models import Meeting, VoiceChoice
from tests.cases.views.pages import date_fields, error_summary, main_text, someone
from tests.reviews.helpers import ASSESSMENT_MARKER, HIDDEN_ACTION, held, scheduled
from tests.reviews.views.pages import field_value, is_ticked, review_url

TODAY = dt.date(2026, 12, 21)


def _meeting(case: Case) -> Meeting:
    return Meeting.objects.get(case=case)


def _form(case: Case, **extra: Any) -> dict[str, Any]:
    meeting = _meeting(case)
    council, police = case.area.council, case.area.police_force
    data: dict[str, Any] = {
        **date_fields("held_on", TODAY),
        "victim_attended": "yes",
        "attendance": [str(m.pk) for m in meeting.panel.all()][:3],
        "minutes": "The panel met and agreed the plan.",
        "outcome": "Noise monitoring will be installed.",
        "interventions_considered": "A civil injunction was considered.",
        "necessity_and_proportionality": "Necessary.",
        "rights_considered": "Article 8.",
        "proportionality_decision": "Warning first.",
        "recommendation_rows": "1",
        "recommendation_1_agency": str(council.pk),
        "recommendation_1_body_name": "",
        "recommendation_1_text": "Triage noise reports faster.",
        "action_rows": "2",
        "action_1_description": "Install noise monitoring",
        "action_1_owner": str(council.pk),
        **date_fields("action_1_due_on", TODAY + dt.timedelta(days=21)),
        "action_1_victim_may_see": "on",
        "action_2_description": "Warn the neighbour",
        "action_2_owner": str(police.pk),
        **date_fields("action_2_due_on", TODAY + dt.timedelta(days=14)),
    }
    data.update(extra)
    return data


def test_the_meeting_is_recorded_with_its_plan(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    case = scheduled(area, coordinator)

    response = coordinator_client.post(review_url("record", case), _form(case), follow=True)

    assert "The meeting is recorded." in main_text(response)
    meeting = _meeting(case)
    assert meeting.held_on == TODAY
    assert meeting.victim_attended is True
    assert meeting.interventions_considered == "A civil injunction was considered."
    assert [m.attended for m in meeting.panel.all()] == [True, True, True, False]
    assert [r.text for r in meeting.recommendations.all()] == ["Triage noise reports faster."]
    actions = {a.description: a.victim_may_see for a in meeting.actions.all()}
    assert actions == {"Install noise monitoring": True, "Warn the neighbour": False}
    case.refresh_from_db()
    assert case.status == Status.MEETING_HELD


def test_missing_answers_are_named_and_what_was_typed_is_kept(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    case = scheduled(area, coordinator)

    response = coordinator_client.post(
        review_url("record", case),
        _form(case, minutes="", proportionality_decision="", action_2_owner=""),
    )

    summary = error_summary(response)
    assert "Enter the minutes of the meeting" in summary
    assert "Enter the panel's decision on the assessment" in summary
    assert "Choose the agency that owns action 2" in summary
    assert "Noise monitoring will be installed." in response.content.decode()
    assert _meeting(case).held_on is None


def test_add_another_action_adds_a_row_and_keeps_the_ticks(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    case = scheduled(area, coordinator)

    response = coordinator_client.post(review_url("record", case), _form(case, add_action="1"))

    page = response.content.decode()
    assert error_summary(response) == ""
    assert "Action 3" in main_text(response)
    assert 'name="action_rows" value="3"' in page
    # Action 1 stays visible to the victim, action 2 hidden, and the new row starts visible.
    assert is_ticked(response, "action_1_victim_may_see")
    assert not is_ticked(response, "action_2_victim_may_see")
    assert is_ticked(response, "action_3_victim_may_see")
    assert _meeting(case).held_on is None


def test_the_victim_is_asked_about_only_when_invited(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    invited = scheduled(area, coordinator)
    not_invited = scheduled(area, coordinator, choice=VoiceChoice.NONE, victim=someone(2))

    asked = main_text(coordinator_client.get(review_url("record", invited)))
    not_asked = main_text(coordinator_client.get(review_url("record", not_invited)))

    assert "Did the victim attend the first part?" in asked
    assert "Did the victim attend the first part?" not in not_asked


def test_correcting_the_record_starts_from_it(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    case = held(area, coordinator)

    response = coordinator_client.get(review_url("record", case))

    page = response.content.decode()
    assert "Correct the record of the meeting" in main_text(response)
    assert ASSESSMENT_MARKER in page
    assert HIDDEN_ACTION in page
    assert 'name="action_rows" value="2"' in page
    assert field_value(response, "held_on-day") == "21"
