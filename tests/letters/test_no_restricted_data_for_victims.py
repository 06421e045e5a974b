"""Letters to the victim or the applicant never show the people alleged responsible: not in the
PDF, the Word file or the e-mail. A relevant body's information request does, because it needs
it to search its records. A victim's letter that would show it is refused."""

import pytest

from casereview.cases.services import case_decide_threshold
from casereview.cases.workflow import Step
from casereview.letters.models import Letter, LetterKind
from casereview.letters.services import RestrictedDataInLetter, write_letters
from casereview.letters.tasks import build_message
from tests.cases.helpers import gathering
from tests.letters.helpers import ALLEGED, acknowledged, decided_met, texts, third_party


def test_victim_and_applicant_letters_and_emails_do_not_contain_the_alleged_responsible(
    area, coordinator
):
    case = acknowledged(area, coordinator, applicant=third_party(), location="Mill Lane, Hertford")
    assert case.alleged_responsible == ALLEGED

    letters = write_letters(case, Step.ACKNOWLEDGE).written

    assert len(letters) == 2
    for letter in letters:
        assert letter.is_victim_facing
        pdf, docx = texts(letter)
        for text in (pdf, docx, letter.html):
            assert "Mr Example" not in text
            assert "flat 3" not in text
        message = build_message(letter)
        assert "Mr Example" not in message.body
        assert "Mr Example" not in message.subject


def test_the_information_request_to_an_agency_contains_it(area, coordinator, police):
    case = gathering(area, coordinator)

    written = write_letters(case, Step.REQUEST_INFORMATION, kinds={LetterKind.INFORMATION_REQUEST})
    letter = next(x for x in written.written if x.agency == police)

    pdf, docx = texts(letter)
    assert ALLEGED in pdf
    assert ALLEGED in docx


def test_a_victim_letter_whose_reasons_name_the_alleged_responsible_is_refused(area, coordinator):
    case = gathering(area, coordinator)
    case = case_decide_threshold(
        case,
        by=coordinator,
        on=case.received_on,
        route="threshold",
        met=False,
        reasons="Only one complaint about the tenant of flat 3, Mr Example, was confirmed.",
    )

    with pytest.raises(RestrictedDataInLetter) as refused:
        write_letters(case, Step.DECIDE_THRESHOLD_NOT_MET, kinds={LetterKind.CT3})

    assert refused.value.field_name == "alleged_responsible"
    assert not Letter.objects.filter(case=case, kind=LetterKind.CT3).exists()


def test_a_refused_victim_letter_does_not_stop_the_agencies_notices(area, coordinator):
    case = decided_met(area, coordinator)
    # The reasons are the coordinator's words; here they name the person, as they must not.
    type(case).objects.filter(pk=case.pk).update(decision_reasons=f"Because of {ALLEGED}.")

    with pytest.raises(RestrictedDataInLetter):
        write_letters(
            case, Step.DECIDE_THRESHOLD_MET, kinds={LetterKind.CT4, LetterKind.DECISION_NOTICE}
        )

    kinds = set(Letter.objects.filter(case=case).values_list("kind", flat=True))
    assert kinds == {LetterKind.DECISION_NOTICE}
