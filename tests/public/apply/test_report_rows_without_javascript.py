"""The reports page grows and shrinks without JavaScript: "Add another report" and "Remove"
are submit buttons, and the page comes back with everything typed kept and no errors."""

from __future__ import annotations

import pytest
from django.test import Client

from casereview.areas.models import AgencyKind, Area
from tests.public.apply.helpers import answer, answer_all, body, for_myself, start

pytestmark = pytest.mark.usefixtures("in_march")


@pytest.fixture
def client(area: Area) -> Client:
    client = Client()
    start(client, area)
    answer_all(client, area, for_myself(area)[:10])
    return client


def test_add_another_shows_one_more_row_keeping_what_was_typed(client: Client, area: Area) -> None:
    response = answer(
        client,
        area,
        "reports",
        {"complaint_rows": "1", "complaint_1_reference": "HC-1", "add_complaint": "1"},
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert 'name="complaint_2_agency"' in page
    assert 'value="HC-1"' in page
    assert "govuk-error-summary" not in page


def test_remove_takes_out_that_row_and_moves_the_rest_up(client: Client, area: Area) -> None:
    police = str(body(area, AgencyKind.POLICE).pk)
    response = answer(
        client,
        area,
        "reports",
        {
            "complaint_rows": "3",
            "complaint_1_reference": "FIRST",
            "complaint_2_reference": "SECOND",
            "complaint_3_reference": "THIRD",
            "complaint_3_agency": police,
            "remove_complaint": "2",
        },
    )

    page = response.content.decode()
    assert 'name="complaint_3_agency"' not in page
    assert 'value="FIRST"' in page
    assert 'value="SECOND"' not in page
    assert 'name="complaint_rows" value="2"' in page
    assert 'value="THIRD"' in page
    assert f'<option value="{police}" selected>' in page


def test_a_blank_page_of_reports_is_allowed(client: Client, area: Area) -> None:
    response = answer(client, area, "reports", {"complaint_rows": "1"})

    assert response.status_code == 302


def test_a_forged_remove_button_removes_nothing_and_keeps_every_row(
    client: Client, area: Area
) -> None:
    for removed in ("", "0", "9", "x"):
        response = answer(
            client,
            area,
            "reports",
            {
                "complaint_rows": "2",
                "complaint_1_reference": "FIRST",
                "complaint_2_reference": "SECOND",
                "remove_complaint": removed,
            },
        )
        page = response.content.decode()
        assert 'value="FIRST"' in page, removed
        assert 'value="SECOND"' in page, removed
        assert 'name="complaint_rows" value="2"' in page, removed


def test_a_row_sent_without_the_row_count_is_shown_again(client: Client, area: Area) -> None:
    # Found by tests/security/fuzz: the count missing, the only row "removed" by a button with
    # no number, and what was typed into row 2 was lost.
    response = answer(
        client, area, "reports", {"remove_complaint": "", "complaint_2_reference": "00"}
    )
    page = response.content.decode()
    assert 'value="00"' in page
    assert 'name="complaint_2_reference"' in page
