"""A step the case's status does not allow sends the coordinator back to the case page with the
reason, before any form is shown."""

from __future__ import annotations

from casereview.cases.workflow import Status
from tests.cases.helpers import receive
from tests.cases.views_intake.conftest import TODAY, date_parts, messages_of, page_url


def test_an_unacknowledged_case_cannot_be_decided_yet(staff_client, coordinator, area):
    case = receive(area, coordinator)

    response = staff_client(coordinator).post(
        page_url("cases:decide", case.reference),
        {**date_parts("decided_on", TODAY), "route": "threshold", "met": "no", "reasons": "-"},
    )

    assert response.status_code == 302
    assert response["Location"] == page_url("cases:case", case.reference)
    assert messages_of(response) == [
        "A case that is newly received cannot be decided as meeting the threshold."
    ]
    case.refresh_from_db()
    assert case.status == Status.RECEIVED


def test_a_received_case_cannot_be_declined_unless_it_repeats_one(staff_client, coordinator, area):
    case = receive(area, coordinator)

    response = staff_client(coordinator).post(
        page_url("cases:decline-repeat", case.reference), {"reasons": "Vexatious."}
    )

    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == Status.RECEIVED
