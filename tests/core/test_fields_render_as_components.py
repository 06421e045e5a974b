"""Each design-system field renders as its GOV.UK component."""

import datetime as dt

from tests.core.conftest import elements, one
from tests.core.forms_for_tests import EverythingForm


def render_field(render_string, form, name, **overrides):
    return render_string(
        "{{ form_field(form[name], **overrides) }}",
        {"form": form, "name": name, "overrides": overrides},
    )


def test_a_char_field_is_a_govuk_input_with_label_hint_and_options(render_string):
    html = render_field(render_string, EverythingForm(), "name")

    field = one(html, "input", name="name")
    assert {"govuk-input", "govuk-input--width-20"} <= field.classes
    assert field.attrs["id"] == "id_name"
    assert field.attrs["type"] == "text"
    assert field.attrs["autocomplete"] == "name"
    assert field.attrs["aria-describedby"] == "id_name-hint"
    assert one(html, "label", **{"for": "id_name"})
    assert "As it appears on letters" in html


def test_a_char_field_can_ask_for_a_telephone_number(render_string):
    field = one(render_field(render_string, EverythingForm(), "phone"), "input", name="phone")

    assert field.attrs["type"] == "tel"
    assert field.attrs["spellcheck"] == "false"


def test_an_email_field_is_an_email_input_without_spellcheck(render_string):
    field = one(render_field(render_string, EverythingForm(), "email"), "input", name="email")

    assert field.attrs["type"] == "email"
    assert field.attrs["autocomplete"] == "email"
    assert field.attrs["spellcheck"] == "false"


def test_a_password_field_is_a_govuk_password_input(render_string):
    html = render_field(render_string, EverythingForm(), "password")

    assert one(html, "input", name="password").attrs["type"] == "password"
    assert one(html, "div", class_="govuk-password-input")


def test_a_textarea_field_is_a_govuk_textarea_with_its_rows(render_string):
    field = one(render_field(render_string, EverythingForm(), "story"), "textarea", name="story")

    assert "govuk-textarea" in field.classes
    assert field.attrs["rows"] == "8"


def test_an_integer_field_is_a_text_input_with_a_numeric_keypad(render_string):
    field = one(render_field(render_string, EverythingForm(), "count"), "input", name="count")

    assert field.attrs["type"] == "text"
    assert field.attrs["inputmode"] == "numeric"


def test_a_choice_field_is_inline_govuk_radios_in_a_fieldset(render_string):
    html = render_field(render_string, EverythingForm(), "colour")

    assert {"govuk-radios", "govuk-radios--inline"} <= one(
        html, "div", class_="govuk-radios"
    ).classes
    radios = elements(html, "input", type="radio", name="colour")
    assert [r.attrs["value"] for r in radios] == ["red", "green"]
    assert radios[0].attrs["id"] == "id_colour"
    assert "Colour" in html
    assert one(html, "legend", class_="govuk-fieldset__legend")


def test_a_multiple_choice_field_is_govuk_checkboxes(render_string):
    html = render_field(render_string, EverythingForm(), "pets")

    boxes = elements(html, "input", type="checkbox", name="pets")
    assert [b.attrs["value"] for b in boxes] == ["cat", "dog", "fish"]
    assert "govuk-checkboxes__input" in boxes[0].classes


def test_a_boolean_field_is_one_checkbox_labelled_by_the_field(render_string):
    html = render_field(render_string, EverythingForm(), "agree")

    box = one(html, "input", type="checkbox", name="agree")
    assert box.attrs["value"] == "true"
    assert "checked" not in box.attrs
    assert one(html, "label", **{"for": "id_agree"})
    assert elements(html, "fieldset") == []


def test_a_date_field_is_a_govuk_date_input_with_three_named_boxes(render_string):
    html = render_field(render_string, EverythingForm(), "happened")

    assert one(html, "div", class_="govuk-date-input").attrs["id"] == "id_happened"
    names = [e.attrs["name"] for e in elements(html, "input", class_="govuk-date-input__input")]
    assert names == ["happened-day", "happened-month", "happened-year"]
    assert one(html, "input", name="happened-year").attrs["inputmode"] == "numeric"


def test_initial_values_are_shown(render_string):
    form = EverythingForm(
        initial={"name": "Ann", "colour": "green", "happened": dt.date(2026, 2, 3)}
    )

    assert one(render_field(render_string, form, "name"), "input").attrs["value"] == "Ann"
    assert (
        "checked" in one(render_field(render_string, form, "colour"), "input", value="green").attrs
    )
    date_html = render_field(render_string, form, "happened")
    assert one(date_html, "input", name="happened-month").attrs["value"] == "2"


def test_a_page_can_make_the_label_its_heading(render_string):
    html = render_field(
        render_string,
        EverythingForm(),
        "name",
        label={"isPageHeading": True, "classes": "govuk-label--xl"},
    )

    assert one(html, "h1", class_="govuk-label-wrapper")
    assert "govuk-label--xl" in one(html, "label").classes


def test_a_plain_django_field_still_renders_as_a_component(render_string):
    from django import forms

    class Plain(forms.Form):
        notes = forms.CharField(widget=forms.Textarea)
        kind = forms.ChoiceField(choices=[("a", "A")], widget=forms.RadioSelect)

    form = Plain()

    assert "govuk-textarea" in one(render_field(render_string, form, "notes"), "textarea").classes
    assert one(render_field(render_string, form, "kind"), "input", type="radio")


def test_overriding_the_legend_classes_keeps_the_legend_text(render_string):
    html = render_field(
        render_string,
        EverythingForm(),
        "colour",
        fieldset={"legend": {"classes": "govuk-fieldset__legend--s"}},
    )

    legend = one(html, "legend", class_="govuk-fieldset__legend")
    assert "govuk-fieldset__legend--s" in legend.classes
    assert "Colour" in html.split("<legend", 1)[1].split("</legend>", 1)[0]
