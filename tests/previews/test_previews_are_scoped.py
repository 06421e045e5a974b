"""Previews are for the staff who may see the case page: anyone else gets 404, never 403."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from casereview.accounts.models import User
from casereview.areas.models import Area
from tests.cases.helpers import receive

AUDIENCES = ("choose", "victim", "partner", "panel")


@pytest.mark.parametrize("audience", AUDIENCES)
def test_staff_of_another_area_get_404(
    audience: str,
    area: Area,
    coordinator: User,
    outsider: User,
    staff_client: Callable[[User], Client],
) -> None:
    case = receive(area, coordinator)
    url = reverse(f"previews:{audience}", kwargs={"reference": case.reference})

    assert staff_client(outsider).get(url).status_code == 404
    assert staff_client(outsider).post(url).status_code == 404


@pytest.mark.parametrize("audience", AUDIENCES)
def test_an_agency_representative_of_the_area_gets_404(
    audience: str,
    area: Area,
    coordinator: User,
    agency_rep: User,
    staff_client: Callable[[User], Client],
) -> None:
    case = receive(area, coordinator)
    url = reverse(f"previews:{audience}", kwargs={"reference": case.reference})

    assert staff_client(agency_rep).get(url).status_code == 404


@pytest.mark.parametrize("audience", AUDIENCES)
def test_read_only_staff_of_the_area_may_preview_but_not_post(
    audience: str,
    area: Area,
    coordinator: User,
    read_only: User,
    staff_client: Callable[[User], Client],
) -> None:
    case = receive(area, coordinator)
    url = reverse(f"previews:{audience}", kwargs={"reference": case.reference})
    client = staff_client(read_only)

    assert client.get(url).status_code == 200
    assert client.post(url).status_code == 405


def test_signed_out_people_are_sent_to_sign_in(area: Area, coordinator: User) -> None:
    case = receive(area, coordinator)
    url = reverse("previews:victim", kwargs={"reference": case.reference})

    response = Client().get(url)

    assert response.status_code == 302
    assert case.reference not in response.headers.get("Location", "").split("?")[0]
