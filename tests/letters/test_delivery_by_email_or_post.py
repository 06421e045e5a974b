"""A letter is e-mailed to someone who has an e-mail address and prefers e-mail, posted
otherwise; someone with no address at all is not written to, and the case says so."""

from casereview.cases.workflow import Step
from casereview.letters.models import Delivery, DeliveryStatus, Letter
from casereview.letters.services import plan_letters, unreachable_recipients, write_letters
from tests.cases.helpers import victim
from tests.letters.helpers import acknowledged


def test_a_victim_who_prefers_email_is_emailed(area, coordinator):
    case = acknowledged(area, coordinator, victim=victim(preferred_contact="email"))

    [letter] = write_letters(case, Step.ACKNOWLEDGE).written

    assert (letter.delivery, letter.status) == (Delivery.EMAIL, DeliveryStatus.WAITING)
    assert letter.recipient_email == "sam@example.test"


def test_a_victim_who_prefers_letters_is_sent_one_by_post(area, coordinator):
    case = acknowledged(area, coordinator, victim=victim(preferred_contact="letter"))

    [planned] = plan_letters(case, Step.ACKNOWLEDGE)

    assert planned.to.delivery == Delivery.POST
    assert planned.to.address_lines == ("1 High Street", "Hertford", "SG14 1AB")


def test_a_victim_with_no_postal_address_is_emailed_whatever_they_preferred(area, coordinator):
    case = acknowledged(
        area, coordinator, victim=victim(address="", postcode="", preferred_contact="phone")
    )

    [planned] = plan_letters(case, Step.ACKNOWLEDGE)

    assert planned.to.delivery == Delivery.EMAIL


def test_a_victim_with_neither_address_is_not_written_to_and_is_reported(area, coordinator, caplog):
    case = acknowledged(
        area,
        coordinator,
        victim=victim(address="", postcode="", email="", preferred_contact="phone"),
    )

    result = write_letters(case, Step.ACKNOWLEDGE)

    assert result.written == []
    assert [p.key for p in result.unreachable] == ["ct1"]
    assert not Letter.objects.filter(case=case).exists()
    assert "neither a postal nor an e-mail address" in caplog.text
    assert "ct1" in [p.key for p in unreachable_recipients(case)]


def test_an_agency_without_email_is_sent_its_letter_by_post(area, coordinator, police):
    from tests.cases.helpers import gathering

    case = gathering(area, coordinator)

    planned = {p.to.agency: p for p in plan_letters(case, Step.REQUEST_INFORMATION)}

    assert police.email == ""
    assert planned[police].to.delivery == Delivery.POST
