"""An earlier case the coordinator has checked is about someone else with the same details is
set aside, and the application is received as a new one."""

from __future__ import annotations

from casereview.cases.models import Case
from casereview.cases.workflow import Status
from tests.cases.helpers import receive
from tests.cases.views_intake.conftest import RECEIVE_URL, application


def test_ticking_a_different_person_lets_the_application_through(staff_client, coordinator, area):
    earlier = receive(area, coordinator)
    client = staff_client(coordinator)
    assert client.post(RECEIVE_URL, application()).status_code == 200

    response = client.post(RECEIVE_URL, application(different_victim_from=[earlier.reference]))

    assert response.status_code == 302
    case = Case.objects.exclude(pk=earlier.pk).get()
    assert case.status == Status.RECEIVED
    assert case.repeat_of is None
    assert case.events.get().data["different_victim_from"] == [earlier.reference]


def test_a_reference_that_is_not_an_earlier_case_is_refused(staff_client, coordinator, area):
    response = staff_client(coordinator).post(
        RECEIVE_URL, application(different_victim_from=["EHE-2020-0001"])
    )

    assert response.status_code == 200
    assert not Case.objects.exists()
    assert "different_victim_from" in response.context_data["form"].errors
