"""Lodging an appeal writes the victim (and a third-party applicant) an acknowledgement: what
the appeal is against, who will hear it and by when, and that a late appeal was accepted."""

import pytest

from casereview.appeals.services import appeal_lodge
from casereview.cases.models import DeadlineKind
from casereview.cases.workflow import Step
from casereview.letters.models import LetterKind, Recipient
from casereview.letters.services import plan_letters, write_letters
from tests.letters.helpers import decided_not_met, texts, third_party
from tests.reviews.helpers import consulting, later

pytestmark = pytest.mark.django_db


def test_an_appeal_against_the_review_is_acknowledged_with_its_hearing_date(area, coordinator):
    case = consulting(area, coordinator, spoc=coordinator)
    appeal = appeal_lodge(
        case,
        by=coordinator,
        ground="review_conduct",
        received_on=case.received_on,
        what_the_victim_says="Nobody asked the housing provider.",
    )

    [letter] = write_letters(case, Step.LODGE_APPEAL).written

    assert letter.kind == LetterKind.APPEAL_RECEIVED
    assert letter.key == f"appeal_received:{appeal.pk}"
    hearing = case.deadlines.get(kind=DeadlineKind.APPEAL_HEARING, appeal=appeal)
    for text in texts(letter):
        assert "We received your appeal about your ASB Case Review" in text
        assert "on 16 March 2026" in text
        assert "Your appeal is against: how the review was carried out." in text
        # 15 working days from Monday 16 March 2026, past Good Friday and Easter Monday.
        assert hearing.due_on.isoformat() == "2026-04-08"
        assert (
            "will be heard by a senior manager who took no part in the review by 8 April 2026, "
            "within 15 working days of receiving it." in text
        )
        assert "within 5 working days of the hearing" in text
        assert "accepted it all the same" not in text


def test_a_late_appeal_against_the_decision_says_it_was_accepted_late(area, coordinator):
    case = decided_not_met(area, coordinator, applicant=third_party())
    with later(36) as day:
        appeal_lodge(
            case,
            by=coordinator,
            ground="threshold_decision",
            received_on=day,
            late_reason="The victim was in hospital.",
        )
        letters = write_letters(case, Step.LODGE_APPEAL).written

    assert [x.recipient for x in letters] == [Recipient.VICTIM, Recipient.APPLICANT]
    for text in texts(letters[0]):
        assert "Your appeal is against: the decision that the threshold was not met." in text
        assert "The time for appealing ended on 13 April 2026" in text
        assert "We have accepted it all the same." in text
        assert "a senior manager who took no part in the decision" in text
        # The reason is the council's record, not the victim's letter.
        assert "in hospital" not in text


def test_the_acknowledgement_is_written_once(area, coordinator):
    case = consulting(area, coordinator)
    appeal_lodge(case, by=coordinator, ground="review_conduct", received_on=case.received_on)

    first = write_letters(case, Step.LODGE_APPEAL).written
    again = write_letters(case, Step.LODGE_APPEAL).written

    assert len(first) == 1
    assert again == []


def test_no_acknowledgement_without_an_appeal(area, coordinator):
    case = consulting(area, coordinator)

    assert plan_letters(case, Step.LODGE_APPEAL) == []
