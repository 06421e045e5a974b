"""The staff navigation reverses its sections' addresses once per URL configuration (bench/fixes/
b4.toml, session 10): the same addresses as reverse(), in the request's language, and a URL
configuration without a section leaves that section out."""

from __future__ import annotations

from django.test import override_settings
from django.urls import reverse
from django.utils import translation

from casereview.core.navigation import _href, staff_sections


def test_the_kept_addresses_are_those_reverse_gives_and_the_labels_follow_the_language() -> None:
    english = staff_sections(None)
    with translation.override("cy"):
        welsh = staff_sections(None)

    assert [item["href"] for item in english] == [reverse(item["name"]) for item in english]
    assert [item["href"] for item in welsh] == [item["href"] for item in english]
    assert english[0]["text"] == "Cases"
    with translation.override("cy"):
        assert welsh[0]["text"] == str(translation.gettext("Cases"))


@override_settings(ROOT_URLCONF="tests.core.urls_without_staff_sections")
def test_a_url_configuration_without_a_section_is_not_answered_from_the_kept_addresses() -> None:
    assert _href("cases:dashboard") is None
    assert staff_sections(None) == []
