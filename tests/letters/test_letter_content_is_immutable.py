"""What was sent is what is kept: a stored letter's content cannot change, only its delivery
record."""

import pytest

from casereview.cases.workflow import Step
from casereview.letters.models import DeliveryStatus, ImmutableLetter
from casereview.letters.services import write_letters
from tests.letters.helpers import acknowledged


@pytest.fixture
def letter(area, coordinator):
    case = acknowledged(area, coordinator)
    [written] = write_letters(case, Step.ACKNOWLEDGE).written
    return written


def test_changing_what_a_stored_letter_says_raises(letter):
    letter.html = "<p>Something else</p>"

    with pytest.raises(ImmutableLetter):
        letter.save()
    with pytest.raises(ImmutableLetter):
        letter.save(update_fields=["html"])


def test_a_letter_cannot_be_deleted_on_its_own(letter):
    with pytest.raises(ImmutableLetter):
        letter.delete()


def test_its_delivery_record_can_move_on(letter):
    letter.status = DeliveryStatus.POSTED
    letter.save(update_fields=["status"])

    letter.refresh_from_db()
    assert letter.status == DeliveryStatus.POSTED
