"""Where the policy provides it, a senior manager's decision to safeguard a vulnerable victim
leads to a review below the threshold, recording who decided, when and why; a policy without
the route does not offer it."""

from __future__ import annotations

from dataclasses import replace

from casereview.cases.models import Case, DecisionRoute
from casereview.cases.workflow import Status
from casereview.rules import REFERENCE_PROCEDURE, LocalRoute, Routes
from tests.cases.helpers import gathering
from tests.cases.views_intake.conftest import TODAY, date_parts, page_url
from tests.factories import make_policy


def senior_manager_decision(**overrides):
    data = {
        **date_parts("decided_on", TODAY),
        "route": "senior_manager_vulnerable_victim",
        "met": "yes",
        "harm": "The victim is housebound and frightened.",
        "reasons": "A review is needed to safeguard a vulnerable victim.",
        "senior_manager_name": "Morgan Head of Service",
        **date_parts("senior_manager_decided_on", TODAY),
        "senior_manager_reasons": "Risk to the victim's health.",
    }
    data.update(overrides)
    return data


def test_a_senior_managers_decision_is_recorded(staff_client, coordinator, area):
    case = gathering(area, coordinator)

    response = staff_client(coordinator).post(
        page_url("cases:decide", case.reference), senior_manager_decision()
    )

    assert response.status_code == 302
    case = Case.objects.get()
    assert case.status == Status.THRESHOLD_MET
    assert case.decision_route == DecisionRoute.SENIOR_MANAGER_VULNERABLE_VICTIM
    assert case.senior_manager_name == "Morgan Head of Service"
    assert case.senior_manager_decided_on == TODAY
    assert case.senior_manager_reasons == "Risk to the victim's health."
    assert case.threshold_result["qualifying_count"] == 0


def test_the_senior_managers_name_is_required(staff_client, coordinator, area):
    case = gathering(area, coordinator)

    response = staff_client(coordinator).post(
        page_url("cases:decide", case.reference),
        senior_manager_decision(senior_manager_name=""),
    )

    assert response.status_code == 200
    assert response.context_data["form"].errors["senior_manager_name"] == [
        "Enter the senior manager's name."
    ]
    assert Case.objects.get().status == Status.GATHERING_INFORMATION


def test_routes_the_policy_lacks_are_neither_offered_nor_accepted(staff_client, coordinator, area):
    make_policy(
        area,
        replace(
            REFERENCE_PROCEDURE,
            routes=Routes(extra=(LocalRoute("hate", "One hate incident"),)),
        ),
        version=2,
    )
    case = gathering(area, coordinator)
    client = staff_client(coordinator)

    page = client.get(page_url("cases:decide", case.reference))

    form = page.context_data["form"]
    assert [value for value, _ in form.fields["route"].choices] == ["threshold", "local:hate"]
    assert "senior_manager_name" not in form.fields

    refused = client.post(page_url("cases:decide", case.reference), senior_manager_decision())

    assert refused.status_code == 200
    assert "route" in refused.context_data["form"].errors

    local = client.post(
        page_url("cases:decide", case.reference),
        senior_manager_decision(route="local:hate", reasons="One hate incident."),
    )

    assert local.status_code == 302
    case = Case.objects.get()
    assert case.decision_route == DecisionRoute.LOCAL_EXTRA_ROUTE
    assert case.local_route_code == "hate"
