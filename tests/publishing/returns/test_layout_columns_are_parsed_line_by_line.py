"""Administrators write a layout's columns one a line, "Heading = figure.key"; every bad line
is reported by its number."""

from __future__ import annotations

from casereview.publishing.returns.layouts import Column, columns_text, parse_columns


def test_good_lines_become_columns_in_order_and_blank_lines_are_skipped() -> None:
    columns, problems = parse_columns(
        "Applications = statutory.applications\n\n  Area = area.name  \r\nMedian = "
        "internal.median_working_days_to_decision\nBy phone = breakdowns.channel.phone"
    )

    assert problems == []
    assert columns == [
        Column("Applications", "statutory.applications"),
        Column("Area", "area.name"),
        Column("Median", "internal.median_working_days_to_decision"),
        Column("By phone", "breakdowns.channel.phone"),
    ]


def test_a_heading_may_itself_contain_an_equals_sign() -> None:
    columns, problems = parse_columns("Total = all applications = statutory.applications")

    assert problems == []
    assert columns == [Column("Total = all applications", "statutory.applications")]


def test_every_bad_line_is_reported_with_its_number_and_key() -> None:
    _columns, problems = parse_columns(
        "Area = area.name\n"
        "Applications\n"
        "Applications = statutory.aplications\n"
        " = statutory.applications\n"
        "Phone = breakdowns.channel.fax"
    )

    assert problems == [
        "Line 2: write the column as Heading = figure.key",
        "Line 3: 'statutory.aplications' is not a figure",
        "Line 4: give the column a heading before the =",
        "Line 5: 'breakdowns.channel.fax' is not a figure",
    ]


def test_an_empty_layout_is_refused() -> None:
    columns, problems = parse_columns("\n  \n")

    assert columns == []
    assert problems == ["Write at least one column, like Applications = statutory.applications"]


def test_columns_written_out_read_back_the_same() -> None:
    columns = [Column("A", "area.name"), Column("Revision", "release.revision")]

    assert parse_columns(columns_text(columns)) == (columns, [])
