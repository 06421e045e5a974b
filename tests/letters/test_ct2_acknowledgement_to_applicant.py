"""When someone applies for the victim, the victim gets CT1 and the applicant CT2."""

from casereview.cases.workflow import Step
from casereview.letters.models import LetterKind, Recipient
from casereview.letters.services import write_letters
from tests.letters.helpers import acknowledged, texts, third_party


def test_a_third_party_application_gets_ct1_for_the_victim_and_ct2_for_the_applicant(
    area, coordinator
):
    case = acknowledged(area, coordinator, applicant=third_party())

    letters = write_letters(case, Step.ACKNOWLEDGE).written

    assert [(x.kind, x.recipient, x.recipient_name) for x in letters] == [
        (LetterKind.CT1, Recipient.VICTIM, "Sam Victim"),
        (LetterKind.CT2, Recipient.APPLICANT, "Jo Helper"),
    ]
    pdf, docx = texts(letters[1])
    for text in (pdf, docx):
        assert "Dear Jo Helper," in text
        assert "on behalf of Sam Victim" in text
        assert "EHE-2026-0001" in text
    ct1_pdf, _ = texts(letters[0])
    assert "Jo Helper applied on your behalf, with your consent." in ct1_pdf
