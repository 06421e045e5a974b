"""The returns pages: who may use them, making and downloading a return, bad periods."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from casereview.accounts.models import User
from casereview.areas.models import Area
from casereview.publishing.models import ReturnLayout
from tests.publishing.releases.helpers import AFTER_YEAR_END, applications, published
from tests.publishing.statistics.helpers import on

pytestmark = pytest.mark.django_db

StaffClient = Callable[[User], Client]
FY_QUERY = {"kind": "financial_year", "year": "2025"}


def _home_office() -> ReturnLayout:
    return ReturnLayout.objects.get(area=None, name="Home Office annual return")


def _url(name: str, area: Area, layout: ReturnLayout | None = None) -> str:
    kwargs = {"slug": area.slug} | ({"pk": layout.pk} if layout else {})
    return reverse(f"publishing:{name}", kwargs=kwargs)


@pytest.mark.parametrize("who", ["coordinator", "area_admin"])
def test_coordinators_and_administrators_make_returns(
    request: pytest.FixtureRequest, staff_client: StaffClient, area: Area, who: str
) -> None:
    client = staff_client(request.getfixturevalue(who))

    listing = client.get(_url("returns", area))
    with on(AFTER_YEAR_END):
        page = client.get(_url("return", area, _home_office()))

    assert listing.status_code == 200
    assert "Home Office annual return" in listing.content.decode()
    assert page.status_code == 200
    # The last financial year that has ended is offered.
    assert 'value="2025"' in page.content.decode()


def test_a_read_only_member_gets_403_and_an_outsider_404(
    staff_client: StaffClient, area: Area, read_only: User, outsider: User
) -> None:
    layout = _home_office()
    pages = ("returns", "return", "return-csv")

    reader = [
        staff_client(read_only).get(_url(p, area, layout if p != "returns" else None))
        for p in pages
    ]
    stranger = [
        staff_client(outsider).get(_url(p, area, layout if p != "returns" else None)) for p in pages
    ]

    assert [r.status_code for r in reader] == [403, 403, 403]
    assert [r.status_code for r in stranger] == [404, 404, 404]


def test_another_areas_layout_is_404(
    staff_client: StaffClient, area: Area, other_area: Area, coordinator: User
) -> None:
    theirs = ReturnLayout.objects.create(
        area=other_area,
        name="Theirs",
        recipient="pcc",
        columns=[{"heading": "A", "figure": "area.name"}],
    )

    response = staff_client(coordinator).get(_url("return", area, theirs))

    assert response.status_code == 404


def test_the_page_shows_the_values_and_says_when_nothing_is_published(
    staff_client: StaffClient, area: Area, coordinator: User
) -> None:
    applications(area, coordinator, 3, received_on=dt.date(2025, 7, 1))

    with on(AFTER_YEAR_END):
        page = staff_client(coordinator).get(_url("return", area, _home_office()), FY_QUERY)

    html = page.content.decode()
    assert "Nothing is published for this period yet" in html
    assert "Applications received" in html
    assert "Download the return (CSV)" in html


def test_the_csv_download_is_named_for_the_area_layout_and_period(
    staff_client: StaffClient, area: Area, coordinator: User, area_admin: User
) -> None:
    applications(area, coordinator, 5, received_on=dt.date(2025, 7, 1))
    published(area, area_admin)

    with on(AFTER_YEAR_END):
        response = staff_client(coordinator).get(_url("return-csv", area, _home_office()), FY_QUERY)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert (
        response["Content-Disposition"]
        == 'attachment; filename="east-hertfordshire-home-office-annual-return-2025-26.csv"'
    )
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert len(rows) == 2
    assert rows[1][:2] == ["East Hertfordshire", "E07000242"]
    assert rows[1][4] == "5"


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"kind": "financial_year", "year": "soon"}, "Enter the year as a number, like 2025."),
        ({"kind": "quarter", "year": "2025", "quarter": "1"}, "Select a valid choice"),
        ({"kind": "financial_year", "year": "2030"}, "has not started yet"),
    ],
)
def test_a_bad_period_is_named_on_the_page_and_the_csv_sends_back_to_it(
    staff_client: StaffClient, area: Area, coordinator: User, query: dict[str, str], message: str
) -> None:
    client = staff_client(coordinator)
    layout = _home_office()

    with on(AFTER_YEAR_END):
        page = client.get(_url("return", area, layout), query)
        download = client.get(_url("return-csv", area, layout), query)

    html = page.content.decode()
    assert page.status_code == 200
    assert "govuk-error-summary" in html
    assert message in html
    assert download.status_code == 302
    assert download["Location"].startswith(_url("return", area, layout) + "?")
