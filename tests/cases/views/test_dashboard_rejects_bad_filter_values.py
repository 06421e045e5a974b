"""Filter values that are not among the choices are explained on the page, never a crash,
and the valid filters still apply."""

from __future__ import annotations

import pytest
from django.test import Client

from casereview.accounts.models import User
from casereview.areas.models import Area
from tests.cases.helpers import receive
from tests.cases.views.pages import dashboard_url, error_summary, main_text, title

pytestmark = pytest.mark.usefixtures("in_march")


def test_unknown_filter_values_are_listed_in_the_error_summary(
    area: Area, other_area: Area, coordinator: User, coordinator_client: Client
) -> None:
    receive(area, coordinator)

    response = coordinator_client.get(
        dashboard_url(
            show="everyone", status="lost", due="soon", spoc="abc", area=str(other_area.pk)
        )
    )

    assert response.status_code == 200
    assert title(response).startswith("Error:")
    summary = error_summary(response)
    assert "Choose my cases or all cases in my areas" in summary
    assert "Choose a status from the list" in summary
    assert "Choose when the cases are due from the list" in summary
    assert "Choose a single point of contact from the list" in summary
    assert "Choose one of your areas from the list" in summary


def test_a_search_that_is_too_long_is_explained(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    response = coordinator_client.get(dashboard_url(q="x" * 101))

    assert response.status_code == 200
    assert "Search for at most 100 characters" in error_summary(response)


def test_valid_filters_still_apply_beside_a_bad_one(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    case = receive(area, coordinator)

    text = main_text(coordinator_client.get(dashboard_url(status="lost", q=case.reference)))

    assert case.reference in text[text.find("Next deadline") :]


def test_a_page_number_past_the_end_shows_the_last_page(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    case = receive(area, coordinator)

    for page in ("999", "abc", "-1"):
        response = coordinator_client.get(dashboard_url(page=page))
        assert response.status_code == 200
        assert case.reference in main_text(response)
