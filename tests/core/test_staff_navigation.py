"""Every staff page shows the staff sections, with the section of the page marked."""

from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_staff_home_shows_the_sections_with_your_areas_active(staff_client, coordinator):
    page = staff_client(coordinator).get(reverse("accounts:home")).content.decode()

    assert f'href="{reverse("cases:dashboard")}"' in page
    assert "govuk-service-navigation__item--active" in page
    active = page.split("govuk-service-navigation__item--active", 1)[1][:400]
    assert "Your areas" in active
    assert "Cases" not in active


def test_the_letters_to_post_section_is_active_on_the_post_queue(staff_client, coordinator):
    page = staff_client(coordinator).get(reverse("letters:post-queue")).content.decode()

    active = page.split("govuk-service-navigation__item--active", 1)[1][:400]
    assert "Letters to post" in active
