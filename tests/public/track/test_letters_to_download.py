"""The victim's and applicant's letters download as PDF and Word; any other letter is a 404."""

import pytest
from django.urls import reverse

from casereview.letters.models import LetterKind, Recipient
from tests.cases.helpers import receive, victim
from tests.public.track.helpers import TRACK_URL, letter_to, other_victim, tracking


@pytest.fixture
def case(area, coordinator, in_march):
    return receive(area, coordinator)


def download(pk, fmt):
    return reverse("public:track_letter", kwargs={"pk": pk, "fmt": fmt})


def test_the_page_lists_the_letters_with_their_downloads(case):
    letter = letter_to(case)
    page = tracking(case).get(TRACK_URL).content.decode()

    assert "Acknowledgement of the application" in page
    assert download(letter.pk, "pdf") in page
    assert download(letter.pk, "docx") in page


def test_a_letter_downloads_as_pdf_and_as_word(case):
    letter = letter_to(case)
    client = tracking(case)

    pdf = client.get(download(letter.pk, "pdf"))
    word = client.get(download(letter.pk, "docx"))

    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content == bytes(letter.pdf)
    assert f'filename="{case.reference}-ct1-victim.pdf"' in pdf["Content-Disposition"]
    assert "no-store" in pdf["Cache-Control"]
    assert word["Content-Type"].startswith("application/vnd.openxmlformats")
    assert word.content == bytes(letter.docx)


def test_another_cases_letter_is_not_found(case, area, coordinator):
    other = receive(area, coordinator, victim=victim(**other_victim()))
    theirs = letter_to(other)

    response = tracking(case).get(download(theirs.pk, "pdf"))

    assert response.status_code == 404


def test_a_letter_to_a_relevant_body_is_not_found_and_not_listed(case):
    to_police = letter_to(case, Recipient.AGENCY, LetterKind.INFORMATION_REQUEST)
    client = tracking(case)

    assert client.get(download(to_police.pk, "pdf")).status_code == 404
    assert download(to_police.pk, "pdf") not in client.get(TRACK_URL).content.decode()


def test_an_unknown_format_is_not_found(case):
    letter = letter_to(case)

    assert tracking(case).get(download(letter.pk, "html")).status_code == 404
