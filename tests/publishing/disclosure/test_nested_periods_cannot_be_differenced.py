"""A quarter and its year (and a year against the sum of its quarters) must not reveal a small
group by subtraction."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from casereview.publishing.disclosure import Reason, protect_table
from casereview.publishing.figures import BREAKDOWNS
from casereview.publishing.periods import Period
from tests.publishing.disclosure.helpers import FY, figures, publish

QUARTERS = [Period.quarter_of(2025, q) for q in (1, 2, 3, 4)]


def test_a_quarter_close_to_its_published_year_is_hidden():
    year = publish(figures(victim_kind={"person": 40, "business": 12, "community_group": 9}))

    table = protect_table(
        "victim_kind",
        {"person": 38, "business": 12, "community_group": 0},
        total=50,
        threshold=5,
        period=QUARTERS[0],
        earlier=[year],
    )

    assert table.reasons["person"] == Reason.COMPARISON


def test_a_year_is_checked_against_the_sum_of_its_four_published_quarters():
    quarters = [
        publish(figures(q, victim_kind={"person": 10, "business": 0, "community_group": 6}))
        for q in QUARTERS
    ]

    # The year has 42 people where the quarters add up to 40: a late correction of two people.
    table = protect_table(
        "victim_kind",
        {"person": 42, "business": 0, "community_group": 24},
        total=66,
        threshold=5,
        period=FY,
        earlier=quarters,
    )

    assert table.values["person"] is None
    assert table.values["community_group"] is None
    assert table.values["business"] == 0


def test_a_year_with_only_some_quarters_published_is_compared_cell_by_cell_only():
    quarters = [
        publish(figures(q, victim_kind={"person": 10, "business": 0, "community_group": 6}))
        for q in QUARTERS[:3]
    ]

    table = protect_table(
        "victim_kind",
        {"person": 42, "business": 0, "community_group": 24},
        total=66,
        threshold=5,
        period=FY,
        earlier=quarters,
    )

    assert table.values == {"person": 42, "business": 0, "community_group": 24}


def test_the_last_quarter_is_checked_against_the_year_and_the_other_three():
    year = publish(figures(victim_kind={"person": 42, "business": 0, "community_group": 24}))
    others = [
        publish(figures(q, victim_kind={"person": 10, "business": 0, "community_group": 6}))
        for q in QUARTERS[:3]
    ]

    table = protect_table(
        "victim_kind",
        {"person": 10, "business": 0, "community_group": 6},
        total=16,
        threshold=5,
        period=QUARTERS[3],
        earlier=[year, *others],
    )

    assert table.values["person"] is None


def test_a_calendar_year_is_checked_against_the_quarters_it_is_made_of():
    calendar_quarters = [Period.quarter_of(2024, 4), *QUARTERS[:3]]
    quarters = [
        publish(figures(q, victim_kind={"person": 10, "business": 0, "community_group": 6}))
        for q in calendar_quarters
    ]

    table = protect_table(
        "victim_kind",
        {"person": 43, "business": 0, "community_group": 24},
        total=67,
        threshold=5,
        period=Period.calendar_year(2025),
        earlier=quarters,
    )

    assert table.values["person"] is None


cells = st.fixed_dictionaries({code: st.integers(0, 15) for code in BREAKDOWNS["victim_kind"]})


@settings(max_examples=150, deadline=None)
@given(
    quarter_tables=st.lists(cells, min_size=4, max_size=4),
    year_table=cells,
    year_first=st.booleans(),
    threshold=st.integers(2, 6),
)
def test_the_year_never_differs_from_its_shown_quarters_by_a_small_number(
    quarter_tables, year_table, year_first, threshold
):
    plan = [(q, t) for q, t in zip(QUARTERS, quarter_tables, strict=True)]
    plan.insert(0 if year_first else 4, (FY, year_table))
    documents: list[dict] = []
    for period, table in plan:
        documents.append(
            publish(figures(period, victim_kind=table), threshold=threshold, earlier=documents)
        )

    by_slug = {d["period"]["slug"]: d["breakdowns"]["victim_kind"] for d in documents}
    for code in BREAKDOWNS["victim_kind"]:
        year = by_slug[FY.slug][code]
        quarters = [by_slug[q.slug][code] for q in QUARTERS]
        if year is not None and all(v is not None for v in quarters):
            assert not 1 <= year - sum(quarters) <= threshold - 1
        for value in quarters:
            if year is not None and value is not None:
                assert not 1 <= abs(year - value) <= threshold - 1
