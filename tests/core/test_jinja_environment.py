"""The one Jinja2 environment: GOV.UK macros, escaping, translations and the page helpers."""

import pytest
from django.template import engines
from django.utils import translation

from tests.core.conftest import one


def test_govuk_frontend_macros_are_importable_by_their_package_path(render_string):
    html = render_string(
        '{% from "govuk_frontend_jinja/components/button/macro.html" import govukButton %}'
        '{{ govukButton({"text": "Continue"}) }}'
    )

    assert "Continue" in html
    assert "govuk-button" in one(html, "button").classes


def test_variables_are_escaped_by_default(render_string):
    html = render_string("<p>{{ name }}</p>", {"name": "<script>alert(1)</script>"})

    assert "<script>" not in html
    assert "&lt;script&gt;" in html


def test_translated_messages_escape_the_values_put_into_them(render_string):
    html = render_string('{{ _("Hello %(name)s", name=name) }}', {"name": "<b>Ann</b>"})

    assert html == "Hello &lt;b&gt;Ann&lt;/b&gt;"


def test_messages_are_translated_into_the_active_language(render_string, welsh_compiled):
    with translation.override("cy"):
        html = render_string('{{ _("Page not found") }}')

    assert html == "Heb ddod o hyd i'r dudalen"


def test_static_builds_an_address_even_before_the_assets_are_built(render_string):
    assert render_string("{{ static('application.css') }}") == "/static/application.css"


def test_url_reverses_a_named_route_with_arguments(render_string):
    assert render_string("{{ url('set_language') }}") == "/i18n/setlang/"


def test_optional_url_is_none_for_a_page_this_deployment_lacks(render_string):
    assert render_string("{{ optional_url('areas:no-such-page') is none }}") == "True"


def test_get_language_reports_the_active_language(render_string):
    with translation.override("cy"):
        assert render_string("{{ get_language() }}") == "cy"


@pytest.mark.parametrize(
    ("snippet", "expected"),
    [
        ("{{ day | govuk_date }}", "1 March 2026"),
        ("{{ none | govuk_date }}", ""),
    ],
)
def test_filters_write_dates_the_govuk_way(render_string, snippet, expected):
    import datetime as dt

    assert render_string(snippet, {"day": dt.date(2026, 3, 1), "none": None}) == expected


def test_the_environment_is_the_services_own():
    env = engines["jinja2"].env  # type: ignore[attr-defined]

    assert "jinja2.ext.InternationalizationExtension" in env.extensions
    assert env.autoescape is True
