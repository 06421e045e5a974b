"""The letter to the Victims' Commissioner: a form, then the letter on a page and as Word and PDF
files, pre-filled from the case this browser tracks when it is a case of the area."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.factories import make_area
from tests.public.information.helpers import docx_text, pdf_text, text_of, track

pytestmark = pytest.mark.django_db

ANSWERS = {
    "name": "Sam Victim",
    "contact": "1 High Street\nHertford\nSG14 1AB",
    "applied_on-day": "",
    "applied_on-month": "",
    "applied_on-year": "",
    "reference": "",
    "failings": ["no_voice", "late_decision"],
    "details": "Nobody called me back.\n\nThe noise goes on every night.",
}


def letter_url(area) -> str:
    return reverse("public:commissioner_letter", args=[area.slug])


def test_the_form_is_prefilled_with_the_reference_of_the_tracked_case(client, area, tracked_case):
    text = text_of(track(client, tracked_case).get(letter_url(area)))
    assert f'value="{tracked_case.reference}"' in text
    assert 'name="applied_on-day"' in text
    assert 'value="16"' in text


def test_a_case_of_another_area_is_not_used(client, other_area, tracked_case):
    case = tracked_case
    text = text_of(track(client, case).get(letter_url(other_area)))
    assert f'value="{case.reference}"' not in text


def test_the_letter_names_the_person_the_area_and_the_tracked_case(client, area, tracked_case):
    case = tracked_case
    track(client, case)
    response = client.post(letter_url(area), {**ANSWERS, "reference": case.reference})
    assert response.status_code == 200
    text = text_of(response)
    assert "Sam Victim" in text
    assert "in East Hertfordshire, run by East Hertfordshire District Council" in text
    assert f"My case reference is {case.reference}." in text
    assert "for an ASB Case Review on 16 March 2026" in text
    assert "says applicants are told within 14 working days" in text
    assert "The noise goes on every night." in text
    # The download buttons post the same answers back.
    assert f'name="reference" value="{case.reference}"' in text
    assert 'name="failings" value="no_voice"' in text


def test_the_word_and_pdf_files_say_the_same_as_the_page(client, area, tracked_case):
    case = tracked_case
    track(client, case)
    answers = {**ANSWERS, "reference": case.reference}
    word = client.post(letter_url(area), {**answers, "download": "docx"})
    assert word["Content-Disposition"] == (
        'attachment; filename="letter-to-the-victims-commissioner.docx"'
    )
    pdf = client.post(letter_url(area), {**answers, "download": "pdf"})
    assert pdf["Content-Type"] == "application/pdf"
    for text in (docx_text(word.content), pdf_text(pdf.content)):
        assert "Sam Victim" in text
        assert "East Hertfordshire District Council" in text
        assert case.reference in text
        assert "16 March 2026" in text
        assert "Dear Victims' Commissioner," in text


def test_without_a_tracked_case_the_letter_uses_what_was_typed(client, area, in_march):
    answers = {
        **ANSWERS,
        "reference": "ehe-2025-0042",
        "applied_on-day": "3",
        "applied_on-month": "2",
        "applied_on-year": "2026",
    }
    text = text_of(client.post(letter_url(area), answers))
    assert "My case reference is EHE-2025-0042." in text
    assert "on 3 February 2026" in text


def test_the_letter_never_gives_an_address_for_the_commissioner(client, area, in_march):
    text = text_of(client.post(letter_url(area), ANSWERS))
    assert "Find the Commissioner's current postal address and email address" in text
    assert 'href="https://victimscommissioner.org.uk/"' in text


def test_the_change_button_shows_the_form_again_with_the_answers(client, area, in_march):
    text = text_of(client.post(letter_url(area), {**ANSWERS, "change": "yes"}))
    assert "Write the letter" in text
    assert "Hertford" in text
    assert "There is a problem" not in text


def test_missing_answers_are_errors_and_what_was_typed_is_kept(client, area, in_march):
    response = client.post(letter_url(area), {"contact": "sam@example.test"})
    assert response.status_code == 200
    text = text_of(response)
    assert "There is a problem" in text
    assert "Enter your name" in text
    assert "Select what went wrong, or tell the Commissioner what happened" in text
    assert "sam@example.test" in text
    assert "<title>Error:" in text


def test_a_date_in_the_future_is_an_error(client, area, in_march):
    answers = {**ANSWERS, "applied_on-day": "1", "applied_on-month": "1", "applied_on-year": "2027"}
    text = text_of(client.post(letter_url(area), answers))
    assert "The date you asked for the review must be today or in the past" in text


def test_the_page_works_for_an_area_not_on_the_service(client, in_march):
    elsewhere = make_area("Elsewhere", on_service=False)
    text = text_of(client.post(letter_url(elsewhere), ANSWERS))
    assert "I was not told the decision on my application in time." in text
    assert "Elsewhere District Council" in text
