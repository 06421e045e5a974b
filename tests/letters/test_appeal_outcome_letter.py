"""Sending an appeal's outcome writes the victim whether it was upheld, the reasons, and what
happens next: the threshold decided again, the review reconvened, or nothing changes and the
routes still open to them (the ombudsman; the Police and Crime Commissioner for "not met")."""

import pytest

from casereview.appeals.models import Appeal
from casereview.appeals.services import appeal_hear, appeal_lodge, appeal_send_outcome
from casereview.cases.models import Case, DeadlineKind
from casereview.cases.workflow import Step
from casereview.letters.models import LetterKind
from casereview.letters.services import plan_letters, write_letters
from tests.letters.helpers import decided_not_met, texts
from tests.reviews.helpers import consulting

pytestmark = pytest.mark.django_db


def decided(case: Case, by, ground: str, outcome: str, reasons: str) -> Appeal:
    appeal = appeal_lodge(case, by=by, ground=ground, received_on=case.received_on)
    appeal = appeal_hear(appeal, by=by, heard_on=case.received_on, outcome=outcome, reasons=reasons)
    return appeal_send_outcome(appeal, by=by)


def test_an_appeal_against_the_review_not_upheld_names_the_ombudsman(area, coordinator):
    case = consulting(area, coordinator)
    appeal = decided(
        case, coordinator, "review_conduct", "not_upheld", "The panel heard every agency."
    )

    [letter] = write_letters(case, Step.SEND_APPEAL_OUTCOME).written

    assert letter.kind == LetterKind.APPEAL_OUTCOME
    assert letter.key == f"appeal_outcome:{appeal.pk}"
    assert letter.subject == "Your ASB Case Review: the outcome of your appeal (EHE-2026-0001)"
    for text in texts(letter):
        assert "was heard on 16 March 2026" in text
        assert "It was against: how the review was carried out." in text
        assert "Your appeal is not upheld." in text
        assert "The panel heard every agency." in text
        assert "The outcome of the review and the action plan stand." in text
        assert "the Local Government and Social Care Ombudsman (www.lgo.org.uk)" in text
        assert "Police and Crime Commissioner" not in text


def test_an_appeal_against_the_decision_not_upheld_also_names_the_pcc(area, coordinator):
    case = decided_not_met(area, coordinator)
    decided(case, coordinator, "threshold_decision", "not_upheld", "Only one complaint.")

    [letter] = write_letters(case, Step.SEND_APPEAL_OUTCOME).written

    for text in texts(letter):
        assert "The decision that the threshold for a case review is not met stands." in text
        assert "Local Government and Social Care Ombudsman" in text
        assert "the office of your Police and Crime Commissioner" in text


def test_an_upheld_appeal_against_the_decision_says_it_will_be_decided_again(area, coordinator):
    case = decided_not_met(area, coordinator)
    decided(case, coordinator, "threshold_decision", "upheld", "Diary sheets were missed.")
    redecision = case.deadlines.get(kind=DeadlineKind.REDECISION)

    [letter] = write_letters(case, Step.SEND_APPEAL_OUTCOME).written

    for text in texts(letter):
        assert "Your appeal is upheld." in text
        assert "Diary sheets were missed." in text
        assert "will be decided again" in text
        # 14 working days from the hearing on Monday 16 March 2026, past Easter.
        assert redecision.due_on.isoformat() == "2026-04-07"
        assert "We will write to you with the new decision by 7 April 2026." in text
        assert "Ombudsman" not in text


def test_an_upheld_appeal_against_the_review_says_it_will_be_reconvened(area, coordinator):
    case = consulting(area, coordinator)
    decided(case, coordinator, "review_conduct", "upheld", "The victim was not heard.")

    [letter] = write_letters(case, Step.SEND_APPEAL_OUTCOME).written

    for text in texts(letter):
        assert "The review will be reconvened: the panel will meet again" in text


def test_no_outcome_letter_before_the_outcome_is_sent(area, coordinator):
    case = consulting(area, coordinator)
    appeal = appeal_lodge(
        case, by=coordinator, ground="review_conduct", received_on=case.received_on
    )
    appeal_hear(appeal, by=coordinator, heard_on=case.received_on, outcome="upheld", reasons="R.")

    assert plan_letters(case, Step.SEND_APPEAL_OUTCOME) == []


def test_the_outcome_letter_is_written_once(area, coordinator):
    case = consulting(area, coordinator)
    decided(case, coordinator, "review_conduct", "not_upheld", "Fair.")

    assert len(write_letters(case, Step.SEND_APPEAL_OUTCOME).written) == 1
    assert write_letters(case, Step.SEND_APPEAL_OUTCOME).written == []
