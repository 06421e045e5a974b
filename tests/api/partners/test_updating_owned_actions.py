"""An agency's system reads the actions it owns and records their progress."""

from __future__ import annotations

from typing import Any

from django.test import Client

from casereview.areas.models import AgencyKind
from casereview.audit.models import AccessRecord
from casereview.cases.models import Case
from casereview.partners.models import AgencyToken
from casereview.reviews.models import Action, ActionStatus
from tests.reviews.helpers import HIDDEN_ACTION


def police_action(case: Case) -> Action:
    return Action.objects.get(meeting__case=case, owner__kind=AgencyKind.POLICE)


def patch(api: Client, action: Action, body: dict[str, Any]) -> Any:
    return api.patch(f"/api/v1/actions/{action.pk}", body, content_type="application/json")


def test_the_agency_lists_the_actions_it_owns(
    police_api: Client, police_key: tuple[AgencyToken, str], planned_case: Case
) -> None:
    body = police_api.get("/api/v1/actions").json()

    assert body["count"] == 1
    (item,) = body["items"]
    assert item == {
        "id": police_action(planned_case).pk,
        "case_reference": planned_case.reference,
        "description": HIDDEN_ACTION,
        "due_on": "2026-03-30",
        "status": "not_started",
        "progress": "",
        "completed_on": None,
    }
    record = AccessRecord.objects.get(case=planned_case)
    assert record.what == f"actions via API key {police_key[0].prefix}"


def test_the_agency_marks_its_action_done(police_api: Client, planned_case: Case) -> None:
    action = police_action(planned_case)

    response = patch(
        police_api,
        action,
        {"status": "done", "progress": "Warning given.", "completed_on": "2026-03-16"},
    )

    assert response.status_code == 200
    assert response.json()["status"] == "done"
    action.refresh_from_db()
    assert (action.status, action.progress, str(action.completed_on)) == (
        ActionStatus.DONE,
        "Warning given.",
        "2026-03-16",
    )
    event = planned_case.events.get(step="update_action")
    assert event.by is None
    assert event.data["via_api"]["agency_name"] == "Hertfordshire Constabulary"


def test_only_the_fields_sent_change(police_api: Client, planned_case: Case) -> None:
    action = police_action(planned_case)
    patch(police_api, action, {"status": "in_progress", "progress": "Visit booked."})

    patch(police_api, action, {"status": "in_progress"})

    action.refresh_from_db()
    assert (action.status, action.progress) == (ActionStatus.IN_PROGRESS, "Visit booked.")
    assert planned_case.events.filter(step="update_action").count() == 1


def test_done_without_a_date_is_refused_naming_the_field(
    police_api: Client, planned_case: Case
) -> None:
    action = police_action(planned_case)

    response = patch(police_api, action, {"status": "done"})

    assert response.status_code == 422
    (error,) = response.json()["errors"]
    assert error == {"field": "completed_on", "record": None, "message": "Enter a date."}
    action.refresh_from_db()
    assert action.status == ActionStatus.NOT_STARTED


def test_an_unknown_status_is_refused_naming_the_field(
    police_api: Client, planned_case: Case
) -> None:
    response = patch(police_api, police_action(planned_case), {"status": "finished"})

    assert response.status_code == 422
    (error,) = response.json()["errors"]
    assert error["field"] == "status"
    assert "not_started" in error["message"]
