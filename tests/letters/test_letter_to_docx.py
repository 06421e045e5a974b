"""A letter rendered to Word keeps its headings, lists, tables and emphasis as Word structures, so a
council can edit it."""

import io

from docx import Document

from casereview.letters.rendering import html_to_docx


def open_docx(data: bytes):
    return Document(io.BytesIO(data))


def test_paragraphs_and_headings_become_word_paragraphs_and_headings(sample_letter_html):
    document = open_docx(html_to_docx(sample_letter_html))
    by_text = {p.text: p.style.name for p in document.paragraphs}

    assert by_text["Your ASB Case Review application"] == "Heading 1"
    assert by_text["What happens next"] == "Heading 2"
    assert by_text["Dear Alex Example,"] == "Normal"
    assert by_text["We received your application on 20 November 2026."] == "Normal"


def test_numbered_and_bulleted_lists_keep_their_kind(sample_letter_html):
    document = open_docx(html_to_docx(sample_letter_html))
    by_text = {p.text: p.style.name for p in document.paragraphs}

    assert by_text["We ask every agency for its records."] == "List Number"
    assert by_text["We decide whether the threshold is met."] == "List Number"
    assert by_text["Support: Victim Support (https://victimsupport.example)"] == "List Bullet"


def test_a_link_whose_text_is_its_address_is_not_repeated(sample_letter_html):
    document = open_docx(html_to_docx(sample_letter_html))
    texts = [p.text for p in document.paragraphs]

    assert "Contact us at asb@council.example." in texts


def test_tables_become_word_tables_with_bold_headers(sample_letter_html):
    document = open_docx(html_to_docx(sample_letter_html))

    [table] = document.tables
    assert [[cell.text for cell in row.cells] for row in table.rows] == [
        ["Step", "Due"],
        ["Decision", "10 December 2026"],
    ]
    assert all(run.bold for run in table.rows[0].cells[0].paragraphs[0].runs)


def test_bold_text_stays_bold_and_line_breaks_stay_breaks(sample_letter_html):
    document = open_docx(html_to_docx(sample_letter_html))
    received = next(p for p in document.paragraphs if p.text.startswith("We received"))
    sender = next(p for p in document.paragraphs if p.text.startswith("Testshire District Council"))

    assert [run.text for run in received.runs if run.bold] == ["20 November 2026"]
    assert sender.text.split("\n") == [
        "Testshire District Council",
        "Council Offices",
        "High Street",
        "TE1 1ST",
        "asb@council.example",
        "01234 567890",
    ]


def test_markup_in_data_is_kept_as_text(sample_letter_html):
    document = open_docx(html_to_docx(sample_letter_html))

    assert any("<b>Robert'); DROP</b>" in p.text for p in document.paragraphs)


def test_the_word_document_uses_arial():
    document = open_docx(html_to_docx("<p>Hello</p>"))

    assert document.styles["Normal"].font.name == "Arial"
