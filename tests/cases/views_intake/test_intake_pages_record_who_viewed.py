"""Pages that show case data record who saw which case (the audit of reads)."""

from __future__ import annotations

from casereview.audit.log import views_of
from tests.cases.helpers import gathering, receive
from tests.cases.views_intake.conftest import RECEIVE_URL, application, page_url


def test_opening_the_decision_page_records_a_view_of_the_case(staff_client, coordinator, area):
    case = gathering(area, coordinator)

    staff_client(coordinator).get(page_url("cases:decide", case.reference))

    (record,) = views_of(case)
    assert record.user == coordinator
    assert record.what == "threshold decision page"


def test_showing_an_earlier_case_in_the_screening_records_a_view_of_it(
    staff_client, coordinator, area
):
    earlier = receive(area, coordinator)

    staff_client(coordinator).post(RECEIVE_URL, application())

    (record,) = views_of(earlier)
    assert record.user == coordinator
    assert record.what == "earlier case in the screening of a new application"
