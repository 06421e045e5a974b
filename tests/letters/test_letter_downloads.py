"""A letter can be read as a printable page and downloaded as a real PDF and Word file, and each
of these reads is recorded in the audit log."""

import io

from docx import Document

from casereview.audit.log import views_of
from tests.letters.helpers import letter_urls, pdf_text, posted_ct1

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def test_the_pdf_download_is_the_stored_pdf_with_a_named_file(area, coordinator, staff_client):
    letter = posted_ct1(area, coordinator)

    response = staff_client(coordinator).get(letter_urls(letter)["pdf"])

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="EHE-2026-0001-ct1.pdf"'
    assert response.content.startswith(b"%PDF-")
    assert "your reference is EHE-2026-0001" in pdf_text(response.content)


def test_the_word_download_opens_in_word(area, coordinator, staff_client):
    letter = posted_ct1(area, coordinator)

    response = staff_client(coordinator).get(letter_urls(letter)["docx"])

    assert response.status_code == 200
    assert response["Content-Type"] == DOCX
    assert response["Content-Disposition"] == 'attachment; filename="EHE-2026-0001-ct1.docx"'
    document = Document(io.BytesIO(response.content))
    assert any("Dear Sam Victim," in p.text for p in document.paragraphs)


def test_the_letter_page_shows_the_letter_and_its_delivery(area, coordinator, staff_client):
    letter = posted_ct1(area, coordinator)

    response = staff_client(coordinator).get(letter_urls(letter)["letter"])

    assert response.status_code == 200
    page = response.content.decode()
    assert "your reference is EHE-2026-0001" in page
    assert "Waiting to be posted" in page
    assert "Print this letter" in page
    assert 'class="govuk-template__body app-letter-page"' in page
    assert letter_urls(letter)["mark-posted"] in page


def test_each_read_is_recorded_in_the_audit_log(area, coordinator, staff_client):
    letter = posted_ct1(area, coordinator)
    client = staff_client(coordinator)

    for name in ("letter", "pdf", "docx"):
        client.get(letter_urls(letter)[name])

    assert [record.what for record in views_of(letter.case)] == [
        "letter ct1",
        "letter ct1 (pdf)",
        "letter ct1 (docx)",
    ]
