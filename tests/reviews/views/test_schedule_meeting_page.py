"""The meeting page arranges the review meeting with a panel of the area's relevant bodies and
other organisations, refuses a panel with too few relevant bodies (at the top and by the
panel, keeping what was typed), adds organisation rows without JavaScript, warns about a chair
who is not independent, and starts from the current arrangements when arranged again."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from django.test import Client

from casereview.accounts.models import User
from casereview.areas.models import Area
from casereview.areas.selectors import relevant_bodies
from casereview.cases.workflow import Status
from casereview.reviews.models import Meeting
from tests.cases.views.pages import date_fields, error_summary, main_text
from tests.reviews.helpers import scheduled, voiced
from tests.reviews.views.pages import field_value, review_url

LONDON = ZoneInfo("Europe/London")
MEETING_DAY = dt.date(2027, 1, 6)


def _form(area: Area, *, bodies: int = 3, **extra: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        **date_fields("meeting_date", MEETING_DAY),
        "meeting_time": "14:00",
        "duration_minutes": "120",
        "victim_part_minutes": "30",
        "place": "Wallfields, Pegs Lane, Hertford",
        "video_link": "",
        "other_rows": "1",
        "other_1_organisation": "Hertfordshire Fire and Rescue Service",
        "other_1_name": "Fran Fire",
        "other_1_role": "Station manager",
        "other_1_email": "fire@example.org",
        "chair_name": "Pat Chair",
        "chair_organisation": "Broxbourne Borough Council",
        "chair_email": "chair@example.org",
        "chair_independent": "on",
    }
    for number, agency in enumerate(relevant_bodies(area)[:bodies], start=1):
        data[f"body_{agency.pk}_include"] = "on"
        data[f"body_{agency.pk}_name"] = f"Member {number}"
        data[f"body_{agency.pk}_email"] = f"member{number}@example.org"
    data.update(extra)
    return data


def test_a_meeting_with_three_relevant_bodies_and_the_fire_service_is_arranged(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    case = voiced(area, coordinator)

    response = coordinator_client.post(review_url("schedule", case), _form(area), follow=True)

    assert "The review meeting is arranged: the panel is invited." in main_text(response)
    meeting = Meeting.objects.get(case=case)
    assert meeting.starts_at == dt.datetime(2027, 1, 6, 14, tzinfo=LONDON)
    assert meeting.chair_independent
    panel = list(meeting.panel.all())
    assert [m.name for m in panel] == ["Member 1", "Member 2", "Member 3", "Fran Fire"]
    assert sum(m.relevant_body for m in panel) == 3
    case.refresh_from_db()
    assert case.status == Status.MEETING_SCHEDULED


def test_too_few_relevant_bodies_is_refused_at_the_top_and_by_the_panel(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    case = voiced(area, coordinator)

    response = coordinator_client.post(review_url("schedule", case), _form(area, bodies=2))

    assert response.status_code == 200
    assert "The panel has 2 relevant bodies" in error_summary(response)
    page = main_text(response)
    panel_section = page[page.index("The panel ") : page.index("Relevant bodies of the area")]
    assert "needs at least 3" in panel_section
    assert field_value(response, "other_1_name") == "Fran Fire"
    assert field_value(response, "chair_name") == "Pat Chair"
    assert not Meeting.objects.filter(case=case).exists()


def test_a_chair_who_is_not_independent_is_arranged_with_a_warning(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    case = voiced(area, coordinator)
    data = _form(area, chair_agency=str(area.police_force.pk))
    del data["chair_independent"]

    response = coordinator_client.post(review_url("schedule", case), data, follow=True)

    text = main_text(response)
    assert "The review meeting is arranged" in text
    assert "Important" in text
    assert "The chair is from Hertfordshire Constabulary, which handled this case." in text


def test_add_another_organisation_adds_a_row_and_keeps_what_was_typed(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    case = voiced(area, coordinator)

    response = coordinator_client.post(review_url("schedule", case), _form(area, add_other="1"))

    assert response.status_code == 200
    assert error_summary(response) == ""
    assert "Other organisation 2" in main_text(response)
    assert 'name="other_rows" value="2"' in response.content.decode()
    assert field_value(response, "other_1_organisation") == "Hertfordshire Fire and Rescue Service"
    assert field_value(response, "meeting_time") == "14:00"
    assert not Meeting.objects.filter(case=case).exists()


def test_a_time_that_is_not_a_time_is_named(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    case = voiced(area, coordinator)

    response = coordinator_client.post(
        review_url("schedule", case), _form(area, meeting_time="25:99")
    )

    assert "Enter a real time, like 14:00 or 2pm" in error_summary(response)
    assert field_value(response, "meeting_time") == "25:99"
    assert not Meeting.objects.filter(case=case).exists()


def test_a_ticked_body_without_a_name_and_missing_chair_are_named(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    case = voiced(area, coordinator)
    council = relevant_bodies(area)[0]

    data = _form(area, chair_name="")
    data[f"body_{council.pk}_name"] = ""

    response = coordinator_client.post(review_url("schedule", case), data)

    summary = error_summary(response)
    assert f"Enter the name of the person from {council.name}" in summary
    assert "Enter the chair's name" in summary


def test_arranging_again_starts_from_the_current_arrangements(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    case = scheduled(area, coordinator)

    response = coordinator_client.get(review_url("schedule", case))

    assert "Arrange the review meeting again" in main_text(response)
    assert field_value(response, "meeting_time") == "14:00"
    assert field_value(response, "chair_name") == "Pat Chair"
    assert field_value(response, "other_1_name") == "Fire Officer"
    first_body = relevant_bodies(area)[0]
    assert field_value(response, f"body_{first_body.pk}_name") == "Member 1"


def test_arranging_again_moves_the_meeting(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    case = scheduled(area, coordinator)

    response = coordinator_client.post(
        review_url("schedule", case), _form(area, meeting_time="10:30"), follow=True
    )

    assert "The review meeting is arranged again" in main_text(response)
    meeting = Meeting.objects.get(case=case)
    assert meeting.starts_at == dt.datetime(2027, 1, 6, 10, 30, tzinfo=LONDON)
