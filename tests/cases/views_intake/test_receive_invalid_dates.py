"""Dates that do not exist, are in the future, or are incomplete are errors on their fields,
never a server error; so is a complaint reported before the behaviour happened."""

from __future__ import annotations

import datetime as dt

from casereview.areas.models import AgencyKind
from casereview.cases.models import Case
from tests.cases.helpers import agency_of
from tests.cases.views_intake.conftest import (
    RECEIVE_URL,
    application,
    complaint_row,
    date_parts,
)


def errors_after_posting(client, data):
    response = client.post(RECEIVE_URL, data)
    assert response.status_code == 200
    assert not Case.objects.exists()
    return response.context_data["form"].errors


def test_the_31st_of_february_is_not_a_real_date(staff_client, coordinator, area):
    errors = errors_after_posting(
        staff_client(coordinator),
        application(**{"received_on-day": "31", "received_on-month": "2"}),
    )

    assert errors["received_on"] == ["The date the application was received must be a real date"]


def test_a_received_date_in_the_future_is_refused(staff_client, coordinator, area):
    errors = errors_after_posting(
        staff_client(coordinator), application(**date_parts("received_on", dt.date(2026, 3, 17)))
    )

    assert errors["received_on"] == [
        "The date the application was received must be today or in the past"
    ]


def test_a_missing_year_is_named(staff_client, coordinator, area):
    errors = errors_after_posting(
        staff_client(coordinator), application(**{"received_on-year": ""})
    )

    assert errors["received_on"] == ["The date the application was received must include a year"]


def test_a_complaint_row_with_a_bad_date_or_missing_parts_is_refused(
    staff_client, coordinator, area
):
    police = agency_of(area, AgencyKind.POLICE)
    data = application(
        complaint_rows="2",
        **complaint_row(1, police.pk, None, dt.date(2026, 3, 3)),
        **complaint_row(2, "", dt.date(2026, 3, 2), None),
    )
    data["complaint_1_behaviour_on-day"] = "30"
    data["complaint_1_behaviour_on-month"] = "2"
    data["complaint_1_behaviour_on-year"] = "2026"

    errors = errors_after_posting(staff_client(coordinator), data)

    assert errors["complaint_1_behaviour_on"] == [
        "The date of the behaviour in complaint 1 must be a real date"
    ]
    assert errors["complaint_2_agency"] == ["Complaint 2: choose the agency it was made to"]
    assert errors["complaint_2_reported_on"] == ["Enter the date complaint 2 was reported"]


def test_a_complaint_reported_before_the_behaviour_is_refused(staff_client, coordinator, area):
    police = agency_of(area, AgencyKind.POLICE)
    data = application(**complaint_row(1, police.pk, dt.date(2026, 3, 5), dt.date(2026, 3, 4)))

    errors = errors_after_posting(staff_client(coordinator), data)

    assert errors["complaint_1_reported_on"] == [
        "The date complaint 1 was reported must be the same as or after the date of the behaviour"
    ]


def test_nonsense_in_the_row_count_and_choices_is_an_error_not_a_crash(
    staff_client, coordinator, area
):
    data = application(complaint_rows="many", channel="pigeon", victim_kind="robot")

    errors = errors_after_posting(staff_client(coordinator), data)

    assert set(errors) == {"channel", "victim_kind"}
