"""Reading an uploaded CSV file: both date formats, Excel's byte-order mark and Windows-1252,
the header checked as a whole, and each bad value named by its row (the line in the file, the
header being row 1) and its column."""

from __future__ import annotations

import datetime as dt

import pytest

from casereview.partners.imports.csv_format import (
    COLUMN_NAMES,
    FileProblem,
    parse_csv,
    template_csv,
)
from tests.partners.ingest.helpers import HEADER, csv_file, csv_row

TODAY = dt.date(2026, 3, 16)


def _problems(content: bytes) -> list[tuple[int, str, str, str]]:
    return [
        (p.record, p.reference, p.field, p.message) for p in parse_csv(content).check(today=TODAY)
    ]


def test_dates_are_read_in_either_format_and_times_and_kinds_too():
    parsed = parse_csv(
        csv_file(
            csv_row("A", behaviour_date="2026-03-02", reported_date="3/3/2026"),
            csv_row("B", behaviour_time="", kind="", behaviour_date="01/03/2026"),
            csv_row("C", kind="Diary_Sheet"),
        )
    )

    a, b, c = parsed.records
    assert (a.behaviour_on, a.reported_on, a.behaviour_time) == (
        dt.date(2026, 3, 2),
        dt.date(2026, 3, 3),
        dt.time(22, 15),
    )
    assert (b.behaviour_on, b.behaviour_time, b.kind) == (dt.date(2026, 3, 1), None, "complaint")
    assert c.kind == "diary_sheet"
    assert parsed.numbers == [2, 3, 4]


def test_excel_utf8_with_a_byte_order_mark_is_read():
    content = "\ufeff".encode() + csv_file(csv_row("A", location="Café on Fore Street"))

    assert parse_csv(content).records[0].location == "Café on Fore Street"


def test_a_windows_1252_file_from_excel_is_read():
    content = csv_file().decode() + csv_row("A", description="£50 of damage \u2013 again") + "\r\n"

    parsed = parse_csv(content.encode("cp1252"))

    assert parsed.records[0].description == "£50 of damage \u2013 again"


def test_columns_may_come_in_any_order_and_optional_ones_may_be_left_out():
    content = b"reported_date,agency_reference,behaviour_date\n2026-03-03,A,2026-03-02\n"

    record = parse_csv(content).records[0]

    assert (record.agency_reference, record.postcode, record.victim_name) == ("A", "", "")


def test_missing_and_unknown_columns_are_one_problem_with_the_file():
    content = b"agency_reference,behaviour_date,reported,colour\nA,2026-03-02,2026-03-03,red\n"

    with pytest.raises(FileProblem) as problem:
        parse_csv(content)

    message = problem.value.message
    assert "these required columns are missing: reported_date" in message
    assert "these columns are not known: reported, colour" in message


def test_a_file_with_only_a_header_is_refused():
    with pytest.raises(FileProblem, match="no incidents"):
        parse_csv(csv_file())


def test_an_empty_file_is_refused():
    with pytest.raises(FileProblem, match="empty"):
        parse_csv(b"")


def test_bytes_that_are_not_text_are_refused():
    with pytest.raises(FileProblem, match="CSV UTF-8"):
        parse_csv(b"\x81\x8d\x8f\x90\x9d" * 10)


def test_bad_values_are_named_by_row_and_column():
    content = csv_file(
        csv_row("A"),
        csv_row("B", behaviour_date="31/02/2026", behaviour_time="25:99"),
        csv_row("", reported_date="yesterday", kind="letter"),
        csv_row("D", victim_date_of_birth="1970-05-21"),
    )

    assert _problems(content) == [
        (
            3,
            "B",
            "behaviour_date",
            "Enter the date of the behaviour as a real date, like 2026-03-02 or 02/03/2026",
        ),
        (3, "B", "behaviour_time", "Enter the time of the behaviour like 22:15, or leave it blank"),
        (4, "", "agency_reference", "Enter the agency's reference for the incident"),
        (
            4,
            "",
            "reported_date",
            "Enter the date it was reported as a real date, like 2026-03-02 or 02/03/2026",
        ),
        (4, "", "kind", "The kind must be complaint or diary_sheet"),
        (
            5,
            "D",
            "victim_name",
            "Enter the victim's name: the record gives other details of the victim",
        ),
    ]


def test_a_row_spanning_lines_is_named_by_the_line_it_starts_on():
    content = csv_file(csv_row("A", description="Line one\nline two"), csv_row("B", kind="x"))

    assert [(row, field) for row, _ref, field, _msg in _problems(content)] == [(4, "kind")]


def test_a_row_with_too_many_values_is_named():
    content = csv_file(csv_row("A") + ",extra")

    assert _problems(content) == [
        (
            2,
            "A",
            "",
            "This row has 14 values but the header has 13 columns: check for a missing or "
            "extra comma",
        )
    ]


def test_a_reference_used_twice_is_named_even_when_a_row_cannot_be_read():
    content = csv_file(csv_row("A", behaviour_date="never"), csv_row("A"), csv_row("A"))

    problems = [(row, field, msg) for row, _ref, field, msg in _problems(content)]

    assert (3, "agency_reference", "The reference A is also used in row 2") in problems
    assert (4, "agency_reference", "The reference A is also used in row 2") in problems


def test_blank_lines_are_skipped_but_rows_keep_their_line_numbers():
    content = csv_file("", csv_row("A", kind="x"), ",,,,,,,,,,,,")

    assert [row for row, *_rest in _problems(content)] == [3]


def test_the_template_has_every_column_and_an_example_row_that_reads_cleanly():
    template = template_csv()

    assert template.splitlines()[0] == HEADER == ",".join(COLUMN_NAMES)
    assert parse_csv(template.encode()).check(today=TODAY) == []
