"""Withdrawing or closing a case sends the victim (and a third-party applicant) a letter saying
why."""

from casereview.cases.services import case_withdraw
from casereview.cases.workflow import Step
from casereview.core.formatting import govuk_date
from casereview.letters.models import LetterKind, Recipient
from casereview.letters.services import write_letters
from tests.cases.helpers import close_after_window
from tests.letters.helpers import acknowledged, decided_not_met, texts, third_party


def test_a_withdrawn_case_gets_a_closure_letter_with_the_reason(area, coordinator):
    case = acknowledged(area, coordinator, applicant=third_party())
    case = case_withdraw(case, by=coordinator, reason="The victim has moved away.")

    letters = write_letters(case, Step.WITHDRAW).written

    assert [(x.kind, x.recipient) for x in letters] == [
        (LetterKind.CLOSURE, Recipient.VICTIM),
        (LetterKind.CLOSURE, Recipient.APPLICANT),
    ]
    pdf, docx = texts(letters[0])
    for text in (pdf, docx):
        assert "was withdrawn on 16 March 2026" in text
        assert "The victim has moved away." in text


def test_a_closed_case_says_it_was_closed(area, coordinator):
    case = decided_not_met(area, coordinator)
    case = close_after_window(case, coordinator, "No review was requested within 28 days.")

    [letter] = write_letters(case, Step.CLOSE).written

    pdf, _docx = texts(letter)
    closed_on = govuk_date(case.ended_on)
    assert f"We closed your ASB Case Review, reference EHE-2026-0001, on {closed_on}." in pdf
    assert "No review was requested within 28 days." in pdf
