"""The staff figures page: who sees it, the period it shows, and what bad input gets."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from casereview.accounts.models import User
from casereview.areas.models import Area
from tests.publishing.statistics.helpers import on, someone
from tests.reviews.helpers import held

pytestmark = pytest.mark.django_db

StaffClient = Callable[[User], Client]


def page(area: Area) -> str:
    return reverse("publishing:statistics", kwargs={"slug": area.slug})


@pytest.mark.parametrize("who", ["area_admin", "coordinator", "read_only"])
def test_the_areas_staff_see_the_figures(
    who: str, area: Area, staff_client: StaffClient, request: pytest.FixtureRequest
) -> None:
    user = request.getfixturevalue(who)

    response = staff_client(user).get(page(area))

    assert response.status_code == 200
    assert "Applications" in response.content.decode()


def test_another_areas_coordinator_gets_not_found(
    area: Area, outsider: User, staff_client: StaffClient
) -> None:
    assert staff_client(outsider).get(page(area)).status_code == 404
    csv = reverse("publishing:statistics-csv", kwargs={"slug": area.slug})
    assert staff_client(outsider).get(csv).status_code == 404


def test_an_unknown_area_is_not_found(coordinator: User, staff_client: StaffClient) -> None:
    missing = reverse("publishing:statistics", kwargs={"slug": "nowhere"})
    assert staff_client(coordinator).get(missing).status_code == 404


def test_signed_out_people_are_sent_to_sign_in(area: Area, client: Client) -> None:
    response = client.get(page(area))
    assert response.status_code == 302


def test_the_current_financial_year_is_shown_by_default_with_its_figures(
    area: Area, coordinator: User, staff_client: StaffClient
) -> None:
    with on(dt.date(2026, 5, 4)):
        held(area, coordinator, victim=someone())
        body = staff_client(coordinator).get(page(area)).content.decode()

    assert "Financial year 2026 to 2027" in body
    assert "Previous period: Financial year 2025 to 2026" in body
    assert "Next period" not in body
    assert "This period has not ended yet" in body
    # The definitions are written beside the figures.
    assert "counted by the date the meeting was held" in body
    assert "1 of 1" in body
    assert "0.0 working days" in body


def test_a_quarter_is_shown_when_asked_for(
    area: Area, coordinator: User, staff_client: StaffClient
) -> None:
    with on(dt.date(2026, 5, 4)):
        held(area, coordinator, victim=someone())
        response = staff_client(coordinator).get(
            page(area), {"kind": "quarter", "year": "2025", "quarter": "4"}
        )

    body = response.content.decode()
    assert "Quarter 4 of 2025 to 2026" in body
    assert "None in this period" in body
    assert "Next period: Quarter 1 of 2026 to 2027" in body


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"kind": "decade", "year": "2025"}, "Choose the kind of period."),
        ({"kind": "financial_year", "year": "twenty"}, "Enter the year as a number, like 2025."),
        ({"kind": "financial_year", "year": ""}, "Enter the year the period starts in."),
        ({"kind": "calendar_year", "year": "1999"}, "Enter a year from 2014 to 2026."),
        ({"kind": "quarter", "year": "2025"}, "Choose the quarter."),
        ({"kind": "quarter", "year": "2025", "quarter": "9"}, "Choose one of the four quarters."),
    ],
)
def test_bad_input_is_named_in_the_error_summary(
    query: dict[str, str],
    message: str,
    area: Area,
    coordinator: User,
    staff_client: StaffClient,
) -> None:
    with on(dt.date(2026, 5, 4)):
        response = staff_client(coordinator).get(page(area), query)

    body = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in body
    assert message in body
    assert "The figures the law asks the area to publish" not in body
    # What was typed is kept.
    assert f'value="{query["year"]}"' in body or not query["year"]
