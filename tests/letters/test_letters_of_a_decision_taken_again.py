"""A threshold decision taken again after an upheld appeal is told in letters of its own: the
first decision's letters keep their keys, so without new ones the victim would hear nothing."""

import pytest

from casereview.appeals.services import appeal_hear, appeal_lodge
from casereview.cases.services import case_decide_threshold
from casereview.cases.workflow import Step
from casereview.letters.models import LetterKind
from casereview.letters.services import write_letters
from tests.letters.helpers import decided_not_met, texts

pytestmark = pytest.mark.django_db


def test_a_decision_taken_again_gets_a_new_letter_and_notices(area, coordinator):
    case = decided_not_met(area, coordinator)
    first = write_letters(case, Step.DECIDE_THRESHOLD_NOT_MET).written
    appeal = appeal_lodge(
        case, by=coordinator, ground="threshold_decision", received_on=case.received_on
    )
    appeal_hear(
        appeal, by=coordinator, heard_on=case.received_on, outcome="upheld", reasons="Missed."
    )
    case.refresh_from_db()
    case = case_decide_threshold(
        case,
        by=coordinator,
        on=case.received_on,
        route="threshold",
        met=False,
        reasons="Still no agency holds a record of the complaints.",
    )

    again = write_letters(case, Step.DECIDE_THRESHOLD_NOT_MET).written

    assert "ct3" in {letter.key for letter in first}
    ct3 = next(letter for letter in again if letter.kind == LetterKind.CT3)
    assert ct3.key == "ct3:2"
    assert "Still no agency holds a record of the complaints." in texts(ct3)[0]
    notices = [letter.key for letter in again if letter.kind == LetterKind.DECISION_NOTICE]
    assert notices
    assert all(key.endswith(":2") for key in notices)
    assert write_letters(case, Step.DECIDE_THRESHOLD_NOT_MET).written == []
