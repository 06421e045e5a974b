"""The decision page shows the rules engine's evaluation now, complaint by complaint, and records
a decision through the threshold that agrees with it."""

from __future__ import annotations

import datetime as dt

from casereview.areas.models import AgencyKind
from casereview.cases.models import Case, DecisionRoute
from casereview.cases.workflow import Status
from tests.cases.helpers import agency_of, confirm, gathering, stated
from tests.cases.views_intake.conftest import TODAY, date_parts, messages_of, page_url, text_of

THREE_SEPARATE = [
    (dt.date(2026, 2, 20), dt.date(2026, 2, 20), "A"),
    (dt.date(2026, 3, 2), dt.date(2026, 3, 2), "B"),
    (dt.date(2026, 3, 9), dt.date(2026, 3, 10), "C"),
]


def decision(**overrides):
    data = {
        **date_parts("decided_on", TODAY),
        "route": "threshold",
        "met": "yes",
        "persistence": "Weekly since February.",
        "harm": "Sleep lost; the children are frightened.",
        "adequacy_of_response": "Each report was logged but nothing followed.",
        "reasons": "Three separate incidents were reported in time.",
    }
    data.update(overrides)
    return data


def test_the_page_shows_each_complaint_with_its_verdict(staff_client, coordinator, area):
    police = agency_of(area, AgencyKind.POLICE)
    case = gathering(area, coordinator, complaints=[stated(police, dt.date(2026, 1, 2))])
    confirm(
        case, coordinator, [*THREE_SEPARATE[:2], (dt.date(2026, 3, 2), dt.date(2026, 3, 3), "B")]
    )

    response = staff_client(coordinator).get(page_url("cases:decide", case.reference))

    assert response.status_code == 200
    page = text_of(response)
    assert "2 complaints count towards a threshold of 3: the threshold is not met." in page
    assert "Same occasion as complaint" in page
    assert "Not confirmed by the agency" in page
    assert "Only stated" in page
    assert "Confirmed" in page
    assert "Hertfordshire Constabulary" in page
    assert "20 February 2026" in page
    assert (
        "1 complaint stated by the applicant has not been confirmed by an agency. If every "
        "complaint were confirmed, 3 would count and the threshold would be met."
    ) in page
    routes = [value for value, _ in response.context_data["form"].fields["route"].choices]
    assert routes == ["threshold", "senior_manager_vulnerable_victim"]


def test_met_through_the_threshold_is_recorded(staff_client, coordinator, area):
    case = gathering(area, coordinator)
    confirm(case, coordinator, THREE_SEPARATE)

    response = staff_client(coordinator).post(page_url("cases:decide", case.reference), decision())

    assert response.status_code == 302
    assert response["Location"] == page_url("cases:case", case.reference)
    case = Case.objects.get()
    assert case.status == Status.THRESHOLD_MET
    assert case.decision_route == DecisionRoute.THRESHOLD
    assert case.decided_on == TODAY
    assert case.persistence_notes == "Weekly since February."
    assert case.harm_notes == "Sleep lost; the children are frightened."
    assert case.adequacy_of_response_notes == "Each report was logged but nothing followed."
    assert case.threshold_result["qualifying_count"] == 3
    assert messages_of(response) == [
        "Decision recorded: the threshold is met. The CT4 letter goes to the victim, and every "
        "relevant body is told the decision."
    ]


def test_not_met_through_the_threshold_is_recorded(staff_client, coordinator, area):
    case = gathering(area, coordinator)
    confirm(case, coordinator, THREE_SEPARATE[:2])

    response = staff_client(coordinator).post(
        page_url("cases:decide", case.reference),
        decision(met="no", reasons="Two incidents were reported; three are needed."),
    )

    assert response.status_code == 302
    case = Case.objects.get()
    assert case.status == Status.THRESHOLD_NOT_MET
    assert case.threshold_met is False
    assert "The CT3 letter, with the CT3a form to ask for a review" in messages_of(response)[0]


def test_a_decision_without_reasons_or_a_real_date_is_refused(staff_client, coordinator, area):
    case = gathering(area, coordinator)

    response = staff_client(coordinator).post(
        page_url("cases:decide", case.reference),
        decision(met="no", reasons="", **{"decided_on-day": "32"}),
    )

    assert response.status_code == 200
    errors = response.context_data["form"].errors
    assert errors["reasons"] == ["Give the reasons for the decision"]
    assert errors["decided_on"] == ["The date of the decision must be a real date"]
    assert Case.objects.get().status == Status.GATHERING_INFORMATION
