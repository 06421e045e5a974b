"""Writing a step's letters twice writes each letter once."""

from casereview.cases.workflow import Step
from casereview.letters.models import Letter
from casereview.letters.services import write_letters
from tests.letters.helpers import acknowledged, third_party


def test_writing_twice_stores_one_letter_per_recipient(area, coordinator):
    case = acknowledged(area, coordinator, applicant=third_party())

    first = write_letters(case, Step.ACKNOWLEDGE)
    second = write_letters(case, Step.ACKNOWLEDGE)

    assert len(first.written) == 2
    assert second.written == []
    assert sorted(Letter.objects.filter(case=case).values_list("key", flat=True)) == ["ct1", "ct2"]
