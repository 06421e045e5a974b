"""'Add another complaint' and 'Remove' are ordinary submit buttons: the page comes back with
one row more or less, everything typed kept, and no error messages."""

import datetime as dt

import pytest

from tests.public.check.helpers import (
    COUNCIL,
    HOUSING,
    POLICE,
    Said,
    body,
    check_url,
    complaints_post,
)

pytestmark = pytest.mark.django_db


def post(client, area, data):
    response = client.post(check_url("check_complaints", area), data)
    assert response.status_code == 200
    return response.content.decode()


def test_add_another_complaint_keeps_what_was_typed(client, area, in_march):
    data = complaints_post(area, [Said(dt.date(2026, 2, 2), dt.date(2026, 2, 3))])
    data["add"] = "1"
    text = post(client, area, data)
    assert "Complaint 2" in text
    assert 'name="complaint_rows" value="2"' in text
    assert 'name="complaint_1_reported-day" type="text" value="3"' in text
    assert f'value="{body(area, POLICE)}" selected' in text
    assert "There is a problem" not in text


def test_adding_to_a_half_typed_page_shows_no_errors(client, area, in_march):
    text = post(client, area, {"complaint_rows": "1", "complaint_1_happened-day": "31", "add": "1"})
    assert "There is a problem" not in text
    assert 'name="complaint_1_happened-day" type="text" value="31"' in text


def test_remove_takes_out_that_row_and_moves_the_rest_up(client, area, in_march):
    data = complaints_post(
        area,
        [
            Said(dt.date(2026, 1, 1), dt.date(2026, 1, 2), to=POLICE),
            Said(dt.date(2026, 2, 1), dt.date(2026, 2, 2), to=COUNCIL),
            Said(dt.date(2026, 3, 1), dt.date(2026, 3, 2), to=HOUSING),
        ],
    )
    data["remove"] = "2"
    text = post(client, area, data)
    assert 'name="complaint_rows" value="2"' in text
    assert "Complaint 3" not in text
    # The third row is now the second.
    assert 'name="complaint_2_happened-month" type="text" value="3"' in text
    assert f'value="{body(area, HOUSING)}" selected' in text
    assert f'value="{body(area, COUNCIL)}" selected' not in text
    assert "There is a problem" not in text


def test_each_row_has_a_remove_button_named_for_screen_readers_once_there_are_two(
    client, area, in_march
):
    one = client.get(check_url("check_complaints", area)).content.decode()
    assert 'name="remove"' not in one
    data = complaints_post(area, [Said(dt.date(2026, 1, 1), dt.date(2026, 1, 2))])
    data["add"] = "1"
    two = post(client, area, data)
    assert two.count('name="remove"') == 2
    assert '<span class="govuk-visually-hidden"> complaint 2</span>' in two


def test_the_page_stops_growing_at_its_limit(client, area, in_march):
    text = post(client, area, {"complaint_rows": "30", "add": "1"})
    assert 'name="complaint_rows" value="30"' in text
    assert 'name="add"' not in text


def test_a_remove_naming_no_row_changes_nothing(client, area, in_march):
    data = complaints_post(area, [Said(dt.date(2026, 1, 1), dt.date(2026, 1, 2))])
    data["remove"] = "7"
    text = post(client, area, data)
    assert 'name="complaint_rows" value="1"' in text
    assert 'name="complaint_1_reported-day" type="text" value="2"' in text
