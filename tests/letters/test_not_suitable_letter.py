"""An application screened out as not suitable gets a letter with the reason and where to go
instead, sent to whoever applied."""

from casereview.cases.workflow import Step
from casereview.letters.models import LetterKind, Recipient
from casereview.letters.services import write_letters
from tests.cases.helpers import receive
from tests.letters.helpers import texts, third_party

SIGNPOSTING = (
    "Ask the Crown Prosecution Service for a review under its Victims' Right to Review scheme."
)


def test_not_suitable_gives_the_reason_and_the_signposting(area, coordinator):
    case = receive(area, coordinator, not_suitable_reason="cps_decision", signposting=SIGNPOSTING)

    [letter] = write_letters(case, Step.SCREEN_OUT).written

    assert (letter.kind, letter.recipient) == (LetterKind.NOT_SUITABLE, Recipient.VICTIM)
    for text in texts(letter):
        assert "it is not suitable for an ASB Case Review" in text
        assert "The reason is: A review of a Crown Prosecution Service decision." in text
        assert "Victims' Right to Review scheme" in text


def test_not_suitable_goes_to_the_third_party_who_applied(area, coordinator):
    case = receive(
        area,
        coordinator,
        applicant=third_party(),
        not_suitable_reason="cps_decision",
        signposting=SIGNPOSTING,
    )

    letters = write_letters(case, Step.SCREEN_OUT).written

    assert [(x.recipient, x.recipient_name) for x in letters] == [
        (Recipient.APPLICANT, "Jo Helper")
    ]
