"""Every information page (and the letter's files) comes in the language the person chose."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.public.information.helpers import docx_text, text_of, welsh

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "name", ["public:procedure", "public:unhappy", "public:commissioner_letter"]
)
def test_each_page_is_marked_as_welsh_when_welsh_is_chosen(client, area, name):
    response = welsh(client).get(reverse(name, args=[area.slug]))
    assert response.status_code == 200
    assert '<html lang="cy"' in response.content.decode()


def test_the_procedure_gives_its_dates_in_welsh(client, area):
    text = text_of(welsh(client).get(reverse("public:procedure", args=[area.slug])))
    assert "1 Ionawr 2025" in text


def test_the_letter_in_welsh_has_a_welsh_file_name_and_welsh_dates(client, area, in_march):
    response = welsh(client).post(
        reverse("public:commissioner_letter", args=[area.slug]),
        {"name": "Sam", "contact": "sam@example.test", "failings": ["other"], "download": "docx"},
    )
    assert "llythyr-at-y-comisiynydd-dioddefwyr.docx" in response["Content-Disposition"]
    assert "16 Mawrth 2026" in docx_text(response.content)
