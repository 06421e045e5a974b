"""The action page updates one action of the plan: the case's coordinators may, and so may a
representative of the agency that owns the action (who comes back to the action, not to a
case page they cannot open); a representative of another agency may not."""

from __future__ import annotations

import datetime as dt

from django.test import Client

from casereview.accounts.models import User
from casereview.areas.models import Area
from casereview.cases.models import Case
from casereview.cases.services import case_withdraw
from casereview.reviews.models import Action, ActionStatus
from tests.cases.views.pages import date_fields, error_summary, main_text
from tests.reviews.helpers import HIDDEN_ACTION, monitoring
from tests.reviews.views.pages import review_url

TODAY = dt.date(2026, 12, 21)


def _action(case: Case, owner_kind: str) -> Action:
    meeting = case.meetings.get()
    owner = case.area.police_force if owner_kind == "police" else case.area.council
    return meeting.actions.get(owner=owner)


def test_a_coordinator_marks_an_action_done(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    case = monitoring(area, coordinator)
    action = _action(case, "council")

    response = coordinator_client.post(
        review_url("action", case, action_id=action.pk),
        {"status": "done", "progress": "Installed.", **date_fields("completed_on", TODAY)},
        follow=True,
    )

    assert "The action is updated." in main_text(response)
    action.refresh_from_db()
    assert (action.status, action.completed_on, action.progress) == (
        ActionStatus.DONE,
        TODAY,
        "Installed.",
    )


def test_the_owner_agencys_representative_updates_their_action_and_comes_back_to_it(
    area: Area, coordinator: User, agency_rep_client: Client
) -> None:
    case = monitoring(area, coordinator)
    action = _action(case, "police")
    url = review_url("action", case, action_id=action.pk)

    shown = agency_rep_client.get(url)
    response = agency_rep_client.post(
        url, {"status": "in_progress", "progress": "Officer visited."}, follow=True
    )

    assert HIDDEN_ACTION in main_text(shown)
    assert response.redirect_chain == [(url, 302)]
    assert "The action is updated." in main_text(response)
    action.refresh_from_db()
    assert action.status == ActionStatus.IN_PROGRESS


def test_a_representative_of_another_agency_does_not_find_the_action(
    area: Area, coordinator: User, agency_rep_client: Client
) -> None:
    case = monitoring(area, coordinator)
    action = _action(case, "council")

    response = agency_rep_client.post(
        review_url("action", case, action_id=action.pk), {"status": "done"}
    )

    # Not 403: an action of another agency is not revealed to exist.
    assert response.status_code == 404
    action.refresh_from_db()
    assert action.status == ActionStatus.NOT_STARTED


def test_done_without_a_completion_date_is_refused_and_the_notes_are_kept(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    case = monitoring(area, coordinator)
    action = _action(case, "council")

    response = coordinator_client.post(
        review_url("action", case, action_id=action.pk),
        {"status": "done", "progress": "Kept progress note"},
    )

    assert "Enter a date." in error_summary(response)
    assert "Kept progress note" in response.content.decode()
    action.refresh_from_db()
    assert action.status == ActionStatus.NOT_STARTED


def test_an_action_of_another_case_is_not_found(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    case = monitoring(area, coordinator)
    action = _action(case, "council")

    response = coordinator_client.get(review_url("action", case, action_id=action.pk + 1000))

    assert response.status_code == 404


def test_the_owner_agencys_representative_is_told_why_a_withdrawn_cases_action_is_closed(
    area: Area, coordinator: User, agency_rep_client: Client
) -> None:
    case = monitoring(area, coordinator)
    action = _action(case, "police")
    case_withdraw(case, by=coordinator, reason="The victim moved away.")

    response = agency_rep_client.get(review_url("action", case, action_id=action.pk))

    assert response.status_code == 200
    assert "A case that is withdrawn cannot have an action of its plan updated." in main_text(
        response
    )
    assert 'name="status"' not in response.content.decode()
