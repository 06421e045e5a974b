"""Every action page sends a browser without an open tracking link to the page for asking for
one, whatever the method: nothing of any case is shown or changed."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from tests.public.victim.helpers import ACTION_URLS
from tests.reviews.helpers import consulting

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_march")]


@pytest.mark.parametrize("url", ACTION_URLS.values())
@pytest.mark.parametrize("method", ["get", "post"])
def test_without_a_tracking_link_the_page_sends_you_to_ask_for_one(area, coordinator, url, method):
    case = consulting(area, coordinator)
    events = case.events.count()

    response = getattr(Client(), method)(url, {"text": "Hello", "reason": "Bye"})

    assert response.status_code == 302
    assert response["Location"] == reverse("public:track_start")
    assert case.events.count() == events
