"""Through the threshold route, a decision that disagrees with the rules engine is refused, and
the page says why with the counts."""

from __future__ import annotations

import datetime as dt

from casereview.cases.models import Case
from casereview.cases.workflow import Status
from tests.cases.helpers import confirm, gathering
from tests.cases.views_intake.conftest import TODAY, date_parts, page_url, text_of

TWO = [
    (dt.date(2026, 3, 2), dt.date(2026, 3, 2), "A"),
    (dt.date(2026, 3, 9), dt.date(2026, 3, 9), "B"),
]
THREE = [*TWO, (dt.date(2026, 3, 12), dt.date(2026, 3, 12), "C")]


def post_decision(client, case, met):
    return client.post(
        page_url("cases:decide", case.reference),
        {
            **date_parts("decided_on", TODAY),
            "route": "threshold",
            "met": met,
            "reasons": "As I see it.",
        },
    )


def test_met_is_refused_when_the_engine_counts_too_few(staff_client, coordinator, area):
    case = gathering(area, coordinator)
    confirm(case, coordinator, TWO)

    response = post_decision(staff_client(coordinator), case, "yes")

    assert response.status_code == 200
    message = (
        "2 qualifying complaints against a threshold of 3: the threshold is not met. Record the "
        "decision as not met, or use another route the local policy provides."
    )
    assert response.context_data["form"].errors["met"] == [message]
    page = text_of(response)
    assert message in page
    assert 'href="#id_met"' in page
    assert Case.objects.get().status == Status.GATHERING_INFORMATION


def test_not_met_is_refused_when_the_engine_counts_enough(staff_client, coordinator, area):
    case = gathering(area, coordinator)
    confirm(case, coordinator, THREE)

    response = post_decision(staff_client(coordinator), case, "no")

    assert response.status_code == 200
    assert response.context_data["form"].errors["met"] == [
        "3 qualifying complaints against a threshold of 3: the threshold is met, so a review "
        "must be carried out."
    ]
    assert Case.objects.get().status == Status.GATHERING_INFORMATION
