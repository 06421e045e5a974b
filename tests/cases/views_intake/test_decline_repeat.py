"""A vexatious repeat application is declined with reasons, from a page that says what that
means and links the earlier case; only a repeat can be declined."""

from __future__ import annotations

from casereview.cases.models import Case
from casereview.cases.services import case_decide_threshold
from casereview.cases.workflow import Status
from tests.cases.helpers import close_after_window, gathering, receive
from tests.cases.views_intake.conftest import messages_of, page_url, text_of


def a_repeat(area, by):
    earlier = gathering(area, by)
    earlier = case_decide_threshold(
        earlier, by=by, on=earlier.received_on, route="threshold", met=False, reasons="None."
    )
    earlier = close_after_window(earlier, by, "No review was asked for.")
    return earlier, receive(area, by, material_change="Nothing new, the same complaint.")


def test_the_page_explains_and_links_the_earlier_case(staff_client, coordinator, area):
    earlier, repeat = a_repeat(area, coordinator)

    response = staff_client(coordinator).get(page_url("cases:decline-repeat", repeat.reference))

    assert response.status_code == 200
    page = text_of(response)
    assert "If it is vexatious" in page
    assert f'href="{page_url("cases:case", earlier.reference)}"' in page
    assert "Nothing new, the same complaint." in page


def test_a_repeat_is_declined_with_reasons(staff_client, coordinator, area):
    _earlier, repeat = a_repeat(area, coordinator)

    response = staff_client(coordinator).post(
        page_url("cases:decline-repeat", repeat.reference),
        {"reasons": "The application repeats the decided one and gives nothing new."},
    )

    assert response.status_code == 302
    assert response["Location"] == page_url("cases:case", repeat.reference)
    repeat = Case.objects.get(pk=repeat.pk)
    assert repeat.status == Status.DECLINED
    assert (
        repeat.declined_reasons == "The application repeats the decided one and gives nothing new."
    )
    assert messages_of(response) == [
        f"Application {repeat.reference} declined as a repeat. A letter with the reasons goes "
        "to the applicant."
    ]


def test_reasons_are_required(staff_client, coordinator, area):
    _earlier, repeat = a_repeat(area, coordinator)

    response = staff_client(coordinator).post(
        page_url("cases:decline-repeat", repeat.reference), {"reasons": "  "}
    )

    assert response.status_code == 200
    assert response.context_data["form"].errors["reasons"] == [
        "Give the reasons for declining the application"
    ]
    assert Case.objects.get(pk=repeat.pk).status == Status.RECEIVED


def test_an_application_that_is_not_a_repeat_cannot_be_declined(staff_client, coordinator, area):
    case = receive(area, coordinator)

    response = staff_client(coordinator).get(page_url("cases:decline-repeat", case.reference))

    assert response.status_code == 302
    assert response["Location"] == page_url("cases:case", case.reference)
    assert messages_of(response) == [
        "Only a repeat of an earlier decided application can be declined as vexatious: "
        f"{case.reference} is not a repeat."
    ]
