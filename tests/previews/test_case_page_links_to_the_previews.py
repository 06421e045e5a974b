"""The case page links to its previews."""

from __future__ import annotations

from collections.abc import Callable

from django.test import Client
from django.urls import reverse

from casereview.accounts.models import User
from casereview.areas.models import Area
from tests.cases.helpers import receive


def test_the_case_page_links_to_what_will_they_see(
    area: Area, coordinator: User, staff_client: Callable[[User], Client]
) -> None:
    case = receive(area, coordinator)
    client = staff_client(coordinator)

    page = client.get(reverse("cases:case", kwargs={"reference": case.reference}))
    choose = client.get(reverse("previews:choose", kwargs={"reference": case.reference}))

    assert reverse("previews:choose", kwargs={"reference": case.reference}) in page.content.decode()
    assert (
        reverse("previews:victim", kwargs={"reference": case.reference}) in choose.content.decode()
    )
