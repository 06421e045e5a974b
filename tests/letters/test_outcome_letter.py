"""Sending the outcome of the review writes the victim (and a third-party applicant) a letter
with the outcome, the recommendations and the bodies they are made to, the draft action plan
as far as the victim may see it, how and by when to comment, and the right to appeal."""

import pytest

from casereview.cases.workflow import Step
from casereview.letters.models import Letter, LetterKind, Recipient
from casereview.letters.services import plan_letters, write_letters
from tests.letters.helpers import texts, third_party
from tests.reviews.helpers import consulting, held

pytestmark = pytest.mark.django_db


def test_the_outcome_letter_gives_the_outcome_recommendations_plan_and_appeal_right(
    area, coordinator
):
    case = consulting(area, coordinator, spoc=coordinator)

    [letter] = write_letters(case, Step.SEND_OUTCOME).written

    assert letter.key == "outcome:1"
    assert letter.kind == LetterKind.OUTCOME
    assert letter.subject == (
        "Your ASB Case Review: the outcome and the draft action plan (EHE-2026-0001)"
    )
    for text in texts(letter):
        assert "was held on 16 March 2026" in text
        assert "The panel agreed a plan to stop the noise." in text
        # The recommendation, and the body it is made to.
        assert "Review how noise reports are triaged. East Hertfordshire Council" in text
        assert "Each body a recommendation is made to must have regard to it." in text
        # The action the victim may see: its owner and its due date, 21 days after the meeting.
        assert "Install noise monitoring equipment East Hertfordshire Council 6 April 2026" in text
        # The comment window: 10 working days from Monday 16 March 2026.
        assert "what you think of the draft plan by 30 March 2026" in text
        assert "You can appeal against how the review was carried out." in text
        # 28 calendar days from the letter of Monday 16 March 2026.
        assert "Tell us why by 13 April 2026, within 28 days of this letter." in text
        assert "a senior manager who took no part in the review" in text
        # The council leads until the lead is handed to another agency.
        assert "East Hertfordshire Council is the lead agency for your case" in text
        assert "Your single point of contact is Casey Coord." in text


def test_the_outcome_letter_is_planned_for_the_victim_and_the_applicant(area, coordinator):
    case = consulting(area, coordinator, applicant=third_party())

    planned = plan_letters(case, Step.SEND_OUTCOME)

    assert [(p.key, p.to.recipient, p.is_copy) for p in planned] == [
        ("outcome:1", Recipient.VICTIM, False),
        ("outcome:1:applicant", Recipient.APPLICANT, True),
    ]


def test_no_outcome_letter_is_planned_before_the_outcome_is_sent(area, coordinator):
    case = held(area, coordinator)

    assert plan_letters(case, Step.SEND_OUTCOME) == []


def test_the_outcome_letter_is_written_once(area, coordinator):
    case = consulting(area, coordinator)

    first = write_letters(case, Step.SEND_OUTCOME).written
    again = write_letters(case, Step.SEND_OUTCOME).written

    assert len(first) == 1
    assert again == []
    assert Letter.objects.filter(case=case, kind=LetterKind.OUTCOME).count() == 1
