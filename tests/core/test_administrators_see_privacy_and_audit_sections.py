"""The privacy and audit sections are in the staff navigation of area administrators only, on
every staff page, whichever section the page belongs to."""

from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_an_area_administrator_sees_the_privacy_section_on_a_case_page_and_the_dashboard(
    staff_client, area_admin
):
    client = staff_client(area_admin)
    for url in (reverse("cases:dashboard"), reverse("accounts:home")):
        page = client.get(url).content.decode()
        assert f'href="{reverse("privacy:overview")}"' in page, url


def test_a_coordinator_does_not_see_the_privacy_section(staff_client, coordinator):
    page = staff_client(coordinator).get(reverse("cases:dashboard")).content.decode()

    assert f'href="{reverse("privacy:overview")}"' not in page
    assert f'href="{reverse("cases:dashboard")}"' in page
