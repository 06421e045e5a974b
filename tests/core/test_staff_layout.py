"""Staff pages show who is signed in, a sign-out button that posts, and their navigation."""

import pytest

from tests.core.conftest import elements, one

PAGE = (
    '{% extends "layouts/staff.html" %}'
    "{% block page_title %}Cases{% endblock %}"
    "{% block content %}<h1>Cases</h1>{% endblock %}"
)


class SignedIn:
    is_authenticated = True
    email = "coordinator@example.gov.uk"

    def get_full_name(self):
        return "Sam Coordinator"


pytestmark = pytest.mark.urls("tests.core.urls")


def test_the_signed_in_persons_name_and_a_sign_out_form_are_shown(render_string):
    html = render_string(PAGE, user=SignedIn())

    assert "Sam Coordinator" in html
    form = one(html, "form", class_="app-sign-out")
    assert form.attrs["method"] == "post"
    assert form.attrs["action"] == "/staff/sign-out/"
    assert one(html, "button", class_="app-sign-out__button").attrs["type"] == "submit"
    # The sign-out form carries the CSRF token, as every POST must.
    assert elements(html, "input", name="csrfmiddlewaretoken")


def test_nobody_signed_in_means_no_sign_out_button(render_string):
    html = render_string(PAGE)

    assert elements(html, "form", class_="app-sign-out") == []


def test_the_page_navigation_marks_the_current_page(render_string):
    navigation = [
        {"href": "/staff/cases/", "text": "Cases", "current": True},
        {"href": "/staff/reports/", "text": "Reports"},
    ]
    html = render_string(PAGE, {"navigation": navigation}, user=SignedIn())

    assert one(html, "a", href="/staff/cases/").attrs["aria-current"] == "page"
    assert "aria-current" not in one(html, "a", href="/staff/reports/").attrs


def test_the_staff_header_names_the_council_without_a_crown(render_string):
    html = render_string(
        PAGE, {"council_name": "East Hertfordshire District Council"}, user=SignedIn()
    )

    header = html[html.index('<div class="govuk-generic-header') : html.index("</header>")]
    assert "East Hertfordshire District Council" in header
    assert "govuk-logo" not in html
    assert one(html, "a", class_="govuk-generic-header__homepage-link").attrs["href"] == "/staff/"


def test_a_page_can_replace_the_staff_navigation(render_string):
    page = PAGE.replace(
        "{% block content %}",
        "{% block staff_navigation %}<nav>Chair's pack</nav>{% endblock %}{% block content %}",
    )

    html = render_string(page, user=SignedIn())

    assert "Chair&#39;s pack" in html or "Chair's pack" in html
    assert elements(html, "form", class_="app-sign-out") == []
