"""An area's own wording for a letter kind (letters/<kind>/areas/<GSS code>.html) is used for
that area's letters only."""

from casereview.cases.workflow import Step
from casereview.letters.models import LetterKind
from casereview.letters.services import write_letters
from tests.factories import make_user
from tests.letters.helpers import decided_met, texts


def test_east_herts_ct4_uses_its_own_support_wording(area, coordinator):
    case = decided_met(area, coordinator)

    [letter] = write_letters(case, Step.DECIDE_THRESHOLD_MET, kinds={LetterKind.CT4}).written

    for text in texts(letter):
        assert "Support and advocacy in East Hertfordshire" in text
        assert "Beacon, Hertfordshire's victim care service" in text
        # The blocks it does not override still come from the default.
        assert "write a victim impact statement" in text


def test_another_area_ct4_uses_the_default_wording(other_area):
    coordinator = make_user(None, "coordinator", other_area)
    case = decided_met(other_area, coordinator)

    [letter] = write_letters(case, Step.DECIDE_THRESHOLD_MET, kinds={LetterKind.CT4}).written

    pdf, docx = texts(letter)
    for text in (pdf, docx):
        assert "Support and advocacy" in text
        assert "East Hertfordshire" not in text
        assert "Beacon" not in text
