"""An application about a victim with an earlier case is refused by case_receive with a clear
message on "Check your answers", not an error page, and nothing is lost."""

from __future__ import annotations

import pytest
from django.test import Client
from django.utils import timezone

from casereview.accounts.models import User
from casereview.areas.models import Area
from casereview.cases.models import Case
from casereview.cases.services import case_withdraw
from tests.cases.helpers import receive, victim
from tests.public.apply.helpers import answer_all, for_myself, page_url, start, submit

pytestmark = pytest.mark.usefixtures("in_march")


def test_an_open_earlier_case_is_explained_without_revealing_it(
    area: Area, coordinator: User
) -> None:
    earlier = receive(area, coordinator, victim=victim("Sam Victim", postcode="SG14 1AB"))
    client = Client()
    start(client, area)
    answer_all(client, area, for_myself(area))

    response = submit(client, area)

    page = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in page
    assert "still open" in page
    assert earlier.reference not in page
    assert Case.objects.count() == 1


def test_a_decided_earlier_case_asks_what_has_changed(area: Area, coordinator: User) -> None:
    earlier = receive(area, coordinator, victim=victim("Sam Victim", postcode="SG14 1AB"))
    Case.objects.filter(pk=earlier.pk).update(decided_on=timezone.localdate())
    case_withdraw(Case.objects.get(pk=earlier.pk), by=coordinator, reason="Moved away")
    client = Client()
    start(client, area)
    answer_all(client, area, for_myself(area))

    page = submit(client, area).content.decode()

    assert "Tell us what has changed since then" in page
    assert page_url(area, "applied-before", change=True).replace("&", "&amp;") in page
