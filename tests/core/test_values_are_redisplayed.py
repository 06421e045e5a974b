"""What a person typed is shown again after an error, so nothing they entered is lost."""

from tests.core.conftest import elements, one
from tests.core.forms_for_tests import EverythingForm

SUBMITTED = {
    "name": "Ann <Jones>",
    "email": "not-an-address",
    "password": "secret words",
    "story": "Loud music every night",
    "count": "several",
    "colour": "green",
    "pets": ["cat", "fish"],
    "agree": "true",
    "happened-day": "30",
    "happened-month": "Febuary",
    "happened-year": "2026",
}


def rendered():
    from django.template import engines

    form = EverythingForm(data=SUBMITTED)
    assert not form.is_valid()
    template = engines["jinja2"].from_string("{% for f in form %}{{ form_field(f) }}{% endfor %}")
    return template.render({"form": form})


def test_typed_text_is_shown_again_even_when_invalid():
    html = rendered()

    assert one(html, "input", name="name").attrs["value"] == "Ann <Jones>"
    assert one(html, "input", name="email").attrs["value"] == "not-an-address"
    assert one(html, "input", name="count").attrs["value"] == "several"
    assert "Loud music every night</textarea>" in html


def test_chosen_options_stay_chosen():
    html = rendered()

    assert "checked" in one(html, "input", name="colour", value="green").attrs
    checked = [
        e.attrs["value"] for e in elements(html, "input", name="pets") if "checked" in e.attrs
    ]
    assert checked == ["cat", "fish"]
    assert "checked" in one(html, "input", name="agree").attrs


def test_the_date_boxes_keep_what_was_typed():
    html = rendered()

    assert one(html, "input", name="happened-day").attrs["value"] == "30"
    assert one(html, "input", name="happened-month").attrs["value"] == "Febuary"


def test_a_password_is_never_sent_back_to_the_browser():
    assert "value" not in one(rendered(), "input", name="password").attrs
