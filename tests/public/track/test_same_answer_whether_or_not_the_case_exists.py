"""Asking for a link answers the same way for an unknown reference, a known reference with
another address, and a match: only the match sends anything."""

import pytest
from django.urls import reverse

from tests.cases.helpers import receive
from tests.tasks import run_tasks, waiting_tasks


@pytest.fixture
def case(area, coordinator, in_march):
    return receive(area, coordinator)


def ask(client, capture, reference, email):
    with capture(execute=True):
        response = client.post(
            reverse("public:track_start"), {"reference": reference, "email": email}
        )
    return response.status_code, response["Location"]


def test_unknown_reference_wrong_address_and_a_match_get_the_same_answer(
    case, client, smtp_server, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks

    unknown = ask(client, capture, "EHE-2026-9999", "sam@example.test")
    wrong_address = ask(client, capture, case.reference, "someone.else@example.test")
    assert waiting_tasks() == []
    match = ask(client, capture, case.reference, "sam@example.test")

    assert unknown == wrong_address == match == (302, reverse("public:track_sent"))
    run_tasks()
    assert smtp_server.recipients == [["sam@example.test"]]


def test_the_applicants_address_works_as_well_as_the_victims(
    area, coordinator, client, smtp_server, in_march, django_capture_on_commit_callbacks
):
    from tests.letters.helpers import third_party

    case = receive(area, coordinator, applicant=third_party())

    ask(client, django_capture_on_commit_callbacks, case.reference, "JO@example.test")
    run_tasks()

    assert smtp_server.recipients == [["jo@example.test"]]
