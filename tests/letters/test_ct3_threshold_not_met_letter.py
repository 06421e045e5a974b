"""CT3 explains in plain English why the threshold is not met and carries the CT3a review
request form, with the window from the policy."""

import datetime as dt

from casereview.cases.models import ComplaintKind
from casereview.cases.workflow import Step
from casereview.letters.models import LetterKind, Recipient
from casereview.letters.services import write_letters
from tests.cases.helpers import stated
from tests.letters.helpers import decided_not_met, texts, third_party


def test_ct3_gives_the_reasons_the_engine_result_and_the_ct3a_form(area, coordinator, police):
    case = decided_not_met(
        area,
        coordinator,
        complaints=[stated(police, dt.date(2026, 3, 2), kind=ComplaintKind.COMPLAINT)],
    )

    [letter] = write_letters(case, Step.DECIDE_THRESHOLD_NOT_MET, kinds={LetterKind.CT3}).written

    assert (letter.recipient, letter.key) == (Recipient.VICTIM, "ct3")
    for text in texts(letter):
        assert "On 16 March 2026 we decided that the threshold for a review is not met." in text
        assert "No agency holds a record of complaints" in text
        assert "0 complaints count towards a threshold of 3: the threshold is not met." in text
        assert "No relevant body has confirmed this complaint from its records" in text
        assert "CT3a: request for a review of the decision" in text
        # 28 calendar days from the decision on 16 March 2026.
        assert "by 13 April 2026, within 28 days of the decision" in text
        assert "Why do you think the decision should be reviewed?" in text
        assert "a senior manager who took no part in the decision" in text


def test_a_third_party_applicant_gets_a_marked_copy_of_ct3(area, coordinator):
    case = decided_not_met(area, coordinator, applicant=third_party())

    letters = write_letters(case, Step.DECIDE_THRESHOLD_NOT_MET, kinds={LetterKind.CT3}).written

    assert [(x.key, x.recipient) for x in letters] == [
        ("ct3", Recipient.VICTIM),
        ("ct3:applicant", Recipient.APPLICANT),
    ]
    pdf, _docx = texts(letters[1])
    assert "This is a copy, for you as the person who applied on behalf of Sam Victim" in pdf
    assert "Dear Jo Helper," in pdf
