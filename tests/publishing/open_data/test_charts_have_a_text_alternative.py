"""Every chart is an SVG image with a title, a description stating every number, a text label
on every bar and a data table of the same numbers beside it; bars scale to the largest."""

from __future__ import annotations

import re

from django.test import Client

from casereview.areas.models import Area
from casereview.publishing.open_data.charts import VALUE_SPACE, WIDTH, statutory_chart, trend_chart
from tests.publishing.open_data.helpers import FY_2024, FY_2025, publish, statutory


def _svgs(page: str) -> list[str]:
    return re.findall(r"<svg.*?</svg>", page, re.S)


def test_the_release_chart_states_its_numbers(client: Client, area: Area) -> None:
    publish(area, FY_2025, statutory(12, 4, 6, 5))

    page = client.get("/areas/east-hertfordshire/statistics/2025-26/").content.decode()
    (svg,) = _svgs(page)

    assert 'role="img"' in svg
    assert 'aria-labelledby="release-chart-title release-chart-desc"' in svg
    assert '<title id="release-chart-title">Financial year 2025 to 2026</title>' in svg
    assert (
        '<desc id="release-chart-desc">Applications: 12. Threshold not met: 4. '
        "Case reviews carried out: 6. Reviews resulting in recommendations: 5.</desc>"
    ) in svg
    assert svg.count("<rect") == 4
    assert re.search(r"<text[^>]*>Reviews resulting in recommendations</text>", svg)
    # The table of the same numbers follows the chart.
    table = page.split("</svg>")[1].split("</table>")[0]
    assert "<caption" in table
    assert re.findall(r"numeric\">(\d+)</td>", table) == ["12", "4", "6", "5"]


def test_the_national_chart_states_the_sums(client: Client, area: Area, other_area: Area) -> None:
    publish(area, FY_2025, statutory(12, 4, 6, 5))
    publish(other_area, FY_2025, statutory(8, 1, 2, 2))

    (svg,) = _svgs(client.get("/statistics/2025-26/").content.decode())

    assert "Applications: 20. Threshold not met: 5." in svg


def test_the_year_by_year_chart_has_its_own_table(client: Client, area: Area) -> None:
    publish(area, FY_2024, statutory(8, 2, 3, 1))
    publish(area, FY_2025, statutory(12, 4, 6, 5))

    page = client.get("/areas/east-hertfordshire/statistics/").content.decode()
    trend = page.split("Year by year")[1]

    assert '<title id="trend-chart-title">' in trend
    assert "<caption" in trend.split("</svg>")[1]
    assert '<th scope="row" class="govuk-table__header">Financial year 2024 to 2025</th>' in trend


def test_the_longest_bar_fills_the_width_and_the_others_scale(db: None) -> None:
    chart = statutory_chart(
        "c",
        {
            "applications": 10,
            "threshold_not_met": 5,
            "reviews_carried_out": 0,
            "reviews_with_recommendations": 1,
        },
        "Title",
    )

    assert [bar.width for bar in chart.bars] == [
        WIDTH - VALUE_SPACE,
        (WIDTH - VALUE_SPACE) / 2,
        0,
        55.0,
    ]
    assert len({bar.colour for bar in chart.bars}) == 1
    tops = [bar.y for bar in chart.bars]
    assert tops == sorted(tops)
    assert chart.height > tops[-1]


def test_a_chart_of_nothing_but_zeros_has_no_bars_to_draw(db: None) -> None:
    chart = trend_chart("t", [(FY_2024, {"applications": 0, "reviews_carried_out": 0})])

    assert [bar.width for bar in chart.bars] == [0, 0]
    assert (
        chart.desc == "Financial year 2024 to 2025: Applications: 0. Case reviews carried out: 0."
    )
    assert len({bar.colour for bar in chart.bars}) == 2
