"""Erasure where the law allows: refused, with the reason in words, while the data must be
kept; done at once for an application that never went beyond the application; every request
and its outcome recorded by references, never the person's data."""

from __future__ import annotations

import json
from collections.abc import Callable

from django.test import Client

from casereview.accounts.models import User
from casereview.areas.models import Area
from casereview.cases.models import Case
from casereview.cases.services import case_withdraw
from casereview.privacy.anonymise import MARKER
from casereview.privacy.models import Anonymisation, ErasureDecision, ErasureRequest
from tests.cases.helpers import receive
from tests.privacy.helpers import PERSON, the_person

ERASE = "/staff/privacy/people/erase/"


def _erase(client: Client, *tokens: str) -> Client:
    client.post(
        ERASE,
        {
            "records": list(tokens),
            "erase": "1",
            "confirm": "on",
            "received_how": "Letter of 3 March",
        },
    )
    return client


def test_the_assessment_page_says_why_an_open_case_must_be_kept(
    in_march: None,
    area: Area,
    coordinator: User,
    area_admin: User,
    staff_client: Callable[[User], Client],
) -> None:
    case = receive(area, coordinator, victim=the_person())
    page = staff_client(area_admin).post(ERASE, {"records": [f"case-victim:{case.pk}"]})
    assert page.status_code == 200
    text = page.content.decode()
    assert "The case is still open" in text
    assert "Article 17(3)(b)" in text
    assert not ErasureRequest.objects.exists()


def test_an_open_case_is_refused_and_the_refusal_recorded(
    in_march: None,
    area: Area,
    coordinator: User,
    area_admin: User,
    staff_client: Callable[[User], Client],
) -> None:
    case = receive(area, coordinator, victim=the_person())
    _erase(staff_client(area_admin), f"case-victim:{case.pk}")
    request = ErasureRequest.objects.get()
    assert request.decision == ErasureDecision.REFUSED
    assert request.requested_by == area_admin
    assert request.records == [f"case-victim:{case.pk}"]
    assert "still open" in request.items[0]["reason"]
    assert Case.objects.get(pk=case.pk).victim_name == PERSON["name"]


def test_a_withdrawn_application_with_no_decision_is_erased_at_once(
    in_march: None,
    area: Area,
    coordinator: User,
    area_admin: User,
    staff_client: Callable[[User], Client],
) -> None:
    case = receive(area, coordinator, victim=the_person())
    case_withdraw(case, by=coordinator, reason="Moved away")
    _erase(staff_client(area_admin), f"case-victim:{case.pk}")

    request = ErasureRequest.objects.get()
    assert request.decision == ErasureDecision.ERASED
    stored = Case.objects.get(pk=case.pk)
    assert (stored.victim_name, stored.victim_email) == (MARKER, "")
    assert Anonymisation.objects.get(case=case).erasure_request == request
    # The record of the request names records, never the person.
    assert PERSON["name"] not in json.dumps(request.items)
    assert PERSON["email"] not in json.dumps(request.items)


def test_a_decided_case_inside_its_retention_period_is_kept_with_the_date_it_may_go(
    in_march: None,
    area: Area,
    coordinator: User,
    area_admin: User,
    staff_client: Callable[[User], Client],
) -> None:
    case = receive(area, coordinator, victim=the_person())
    Case.objects.filter(pk=case.pk).update(threshold_met=False)
    case_withdraw(case, by=coordinator, reason="Moved away", on=case.received_on)
    _erase(staff_client(area_admin), f"case-victim:{case.pk}")
    request = ErasureRequest.objects.get()
    assert request.decision == ErasureDecision.REFUSED
    assert "must be kept until 16 March 2032" in request.items[0]["reason"]
    assert Case.objects.get(pk=case.pk).victim_name == PERSON["name"]


def test_the_request_page_shows_the_outcome(
    in_march: None,
    area: Area,
    coordinator: User,
    area_admin: User,
    staff_client: Callable[[User], Client],
) -> None:
    case = receive(area, coordinator, victim=the_person())
    client = staff_client(area_admin)
    response = client.post(
        ERASE, {"records": [f"case-victim:{case.pk}"], "erase": "1", "confirm": "on"}
    )
    assert response.status_code == 302
    page = client.get(response["Location"])
    assert "Refused: the data must be kept" in page.content.decode()


def test_erasing_without_the_confirmation_says_what_is_missing(
    in_march: None,
    area: Area,
    coordinator: User,
    area_admin: User,
    staff_client: Callable[[User], Client],
) -> None:
    case = receive(area, coordinator, victim=the_person())
    page = staff_client(area_admin).post(
        ERASE, {"records": [f"case-victim:{case.pk}"], "erase": "1"}
    )
    assert page.status_code == 200
    assert "Confirm that the records are the person" in page.content.decode()
    assert not ErasureRequest.objects.exists()
