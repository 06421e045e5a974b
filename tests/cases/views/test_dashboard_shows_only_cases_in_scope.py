"""The dashboard lists the cases of the person's own areas and nothing else."""

from __future__ import annotations

import pytest
from django.test import Client

from casereview.accounts.models import User
from casereview.areas.models import Area
from tests.cases.helpers import receive
from tests.cases.views.pages import dashboard_url, main_text, someone

pytestmark = pytest.mark.usefixtures("in_march")


def test_a_coordinator_sees_their_areas_cases_and_not_another_areas(
    area: Area,
    other_area: Area,
    coordinator: User,
    outsider: User,
    coordinator_client: Client,
) -> None:
    ours = receive(area, coordinator, victim=someone(1, "Ada Ours"))
    theirs = receive(other_area, outsider, victim=someone(2, "Theo Theirs"))

    text = main_text(coordinator_client.get(dashboard_url(show="all")))

    assert ours.reference in text
    assert "Ada Ours" in text
    assert theirs.reference not in text
    assert "Theo Theirs" not in text


def test_a_search_for_another_areas_reference_finds_nothing(
    area: Area, other_area: Area, outsider: User, coordinator: User, coordinator_client: Client
) -> None:
    theirs = receive(other_area, outsider, victim=someone(2, "Theo Theirs"))

    text = main_text(coordinator_client.get(dashboard_url(q=theirs.reference)))

    assert theirs.reference in text  # named in the "no match" message only
    assert "No cases match" in text


def test_a_read_only_member_sees_the_cases_but_no_button_to_record_one(
    area: Area, coordinator: User, read_only_client: Client
) -> None:
    case = receive(area, coordinator)

    text = main_text(read_only_client.get(dashboard_url()))

    assert case.reference in text
    assert "Record a new application" not in text


def test_a_coordinator_is_offered_the_button_to_record_an_application(
    area: Area, coordinator_client: Client
) -> None:
    text = main_text(coordinator_client.get(dashboard_url()))

    assert "Record a new application" in text
    assert "There are no open cases in your areas." in text
