"""An area that does not take applications on this service says to contact the council, and
has no form."""

from __future__ import annotations

from django.test import Client

from casereview.public.models import ApplicationDraft
from tests.factories import make_area
from tests.public.apply.helpers import start_url


def test_the_start_page_says_to_contact_the_council(db: None) -> None:
    area = make_area("Elsewhere", on_service=False, contact_phone="01234 567890")

    page = Client().get(start_url(area)).content.decode()

    assert "does not take applications on this service" in page
    assert "01234 567890" in page
    assert "Start now" not in page


def test_starting_anyway_creates_no_draft(db: None) -> None:
    area = make_area("Elsewhere", on_service=False)

    response = Client().post(start_url(area))

    assert response.status_code == 200
    assert ApplicationDraft.objects.count() == 0
