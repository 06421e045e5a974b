"""Complementary suppression: the published total minus the shown cells must never give away a
hidden small number."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from hypothesis import given, settings
from hypothesis import strategies as st

from casereview.publishing.disclosure import Reason, protect_table
from casereview.publishing.figures import BREAKDOWNS
from tests.publishing.disclosure.helpers import figures, publish


def test_a_single_small_cell_takes_the_smallest_other_cell_with_it():
    table = protect_table(
        "victim_kind", {"person": 30, "business": 3, "community_group": 8}, total=41, threshold=5
    )

    assert table.values == {"person": 30, "business": None, "community_group": None}
    assert table.reasons == {"business": Reason.SMALL_NUMBER, "community_group": Reason.SUBTRACTION}


def test_hidden_cells_adding_up_to_less_than_the_threshold_take_another_cell():
    table = protect_table(
        "applicant",
        {"victim": 30, "someone_for_them": 1, "partner_agency": 2, "senior_manager": 9},
        total=42,
        threshold=5,
    )

    assert table.values == {
        "victim": 30,
        "someone_for_them": None,
        "partner_agency": None,
        "senior_manager": None,
    }
    assert table.reasons["senior_manager"] == Reason.SUBTRACTION


def test_zero_cells_are_never_hidden_to_protect_others():
    table = protect_table(
        "victim_kind", {"person": 30, "business": 2, "community_group": 0}, total=32, threshold=5
    )

    assert table.values == {"person": None, "business": None, "community_group": 0}


def _assignments(count: int, total: int, low: int) -> Iterator[tuple[int, ...]]:
    """Every way ``count`` cells, each at least ``low``, can add up to ``total``."""
    if count == 0:
        if total == 0:
            yield ()
        return
    for first in range(low, total + 1):
        for rest in _assignments(count - 1, total - first, low):
            yield (first, *rest)


def attacker_can_pin_down_a_small_cell(
    exact: Mapping[str, int], published: Mapping[str, int | None], total: int, threshold: int
) -> bool:
    """Brute force: knowing the total and the shown cells (and, when any cell is shown, that
    hidden cells are not zero, since zeros are shown), does any hidden cell from 1 to
    threshold - 1 have only one possible value?"""
    hidden = [code for code, value in published.items() if value is None]
    if not hidden:
        return False
    remainder = total - sum(v for v in published.values() if v is not None)
    low = 1 if len(hidden) < len(published) else 0
    possible: dict[str, set[int]] = {code: set() for code in hidden}
    for values in _assignments(len(hidden), remainder, low):
        for code, value in zip(hidden, values, strict=True):
            possible[code].add(value)
    return any(
        1 <= exact[code] <= threshold - 1 and possible[code] == {exact[code]} for code in hidden
    )


cell = st.integers(min_value=0, max_value=9)


@settings(max_examples=300, deadline=None)
@given(
    applicant=st.fixed_dictionaries(dict.fromkeys(BREAKDOWNS["applicant"], cell)),
    threshold=st.integers(min_value=2, max_value=7),
)
def test_no_hidden_small_cell_can_be_worked_out_from_the_total(applicant, threshold):
    figs = figures(applicant=applicant)
    total = figs.statutory.applications

    doc = publish(figs, threshold=threshold)

    published = doc["breakdowns"]["applicant"]
    assert not attacker_can_pin_down_a_small_cell(applicant, published, total, threshold)
    for code, value in published.items():
        assert value is None or value == applicant[code]
        assert value is None or not 1 <= value <= threshold - 1


def test_the_checker_catches_a_table_that_gives_a_cell_away():
    exact = {"person": 30, "business": 3, "community_group": 0}
    leaky = {"person": 30, "business": None, "community_group": 0}

    assert attacker_can_pin_down_a_small_cell(exact, leaky, 33, 5)
