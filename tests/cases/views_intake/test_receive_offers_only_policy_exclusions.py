"""The screening question lists only the exclusions of the area's current policy: a reason the
policy does not list is neither offered nor accepted."""

from __future__ import annotations

from dataclasses import replace

from casereview.cases.models import Case
from casereview.rules import REFERENCE_PROCEDURE, Exclusion
from tests.cases.views_intake.conftest import RECEIVE_URL, application
from tests.factories import make_policy


def only_cps_decisions(area):
    return make_policy(
        area, replace(REFERENCE_PROCEDURE, exclusions=(Exclusion.CPS_DECISION,)), version=2
    )


def test_the_question_lists_the_policys_exclusions_and_no(staff_client, coordinator, area):
    only_cps_decisions(area)

    response = staff_client(coordinator).get(RECEIVE_URL)

    choices = [
        value
        for value, _label in response.context_data["form"].fields["not_suitable_reason"].choices
    ]
    assert choices == ["cps_decision", "suitable"]
    page = response.content.decode()
    assert 'value="officer_conduct"' not in page
    assert "A review of a Crown Prosecution Service decision" in page


def test_the_reference_policy_offers_every_exclusion(staff_client, coordinator, area):
    response = staff_client(coordinator).get(RECEIVE_URL)

    choices = [
        value
        for value, _label in response.context_data["form"].fields["not_suitable_reason"].choices
    ]
    assert choices == [*(reason.value for reason in Exclusion), "suitable"]


def test_an_exclusion_the_policy_does_not_list_is_refused(staff_client, coordinator, area):
    only_cps_decisions(area)

    response = staff_client(coordinator).post(
        RECEIVE_URL,
        application(not_suitable_reason="officer_conduct", signposting="Go to the IOPC."),
    )

    assert response.status_code == 200
    assert not Case.objects.exists()
    assert response.context_data["form"].errors["not_suitable_reason"] == [
        "Select a valid choice. officer_conduct is not one of the available choices."
    ]
