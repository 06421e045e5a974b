"""A form with errors shows the GOV.UK error summary, each error linking to its field."""

from django.core.exceptions import ValidationError

from casereview.core import forms
from tests.core.conftest import elements, one

# The layout joins the page title and the service name with an en dash.
DASH = "\N{EN DASH}"


class ContactForm(forms.DesignSystemForm):
    email = forms.EmailField(
        label="Email address", error_messages={"required": "Enter your email address"}
    )
    route = forms.ChoiceField(
        label="How did you apply?",
        choices=[("online", "Online"), ("phone", "By phone")],
        error_messages={"required": "Select how you applied"},
    )

    def clean(self):
        cleaned = super().clean()
        if self.data.get("email") == "blocked@example.com":
            raise ValidationError("We cannot accept this application")
        return cleaned


def test_the_summary_lists_each_error_linking_to_its_field(render_string):
    form = ContactForm(data={})
    html = render_string("{{ error_summary(form) }}", {"form": form})

    assert one(html, "div", class_="govuk-error-summary")
    assert "There is a problem" in html
    links = {a.attrs["href"] for a in elements(html, "a")}
    assert links == {"#id_email", "#id_route"}
    assert "Enter your email address" in html
    assert "Select how you applied" in html


def test_errors_are_listed_in_the_order_of_the_fields():
    form = ContactForm(data={})

    assert [item["href"] for item in form.error_summary_items()] == ["#id_email", "#id_route"]


def test_errors_about_the_whole_form_come_first_without_a_link():
    form = ContactForm(data={"email": "blocked@example.com", "route": "online"})

    assert form.error_summary_items() == [{"text": "We cannot accept this application"}]


def test_the_field_shows_its_own_error_message(render_string):
    form = ContactForm(data={"email": "not an address", "route": "online"})
    html = render_string("{{ form_field(form['email']) }}", {"form": form})

    assert one(html, "p", class_="govuk-error-message").attrs["id"] == "id_email-error"
    assert "govuk-form-group--error" in one(html, "div", class_="govuk-form-group").classes
    assert one(html, "input", name="email").attrs["aria-describedby"] == "id_email-error"


def test_there_is_no_summary_for_an_unbound_or_valid_form(render_string):
    valid = ContactForm(data={"email": "a@example.com", "route": "phone"})

    assert render_string("{{ error_summary(form) }}", {"form": ContactForm()}) == ""
    assert render_string("{{ error_summary(form) }}", {"form": valid}) == ""
    assert render_string("{{ error_summary(form) }}", {}) == ""


def test_a_page_with_form_errors_has_error_in_its_title(render_string):
    page = (
        '{% extends "layouts/public.html" %}'
        "{% block page_title %}Contact details{% endblock %}"
        "{% block content %}{{ error_summary(form) }}{% endblock %}"
    )

    with_errors = render_string(page, {"form": ContactForm(data={})})
    without = render_string(page, {"form": ContactForm()})

    assert f"<title>Error: Contact details {DASH} ASB Case Review</title>" in with_errors
    assert f"<title>Contact details {DASH} ASB Case Review</title>" in without
