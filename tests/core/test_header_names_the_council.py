"""The header names the council (or the service), never GOV.UK, and draws no crown."""

import pytest

from tests.core.conftest import elements, one

# The layout joins the page title and the service name with an en dash.
DASH = "\N{EN DASH}"

PAGE = (
    '{% extends "layouts/public.html" %}'
    "{% block page_title %}How it works{% endblock %}"
    "{% block content %}<h1>How it works</h1>{% endblock %}"
)


def header_text(html):
    start = html.index('<header class="govuk-template__header')
    return html[start : html.index("</header>", start)]


def test_the_header_names_the_council_when_the_page_has_one(render_string):
    html = render_string(PAGE, {"council_name": "East Hertfordshire District Council"})

    header = header_text(html)
    assert one(header, "div", class_="govuk-generic-header")
    assert "East Hertfordshire District Council" in header
    # The service is named in the service navigation under the council's name.
    assert one(header, "section", class_="govuk-service-navigation")
    assert "ASB Case Review" in header


def test_without_a_council_the_header_names_the_service_once(render_string):
    html = render_string(PAGE)

    header = header_text(html)
    assert one(header, "a", class_="govuk-generic-header__homepage-link").attrs["href"] == "/"
    assert header.count("ASB Case Review") == 1
    assert elements(header, "section", class_="govuk-service-navigation") == []


@pytest.mark.parametrize("context", [{}, {"council_name": "East Hertfordshire District Council"}])
def test_no_page_draws_the_govuk_crown_or_header(render_string, context):
    html = render_string(PAGE, context)

    assert "govuk-logo" not in html
    assert "govuk-header" not in html
    assert "govuk-footer__crown" not in html
    assert "Crown copyright" not in html
    assert elements(html, "svg") == []
    assert f"<title>How it works {DASH} ASB Case Review</title>" in html


def test_the_page_has_a_skip_link_to_the_main_content(render_string):
    html = render_string(PAGE)

    assert one(html, "a", class_="govuk-skip-link").attrs["href"] == "#main-content"
    assert one(html, "main").attrs["id"] == "main-content"


def test_the_stylesheet_and_script_come_from_static_and_the_script_is_a_module(render_string):
    html = render_string(PAGE)

    assert one(html, "link", rel="stylesheet").attrs["href"] == "/static/application.css"
    assert one(html, "script", src="/static/application.mjs").attrs["type"] == "module"


def test_messages_are_shown_as_notification_banners(rf):
    from django.contrib.auth.models import AnonymousUser
    from django.contrib.messages import constants
    from django.contrib.messages.storage.base import Message
    from django.template import engines

    request = rf.get("/")
    request.user = AnonymousUser()
    request._messages = [
        Message(constants.SUCCESS, "Application sent"),
        Message(constants.INFO, "Note this"),
    ]
    html = engines["jinja2"].from_string(PAGE).render({}, request=request)

    banners = elements(html, "div", class_="govuk-notification-banner")
    assert len(banners) == 2
    assert "govuk-notification-banner--success" in banners[0].classes
    assert "Application sent" in html
    assert "Note this" in html
