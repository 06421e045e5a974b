"""The single-point-of-contact page offers the area's coordinators and records the choice."""

from __future__ import annotations

import pytest
from django.test import Client

from casereview.accounts.models import Role, User
from casereview.areas.models import Area
from casereview.cases.services import case_withdraw
from tests.cases.helpers import receive
from tests.cases.views.pages import case_page, error_summary, main_text, step_url
from tests.factories import make_user

pytestmark = pytest.mark.usefixtures("in_march")


def test_the_page_offers_only_coordinators_of_the_area(
    area: Area, other_area: Area, coordinator: User, read_only: User, coordinator_client: Client
) -> None:
    make_user("elsewhere@other.test", Role.COORDINATOR, other_area, full_name="Elsie Elsewhere")
    case = receive(area, coordinator)

    text = main_text(coordinator_client.get(step_url("assign-spoc", case)))

    assert "Casey Coord" in text
    assert "Elsie Elsewhere" not in text
    assert "Riley Reader" not in text


def test_choosing_a_coordinator_makes_them_the_single_point_of_contact(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    colleague = make_user(
        "colleague@eastherts.test", Role.COORDINATOR, area, full_name="Col League"
    )
    case = receive(area, coordinator)

    response = coordinator_client.post(step_url("assign-spoc", case), {"spoc": str(colleague.pk)})

    assert response["Location"] == case_page(case)
    case.refresh_from_db()
    assert case.spoc == colleague


def test_choosing_someone_not_offered_is_explained(
    area: Area, coordinator: User, read_only: User, coordinator_client: Client
) -> None:
    case = receive(area, coordinator)

    response = coordinator_client.post(step_url("assign-spoc", case), {"spoc": str(read_only.pk)})

    assert response.status_code == 200
    assert "Choose one of the coordinators listed" in error_summary(response)
    case.refresh_from_db()
    assert case.spoc is None


def test_a_withdrawn_case_cannot_have_its_contact_changed(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    case = case_withdraw(receive(area, coordinator), by=coordinator, reason="Moved away")

    response = coordinator_client.post(
        step_url("assign-spoc", case), {"spoc": str(coordinator.pk)}, follow=True
    )

    assert "A case that is withdrawn cannot have its single point of contact changed." in (
        main_text(response)
    )
    case.refresh_from_db()
    assert case.spoc is None
