"""Dates that cannot be right get a specific error in the GOV.UK error summary, and what was
typed is shown again beside it, never lost."""

import datetime as dt

import pytest

from tests.public.check.helpers import POLICE, Said, body, check_url, complaints_post

pytestmark = pytest.mark.django_db


def post(client, area, data):
    response = client.post(check_url("check_complaints", area), data)
    assert response.status_code == 200
    return response.content.decode()


def test_a_date_in_the_future_is_refused(client, area, in_march):
    data = complaints_post(area, [Said(dt.date(2026, 3, 20), dt.date(2026, 3, 21))])
    text = post(client, area, data)
    assert "There is a problem" in text
    assert "The date the behaviour in complaint 1 happened must be today or in the past" in text
    assert "The date you reported complaint 1 must be today or in the past" in text
    assert 'href="#id_complaint_1_happened-day"' in text
    assert "<title>Error:" in text


def test_a_report_before_the_behaviour_is_refused(client, area, in_march):
    data = complaints_post(area, [Said(dt.date(2026, 3, 5), dt.date(2026, 3, 5))])
    data["complaint_1_reported-day"] = "4"
    text = post(client, area, data)
    assert (
        "The date you reported complaint 1 must be the same as or after the date it happened"
        in text
    )


def test_an_impossible_date_is_refused_and_kept_as_typed(client, area, in_march):
    data = complaints_post(area, [Said(dt.date(2026, 2, 2), dt.date(2026, 2, 3))])
    data["complaint_1_happened-day"] = "30"
    data["complaint_1_happened-month"] = "Febuary"
    text = post(client, area, data)
    assert "The date the behaviour in complaint 1 happened must be a real date" in text
    assert 'value="30"' in text
    assert 'value="Febuary"' in text
    # The other answers of the row are kept too.
    assert 'name="complaint_1_reported-day" type="text" value="3"' in text
    assert f'value="{body(area, POLICE)}" selected' in text


def test_a_missing_part_names_the_part(client, area, in_march):
    data = complaints_post(area, [Said(dt.date(2026, 2, 2), dt.date(2026, 2, 3))])
    data["complaint_1_reported-month"] = ""
    text = post(client, area, data)
    assert "The date you reported complaint 1 must include a month" in text
    assert 'href="#id_complaint_1_reported-month"' in text


def test_an_empty_page_asks_for_the_first_complaint(client, area, in_march):
    text = post(client, area, {"complaint_rows": "1"})
    assert "Enter the date the behaviour in complaint 1 happened" in text
    assert "Enter the date you reported complaint 1" in text
    assert "Choose who you reported complaint 1 to" in text


def test_a_half_filled_second_row_is_checked_and_a_blank_one_ignored(client, area, in_march):
    data = complaints_post(
        area,
        [
            Said(dt.date(2026, 2, 2), dt.date(2026, 2, 3)),
            Said(dt.date(2026, 2, 9), dt.date(2026, 2, 9)),
        ],
    )
    data["complaint_2_body"] = ""
    text = post(client, area, data)
    assert "Choose who you reported complaint 2 to" in text
    assert "complaint 1" not in text.split("govuk-error-summary__list")[1].split("</ul>")[0]

    data = complaints_post(area, [Said(dt.date(2026, 2, 2), dt.date(2026, 2, 3))])
    data["complaint_rows"] = "2"
    response = client.post(check_url("check_complaints", area), data)
    assert response.status_code == 302


def test_a_body_not_in_the_list_is_refused(client, area, in_march):
    data = complaints_post(area, [Said(dt.date(2026, 2, 2), dt.date(2026, 2, 3))])
    data["complaint_1_body"] = "999999"
    text = post(client, area, data)
    assert "Choose who you reported complaint 1 to from the list" in text


def test_an_application_date_in_the_past_is_refused_and_kept(client, area, in_march):
    client.post(
        check_url("check_complaints", area),
        complaints_post(area, [Said(dt.date(2026, 2, 2), dt.date(2026, 2, 3))]),
    )
    response = client.post(
        check_url("check_application_date", area),
        {"apply_on-day": "15", "apply_on-month": "3", "apply_on-year": "2026"},
    )
    text = response.content.decode()
    assert response.status_code == 200
    assert "The date you plan to apply must be today or in the future" in text
    assert 'value="15"' in text
