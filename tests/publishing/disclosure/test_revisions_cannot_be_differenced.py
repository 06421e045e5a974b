"""A revision must not reveal a small group by subtraction from an earlier revision."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from casereview.publishing.disclosure import Reason, protect_table
from casereview.publishing.figures import BREAKDOWNS
from tests.publishing.disclosure.helpers import FY, figures, publish


def test_a_cell_that_changed_by_a_small_number_is_hidden_in_the_revision():
    first = publish(figures(victim_kind={"person": 20, "business": 10, "community_group": 8}))

    table = protect_table(
        "victim_kind",
        {"person": 20, "business": 12, "community_group": 8},
        total=40,
        threshold=5,
        period=FY,
        earlier=[first],
    )

    assert table.values["business"] is None
    assert table.reasons["business"] == Reason.COMPARISON
    # The one hidden cell would be the total less the others: another goes with it.
    assert table.values["community_group"] is None
    assert table.values["person"] == 20


def test_unchanged_cells_and_large_changes_are_shown():
    first = publish(figures(victim_kind={"person": 20, "business": 10, "community_group": 8}))

    second = publish(
        figures(victim_kind={"person": 30, "business": 10, "community_group": 8}),
        earlier=[first],
        revision=2,
    )

    assert second["breakdowns"]["victim_kind"] == {
        "person": 30,
        "business": 10,
        "community_group": 8,
    }


def test_a_cell_hidden_earlier_is_not_compared():
    first = publish(figures(victim_kind={"person": 20, "business": 3, "community_group": 8}))

    second = publish(
        figures(victim_kind={"person": 20, "business": 6, "community_group": 8}),
        earlier=[first],
        revision=2,
    )

    assert first["breakdowns"]["victim_kind"]["business"] is None
    assert second["breakdowns"]["victim_kind"]["business"] == 6


def test_documents_of_periods_that_do_not_overlap_are_not_compared():
    from casereview.publishing.periods import Period

    last_year = publish(
        figures(Period.financial_year(2024), victim_kind={"person": 20, "business": 10})
    )

    doc = publish(figures(victim_kind={"person": 21, "business": 10}), earlier=[last_year])

    assert doc["breakdowns"]["victim_kind"]["person"] == 21


table = st.fixed_dictionaries({code: st.integers(0, 12) for code in BREAKDOWNS["victim_kind"]})


@settings(max_examples=200, deadline=None)
@given(tables=st.lists(table, min_size=2, max_size=5), threshold=st.integers(2, 6))
def test_no_two_revisions_differ_by_a_small_number_in_a_cell_shown_in_both(tables, threshold):
    documents: list[dict] = []
    for revision, cells in enumerate(tables, start=1):
        documents.append(
            publish(
                figures(victim_kind=cells),
                threshold=threshold,
                earlier=documents,
                revision=revision,
            )
        )

    for i, older in enumerate(documents):
        for newer in documents[i + 1 :]:
            for code in BREAKDOWNS["victim_kind"]:
                a = older["breakdowns"]["victim_kind"][code]
                b = newer["breakdowns"]["victim_kind"][code]
                if a is not None and b is not None:
                    assert not 1 <= abs(a - b) <= threshold - 1, (code, a, b)
