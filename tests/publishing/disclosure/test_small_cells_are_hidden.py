from casereview.publishing.disclosure import Reason, protect_table


def test_cells_from_one_to_threshold_less_one_are_hidden_and_zero_is_shown():
    table = protect_table(
        "channel",
        {"online": 20, "phone": 4, "email": 3, "letter": 0, "in_person": 12},
        total=39,
        threshold=5,
    )

    assert table.values == {
        "online": 20,
        "phone": None,
        "email": None,
        "letter": 0,
        "in_person": 12,
        "partner_agency": 0,
        "senior_manager": 0,
    }
    assert table.reasons == {"phone": Reason.SMALL_NUMBER, "email": Reason.SMALL_NUMBER}


def test_a_cell_at_the_threshold_is_shown():
    table = protect_table(
        "victim_kind", {"person": 10, "business": 5, "community_group": 5}, total=20, threshold=5
    )

    assert table.values == {"person": 10, "business": 5, "community_group": 5}
    assert table.reasons == {}


def test_the_threshold_is_configurable():
    cells = {"person": 10, "business": 7, "community_group": 8}

    assert protect_table("victim_kind", cells, total=25, threshold=5).values["business"] == 7
    assert protect_table("victim_kind", cells, total=25, threshold=10).values["business"] is None
