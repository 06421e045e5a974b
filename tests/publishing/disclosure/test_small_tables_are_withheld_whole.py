from casereview.publishing.disclosure import Reason, protect_table
from tests.publishing.disclosure.helpers import figures, publish


def test_a_table_of_fewer_applications_than_the_threshold_shows_no_cell_not_even_zeros():
    doc = publish(figures(victim_kind={"person": 4}), threshold=5)

    assert doc["breakdowns"]["victim_kind"] == {
        "person": None,
        "business": None,
        "community_group": None,
    }
    assert doc["statutory"]["applications"] == 4


def test_every_cell_of_a_withheld_table_gives_the_small_total_reason():
    table = protect_table("victim_kind", {"person": 3}, total=3, threshold=5)

    assert table.withheld
    assert table.reasons == dict.fromkeys(
        ("person", "business", "community_group"), Reason.SMALL_TOTAL
    )


def test_a_table_whose_small_cells_cannot_be_protected_is_withheld_whole():
    # Two hidden cells adding up to two are both one (zeros are shown), and there is no other
    # non-zero cell to hide with them: the table cannot be published at all.
    table = protect_table("applicant", {"victim": 1, "someone_for_them": 1}, total=2, threshold=2)

    assert table.withheld


def test_a_table_at_the_threshold_is_published():
    doc = publish(figures(victim_kind={"person": 5}), threshold=5)

    assert doc["breakdowns"]["victim_kind"] == {"person": 5, "business": 0, "community_group": 0}
