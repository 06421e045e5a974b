"""The lead-agency page hands the lead on the case to another of the area's agencies, with a
reason."""

from __future__ import annotations

from django.test import Client

from casereview.accounts.models import User
from casereview.areas.models import Area
from tests.cases.views.pages import error_summary, main_text
from tests.reviews.helpers import monitoring
from tests.reviews.views.pages import review_url


def test_the_lead_passes_to_the_chosen_agency(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    case = monitoring(area, coordinator)
    police = area.police_force

    shown = coordinator_client.get(review_url("lead-agency", case))
    response = coordinator_client.post(
        review_url("lead-agency", case),
        {"agency": str(police.pk), "reason": "The behaviour is now criminal."},
        follow=True,
    )

    assert "East Hertfordshire" in main_text(shown)
    assert "Hertfordshire Constabulary now leads on the case." in main_text(response)
    case.refresh_from_db()
    assert case.lead_agency == police


def test_a_missing_reason_is_named_and_the_choice_is_kept(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    case = monitoring(area, coordinator)
    police = area.police_force

    response = coordinator_client.post(
        review_url("lead-agency", case), {"agency": str(police.pk), "reason": ""}
    )

    assert "Give the reason for the change" in error_summary(response)
    assert f'value="{police.pk}" checked' in response.content.decode()
    case.refresh_from_db()
    assert case.lead_agency is None
