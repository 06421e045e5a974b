"""A document downloaded is recorded as a download: who, what, which case and from where."""

from __future__ import annotations

import pytest

from casereview.audit.log import views_of
from tests.letters.helpers import letter_urls, posted_ct1

pytestmark = pytest.mark.django_db


def test_a_letter_download_is_recorded_as_a_download(area, coordinator, staff_client):
    letter = posted_ct1(area, coordinator)
    client = staff_client(coordinator)

    client.get(letter_urls(letter)["pdf"], REMOTE_ADDR="203.0.113.9", HTTP_USER_AGENT="Firefox/140")

    (record,) = [r for r in views_of(letter.case) if r.kind == "download"]
    assert (record.what, record.user, record.actor) == (
        "letter ct1 (pdf)",
        coordinator,
        coordinator.email,
    )
    assert (record.case_reference, record.area_id) == (letter.case.reference, area.pk)
    assert (record.client_address, record.user_agent) == ("203.0.113.9", "Firefox/140")
    assert len(record.request_id) >= 8
