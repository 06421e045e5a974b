"""A return takes its values from the latest published release of the period, or from the
live figures when nothing is published (and says so)."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest

from casereview.accounts.models import User
from casereview.areas.models import Area
from casereview.publishing.models import ReturnLayout
from casereview.publishing.periods import Period
from casereview.publishing.returns.layouts import Column
from casereview.publishing.returns.services import (
    ReturnRefused,
    make_return,
    return_csv,
    save_layout,
)
from casereview.publishing.statistics.compute import compute_figures
from tests.publishing.releases.helpers import AFTER_YEAR_END, FY, applications, published
from tests.publishing.statistics.helpers import on

pytestmark = pytest.mark.django_db


def _home_office() -> ReturnLayout:
    return ReturnLayout.objects.get(area=None, name="Home Office annual return")


def _rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def test_a_return_uses_the_latest_published_revision(
    area: Area, coordinator: User, area_admin: User
) -> None:
    applications(area, coordinator, 4, received_on=dt.date(2025, 5, 6))
    published(area, area_admin)
    applications(area, coordinator, 3, received_on=dt.date(2025, 5, 7))
    second = published(area, area_admin, note="Late entries", on_day=dt.date(2026, 6, 1))
    applications(area, coordinator, 9, received_on=dt.date(2025, 5, 8))

    with on(dt.date(2026, 6, 2)):
        export = make_return(area, _home_office(), FY)

    assert export.release == second
    assert not export.from_live_figures
    assert export.headings[:5] == [
        "Area",
        "GSS code",
        "Period start",
        "Period end",
        "Applications received",
    ]
    assert export.values == [
        "East Hertfordshire",
        "E07000242",
        "2025-04-01",
        "2026-03-31",
        str(second.document["statutory"]["applications"]),
        "0",
        "0",
        "0",
    ]
    assert export.values[4] == "7"


def test_without_a_publication_the_live_figures_are_used_and_the_revision_is_draft(
    area: Area, coordinator: User, area_admin: User
) -> None:
    applications(area, coordinator, 6, received_on=dt.date(2025, 5, 6), channel="phone")
    applications(area, coordinator, 2, received_on=dt.date(2025, 5, 6), channel="letter")
    with on(AFTER_YEAR_END):
        layout = save_layout(
            area,
            by=area_admin,
            name="Our PCC return",
            recipient="pcc",
            period_kind="financial_year",
            columns=[
                Column("Applications", "statutory.applications"),
                Column("By phone", "breakdowns.channel.phone"),
                Column("By letter", "breakdowns.channel.letter"),
                Column("First decisions", "internal.first_decisions"),
                Column("Median days", "internal.median_working_days_to_decision"),
                Column("Revision", "release.revision"),
                Column("Published", "release.published_on"),
            ],
        )
        export = make_return(area, layout, FY)
        live = compute_figures(area, FY)

    assert export.from_live_figures
    # The breakdowns are as they would be published: 2 is below the threshold, and 6 would
    # give it away by subtraction.
    assert export.values == [
        str(live.statutory.applications),
        "",
        "",
        str(live.internal.first_decisions),
        "",
        "draft",
        "",
    ]
    assert live.statutory.applications == 8


def test_the_csv_has_one_header_row_and_one_data_row(
    area: Area, coordinator: User, area_admin: User
) -> None:
    applications(area, coordinator, 5, received_on=dt.date(2025, 5, 6))
    published(area, area_admin)

    with on(AFTER_YEAR_END):
        export = make_return(area, _home_office(), FY)
    rows = _rows(return_csv(export))

    assert rows == [export.headings, export.values]
    assert rows[0] == [
        "Area",
        "GSS code",
        "Period start",
        "Period end",
        "Applications received",
        "Threshold not met",
        "Case reviews carried out",
        "Reviews resulting in recommendations",
    ]
    assert export.filename == "east-hertfordshire-home-office-annual-return-2025-26.csv"


def test_a_heading_a_spreadsheet_would_run_as_a_formula_is_made_plain(
    area: Area, area_admin: User
) -> None:
    with on(AFTER_YEAR_END):
        layout = save_layout(
            area,
            by=area_admin,
            name="Odd",
            recipient="other",
            period_kind="financial_year",
            columns=[Column("=SUM(A1)", "statutory.applications")],
        )
        text = return_csv(make_return(area, layout, FY))

    assert _rows(text)[0] == ["'=SUM(A1)"]


def test_a_period_of_another_kind_or_not_yet_started_is_refused(area: Area) -> None:
    with on(AFTER_YEAR_END):
        with pytest.raises(ReturnRefused, match="another kind of period"):
            make_return(area, _home_office(), Period.quarter_of(2025, 1))
        with pytest.raises(ReturnRefused, match="has not started yet"):
            make_return(area, _home_office(), Period.financial_year(2026 + 1))
