"""While an earlier case of the same victim is open, a new application is refused, and the page
shows the earlier case so the coordinator can check it."""

from __future__ import annotations

from casereview.cases.models import Case
from tests.cases.helpers import receive
from tests.cases.views_intake.conftest import RECEIVE_URL, application, page_url, text_of


def test_a_new_application_is_refused_with_the_open_case_shown(staff_client, coordinator, area):
    earlier = receive(area, coordinator)

    response = staff_client(coordinator).post(RECEIVE_URL, application())

    assert response.status_code == 200
    assert Case.objects.count() == 1
    page = text_of(response)
    assert (
        f"This victim's earlier case {earlier.reference} is still open: a new application is "
        "not started while its actions are pending."
    ) in page
    assert "Earlier cases of this victim" in page
    assert f'href="{page_url("cases:case", earlier.reference)}"' in page
    assert "Newly received" not in page  # the status is shown by its name
    assert "Received" in page
    assert f"{earlier.reference} is about a different person" in page
    # The error summary links to the choice that can resolve it.
    assert 'href="#id_different_victim_from"' in page
    assert 'value="Sam Victim"' in page
