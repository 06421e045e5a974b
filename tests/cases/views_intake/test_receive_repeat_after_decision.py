"""After an earlier case of the victim was decided, a new application needs a material change
in circumstances; with one, it is received as a repeat of the earlier case."""

from __future__ import annotations

from casereview.cases.models import Case
from casereview.cases.services import case_decide_threshold
from casereview.cases.workflow import Status
from tests.cases.helpers import close_after_window, gathering
from tests.cases.views_intake.conftest import RECEIVE_URL, application, page_url, text_of


def decided_and_closed(area, by):
    case = gathering(area, by)
    case = case_decide_threshold(
        case, by=by, on=case.received_on, route="threshold", met=False, reasons="None counted."
    )
    return close_after_window(case, by, "No review was asked for.")


def test_a_material_change_is_asked_for_then_the_repeat_is_received(
    staff_client, coordinator, area
):
    earlier = decided_and_closed(area, coordinator)
    client = staff_client(coordinator)

    refused = client.post(RECEIVE_URL, application())

    assert refused.status_code == 200
    assert Case.objects.count() == 1
    page = text_of(refused)
    assert (
        f"This victim's case {earlier.reference} was decided before: describe the material "
        "change in circumstances since then."
    ) in page
    assert 'href="#id_material_change"' in page
    assert f'href="{page_url("cases:case", earlier.reference)}"' in page
    assert "Closed" in page
    assert "16 March 2026" in page  # the decision date

    accepted = client.post(
        RECEIVE_URL, application(material_change="The noise now goes on all night, every night.")
    )

    assert accepted.status_code == 302
    repeat = Case.objects.exclude(pk=earlier.pk).get()
    assert repeat.status == Status.RECEIVED
    assert repeat.repeat_of == earlier
    assert repeat.material_change == "The noise now goes on all night, every night."
