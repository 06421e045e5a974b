"""The number of "Add another" rows a page posted back is read safely: junk gives the default,
and the count stays within bounds."""

from __future__ import annotations

import pytest

from casereview.core.forms.rows import MAX_ROWS, rows_in


@pytest.mark.parametrize("raw", ["", "x", "-1", "1.5", "²", "١٢", " 3"])
def test_anything_but_plain_digits_gives_the_default(raw):
    assert rows_in({"rows": raw}, "rows", default=2) == 2


def test_a_count_is_kept_within_one_and_the_maximum():
    assert rows_in({"rows": "0"}, "rows") == 1
    assert rows_in({"rows": "4"}, "rows") == 4
    assert rows_in({"rows": str(MAX_ROWS + 50)}, "rows") == MAX_ROWS


def test_no_data_gives_the_default():
    assert rows_in(None, "rows", default=3) == 3


def test_with_a_prefix_no_fewer_rows_than_the_highest_one_typed_into():
    typed = {"rows": "1", "row_3_reference": "X", "row_7_reference": " ", "row_2-day": "5"}
    assert rows_in(typed, "rows", prefix="row_") == 3  # row 7 is blank; "row_2-day" is no row
    assert (
        rows_in({"row_4_when": {"day": "1", "month": "", "year": ""}}, "rows", prefix="row_") == 4
    )
    assert rows_in({"row_99_reference": "X"}, "rows", prefix="row_") == 1  # beyond the maximum
    assert rows_in({"rows": "5", "row_2_reference": "X"}, "rows", prefix="row_") == 5
    assert rows_in({"row_٣_reference": "X"}, "rows", prefix="row_") == 1
