"""Whatever the result, the page says the person may apply anyway (the council decides), links
to the online application, and lets them change their answers or read about the area."""

import datetime as dt

import pytest
from django.urls import reverse

from tests.public.check.helpers import Said, answer, check_url

pytestmark = pytest.mark.django_db


def test_a_not_met_result_still_links_to_the_application(client, area, in_march):
    text = answer(
        client, area, [Said(dt.date(2026, 3, 2), dt.date(2026, 3, 3))], dt.date(2026, 3, 16)
    )
    assert "Your complaints do not meet the threshold" in text
    assert "You can apply anyway" in text
    assert "The council decides whether the threshold is met" in text
    assert f'href="{reverse("public:apply", kwargs={"slug": area.slug})}"' in text


def test_the_result_links_back_to_the_answers_and_the_area_page(client, area, in_march):
    text = answer(
        client, area, [Said(dt.date(2026, 3, 2), dt.date(2026, 3, 3))], dt.date(2026, 3, 16)
    )
    assert f'href="{check_url("check_complaints", area)}"' in text
    assert "Change your answers" in text
    assert f'href="{reverse("areas:area", args=[area.slug])}"' in text


def test_changing_the_answers_shows_them_again(client, area, in_march):
    answer(client, area, [Said(dt.date(2026, 3, 2), dt.date(2026, 3, 3))], dt.date(2026, 3, 16))
    text = client.get(check_url("check_complaints", area)).content.decode()
    assert 'name="complaint_1_happened-day" type="text" value="2"' in text
    assert 'name="complaint_1_reported-day" type="text" value="3"' in text
    assert 'name="complaint_1_happened-year" type="text" value="2026"' in text
