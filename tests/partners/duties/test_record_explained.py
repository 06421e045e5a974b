"""Recording that the Case Review was explained settles the prompt; a date in the future or
before the prompt was raised is refused, naming the field, with everything typed kept."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from casereview.accounts.models import User
from casereview.areas.models import Area
from casereview.partners.duties.second_report import raise_second_report_prompts
from casereview.partners.duties.services import prompt_record_explained
from casereview.partners.models import SecondReportPrompt
from tests.partners.duties.helpers import incident, victim_record

pytestmark = pytest.mark.usefixtures("in_march")

StaffClient = Callable[[User], Client]


@pytest.fixture
def prompt(area: Area) -> SecondReportPrompt:
    record = victim_record(area, area.police_force, "Sam Victim")
    incident(area, area.police_force, record, dt.date(2026, 1, 5))
    raise_second_report_prompts([incident(area, area.police_force, record, dt.date(2026, 2, 1))])
    return SecondReportPrompt.objects.get()


def _url(prompt: SecondReportPrompt) -> str:
    return reverse(
        "partners:second-report", kwargs={"slug": prompt.area.slug, "prompt_id": prompt.pk}
    )


def _posted(day: dt.date, how: str = "letter", note: str = "") -> dict[str, str]:
    return {
        "on-day": str(day.day),
        "on-month": str(day.month),
        "on-year": str(day.year),
        "how": how,
        "note": note,
    }


def test_recording_the_explanation_settles_the_prompt(
    prompt: SecondReportPrompt, coordinator: User, staff_client: StaffClient
) -> None:
    response = staff_client(coordinator).post(
        _url(prompt), _posted(dt.date(2026, 3, 16), "letter", "Sent the ready letter.")
    )

    assert response.status_code == 302
    assert response["Location"] == reverse(
        "partners:second-reports", kwargs={"slug": prompt.area.slug}
    )
    prompt.refresh_from_db()
    assert (prompt.explained_on, prompt.explained_how, prompt.explained_by, prompt.note) == (
        dt.date(2026, 3, 16),
        "letter",
        coordinator,
        "Sent the ready letter.",
    )


def test_a_date_in_the_future_is_refused_and_what_was_typed_is_kept(
    prompt: SecondReportPrompt, coordinator: User, staff_client: StaffClient
) -> None:
    response = staff_client(coordinator).post(
        _url(prompt), _posted(dt.date(2026, 3, 17), "phone", "Rang them.")
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page
    assert "The date it was explained must be today or in the past" in page
    assert "Rang them." in page
    assert 'value="17"' in page
    prompt.refresh_from_db()
    assert prompt.explained_on is None


def test_a_date_before_the_prompt_was_raised_is_refused(
    prompt: SecondReportPrompt, coordinator: User, staff_client: StaffClient
) -> None:
    response = staff_client(coordinator).post(_url(prompt), _posted(dt.date(2026, 3, 13)))

    assert "The date cannot be before the day the prompt was raised" in response.content.decode()
    prompt.refresh_from_db()
    assert prompt.explained_on is None


def test_an_unknown_way_of_explaining_is_refused(
    prompt: SecondReportPrompt, coordinator: User, staff_client: StaffClient
) -> None:
    response = staff_client(coordinator).post(
        _url(prompt), _posted(dt.date(2026, 3, 16), "carrier-pigeon")
    )

    assert "Choose how the review was explained" in response.content.decode()


def test_a_settled_prompt_is_not_recorded_over(
    prompt: SecondReportPrompt, coordinator: User
) -> None:
    prompt_record_explained(prompt, by=coordinator, on=dt.date(2026, 3, 16), how="phone")
    again = prompt_record_explained(prompt, by=coordinator, on=dt.date(2026, 3, 16), how="phone")
    assert again.explained_how == "phone"

    with pytest.raises(ValidationError) as refused:
        prompt_record_explained(prompt, by=coordinator, on=dt.date(2026, 3, 16), how="letter")

    assert "already recorded" in str(refused.value.message_dict["on"])
