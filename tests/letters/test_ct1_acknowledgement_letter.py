"""CT1 tells the victim what happens next, who their single point of contact is and when each
step is due, with the dates computed from the case's policy and the bank holidays."""

from casereview.cases.workflow import Step
from casereview.letters.models import LetterKind, Recipient
from casereview.letters.services import write_letters
from tests.letters.helpers import acknowledged, texts


def test_ct1_gives_the_reference_next_steps_spoc_and_due_dates(area, coordinator):
    case = acknowledged(area, coordinator, spoc=coordinator)

    [letter] = write_letters(case, Step.ACKNOWLEDGE).written

    assert (letter.kind, letter.recipient, letter.key) == (LetterKind.CT1, Recipient.VICTIM, "ct1")
    for text in texts(letter):
        assert "Dear Sam Victim," in text
        assert "your reference is EHE-2026-0001" in text
        assert "Each has 5 working days to reply." in text
        # 14 working days from Monday 16 March 2026 skip Good Friday and Easter Monday.
        assert "with our decision by 7 April 2026, within 14 working days" in text
        assert "Your single point of contact is Casey Coord." in text
        assert "community.safety@eastherts.gov.uk" in text
        assert "01279 655261" in text
        assert "each within 30 days of the behaviour" in text
        assert "Diary sheets are not counted as complaints." in text


def test_ct1_without_a_spoc_names_the_community_safety_team(area, coordinator):
    case = acknowledged(area, coordinator)

    [letter] = write_letters(case, Step.ACKNOWLEDGE).written

    pdf, _docx = texts(letter)
    assert "The Community Safety Team of East Hertfordshire District Council" in pdf
