"""Searching the dashboard by reference or by the victim's or applicant's name."""

from __future__ import annotations

import pytest
from django.test import Client

from casereview.accounts.models import User
from casereview.areas.models import Area
from casereview.cases.services import Applicant
from tests.cases.helpers import receive
from tests.cases.views.pages import dashboard_url, main_text, someone

pytestmark = pytest.mark.usefixtures("in_march")


@pytest.fixture
def two_cases(area: Area, coordinator: User) -> tuple[str, str]:
    first = receive(area, coordinator, victim=someone(1, "Margaret Smith"))
    second = receive(
        area,
        coordinator,
        victim=someone(2, "Olu Adeyemi"),
        applicant=Applicant(
            name="Councillor Jane Brown",
            relationship="councillor",
            consent_given_how="By phone",
            consent_given_on=first.received_on,
        ),
    )
    return first.reference, second.reference


def _table(client: Client, **query: str) -> str:
    text = main_text(client.get(dashboard_url(**query)))
    return text[text.find("Next deadline") :] if "Next deadline" in text else text


def test_a_reference_typed_in_lower_case_finds_the_case(
    two_cases: tuple[str, str], coordinator_client: Client
) -> None:
    first, second = two_cases

    table = _table(coordinator_client, q=first.lower())

    assert first in table
    assert second not in table


def test_part_of_the_victims_name_finds_the_case(
    two_cases: tuple[str, str], coordinator_client: Client
) -> None:
    first, second = two_cases

    table = _table(coordinator_client, q="smith")

    assert first in table
    assert second not in table


def test_the_applicants_name_finds_the_case(
    two_cases: tuple[str, str], coordinator_client: Client
) -> None:
    first, second = two_cases

    table = _table(coordinator_client, q="Jane Brown")

    assert second in table
    assert first not in table


def test_no_match_says_so_in_plain_words(
    two_cases: tuple[str, str], coordinator_client: Client
) -> None:
    text = main_text(coordinator_client.get(dashboard_url(q="Nobody Atall")))

    assert "No cases match “Nobody Atall”. Check the reference or the spelling of the name." in text
