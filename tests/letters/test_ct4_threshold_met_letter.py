"""CT4 says the review goes ahead, how the victim's voice will be heard, the support on offer
and when the single point of contact will phone."""

from casereview.cases.workflow import Step
from casereview.letters.models import LetterKind
from casereview.letters.services import write_letters
from tests.letters.helpers import decided_met, texts


def test_ct4_offers_the_voice_options_support_and_the_phone_call_date(area, coordinator):
    case = decided_met(area, coordinator, spoc=coordinator)

    [letter] = write_letters(case, Step.DECIDE_THRESHOLD_MET, kinds={LetterKind.CT4}).written

    for text in texts(letter):
        assert "On 16 March 2026 we decided that it meets the threshold for a case review." in text
        assert "The review goes ahead because of: The threshold of qualifying complaints." in text
        assert "attend the first part of the case review meeting" in text
        assert "write a victim impact statement" in text
        assert "ask an advocate" in text
        # 7 working days from Monday 16 March 2026.
        assert "will phone you by 25 March 2026, within 7 working days of this letter" in text
        assert "Victim Support" in text
        assert "Your single point of contact is Casey Coord." in text
