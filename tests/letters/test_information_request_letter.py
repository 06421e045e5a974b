"""An information request goes to each relevant body with what it needs to search its records,
including the people alleged responsible, and the due date of that request."""

import datetime as dt

from casereview.cases.models import DeadlineKind
from casereview.cases.workflow import Step
from casereview.letters.models import Delivery, DeliveryStatus, LetterKind, Recipient
from casereview.letters.services import plan_letters, write_letters
from casereview.partners.models import InformationRequest
from tests.cases.helpers import gathering, stated
from tests.letters.helpers import ALLEGED, texts


def test_each_relevant_body_gets_its_own_request(area, coordinator):
    case = gathering(area, coordinator)

    planned = plan_letters(case, Step.REQUEST_INFORMATION)

    requests = InformationRequest.objects.filter(case=case)
    assert sorted(p.key for p in planned) == sorted(
        f"information_request:{request.agency.code}" for request in requests
    )
    assert len(planned) == 5
    assert {p.request for p in planned} == set(requests)


def test_the_request_has_the_victim_the_behaviour_the_complaints_and_its_due_date(
    area, coordinator, police
):
    police.email = "asb.requests@police.test"
    police.save()
    case = gathering(
        area,
        coordinator,
        location="Flats 1-6, Mill Lane, Hertford",
        complaints=[stated(police, dt.date(2026, 3, 2), agency_reference="HC/123/26")],
    )
    request = InformationRequest.objects.get(case=case, agency=police)
    deadline = case.deadlines.get(kind=DeadlineKind.INFORMATION, information_request=request)

    written = write_letters(case, Step.REQUEST_INFORMATION, kinds={LetterKind.INFORMATION_REQUEST})
    letter = next(x for x in written.written if x.agency == police)

    assert letter.recipient == Recipient.AGENCY
    assert letter.information_request == request
    assert (letter.delivery, letter.status) == (Delivery.EMAIL, DeliveryStatus.WAITING)
    assert deadline.due_on == dt.date(2026, 3, 23)
    for text in texts(letter):
        assert "Please reply by 23 March 2026 (5 working days from this request" in text
        assert "EHE-2026-0001" in text
        assert "Sam Victim" in text
        assert "SG14 1AB" in text
        assert "Loud music and shouting most nights." in text
        assert "Flats 1-6, Mill Lane, Hertford" in text
        assert ALLEGED in text
        assert "HC/123/26" in text
        assert "2 March 2026" in text
        assert "data-protection or confidentiality exemption" in text
