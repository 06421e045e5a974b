"""The victim-contact page records the call after a "met" decision, and only then."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from casereview.accounts.models import User
from casereview.areas.models import Area
from tests.cases.views.pages import date_fields, decided, error_summary, main_text, step_url

pytestmark = pytest.mark.usefixtures("in_march")


def test_recording_the_call_keeps_the_date_and_the_note(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    case = decided(area, coordinator, met=True)

    response = coordinator_client.post(
        step_url("victim-contact", case),
        {**date_fields("on", dt.date(2026, 3, 16)), "note": "Explained the panel meeting"},
        follow=True,
    )

    assert "The call to the victim is recorded." in main_text(response)
    case.refresh_from_db()
    assert case.victim_contacted_on == dt.date(2026, 3, 16)
    assert case.events.last().note == "Explained the panel meeting"  # type: ignore[union-attr]


def test_a_call_dated_in_the_future_is_explained_and_the_note_kept(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    case = decided(area, coordinator, met=True)

    response = coordinator_client.post(
        step_url("victim-contact", case),
        {**date_fields("on", dt.date(2026, 3, 20)), "note": "Left a message"},
    )

    assert "must be today or in the past" in error_summary(response)
    assert "Left a message" in response.content.decode()
    case.refresh_from_db()
    assert case.victim_contacted_on is None


def test_a_case_not_met_has_no_call_to_record(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    case = decided(area, coordinator, met=False)

    response = coordinator_client.get(step_url("victim-contact", case), follow=True)

    assert (
        "A case that is decided as not meeting the threshold cannot have a call to the victim "
        "recorded." in main_text(response)
    )
