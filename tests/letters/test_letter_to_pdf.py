"""A letter rendered to PDF carries every part of the letter, in order, as real text."""

import io

from pypdf import PdfReader

from casereview.letters.rendering import html_to_pdf


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() for page in reader.pages)


def test_the_pdf_is_a_real_pdf_with_the_letter_text(sample_letter_html):
    data = html_to_pdf(sample_letter_html)

    assert data.startswith(b"%PDF-")
    text = pdf_text(data)
    assert "Your ASB Case Review application" in text
    assert "Dear Alex Example," in text
    assert "We received your application on 20 November 2026." in text
    assert "Our reference: TST-2026-0001" in text
    assert "10 December 2026" in text
    assert "Yours sincerely," in text


def test_the_pdf_keeps_the_order_of_the_letter(sample_letter_html):
    text = pdf_text(html_to_pdf(sample_letter_html))

    positions = [
        text.index(part)
        for part in (
            "Testshire District Council",
            "Dear Alex Example",
            "What happens next",
            "Sam Spoc",
        )
    ]
    assert positions == sorted(positions)


def test_markup_in_data_is_printed_as_text_not_obeyed(sample_letter_html):
    text = pdf_text(html_to_pdf(sample_letter_html))

    assert "<b>Robert'); DROP</b>" in text


def test_the_pdf_numbers_its_pages(sample_letter_html):
    text = pdf_text(html_to_pdf(sample_letter_html))

    assert "1 / 1" in text
