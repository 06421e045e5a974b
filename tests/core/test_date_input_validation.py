"""A date typed into three boxes gets the GOV.UK date-input error messages."""

import datetime as dt

import pytest
import time_machine

from casereview.core import forms
from tests.core.conftest import elements, one


class IncidentForm(forms.DesignSystemForm):
    happened = forms.DateField(
        label="When did it happen?", error_name="the date it happened", not_in_future=True
    )


def errors_for(day, month, year):
    form = IncidentForm(data={"happened-day": day, "happened-month": month, "happened-year": year})
    assert not form.is_valid()
    return form.errors["happened"]


def test_a_complete_real_date_is_accepted():
    form = IncidentForm(data={"happened-day": "3", "happened-month": "02", "happened-year": "2026"})

    assert form.is_valid(), form.errors
    assert form.cleaned_data["happened"] == dt.date(2026, 2, 3)


def test_month_names_are_accepted_as_well_as_numbers():
    form = IncidentForm(
        data={"happened-day": "3", "happened-month": "Feb", "happened-year": "2026"}
    )

    assert form.is_valid(), form.errors
    assert form.cleaned_data["happened"] == dt.date(2026, 2, 3)


def test_nothing_entered_asks_for_the_date():
    assert errors_for("", "", "") == ["Enter the date it happened"]


def test_a_missing_month_is_named():
    assert errors_for("3", "", "2026") == ["The date it happened must include a month"]


def test_two_missing_parts_are_named_together():
    assert errors_for("", "", "2026") == ["The date it happened must include a day and month"]


def test_30_february_is_not_a_real_date():
    assert errors_for("30", "2", "2026") == ["The date it happened must be a real date"]


@pytest.mark.parametrize(("day", "month", "year"), [("x", "2", "2026"), ("1", "2", "twenty")])
def test_letters_in_the_boxes_are_not_a_real_date(day, month, year):
    assert errors_for(day, month, year) == ["The date it happened must be a real date"]


def test_a_two_digit_year_must_have_four_numbers():
    assert errors_for("3", "2", "26") == ["Year must include 4 numbers"]


@time_machine.travel(dt.datetime(2026, 3, 1, 12, 0, tzinfo=dt.UTC), tick=False)
def test_a_date_in_the_future_is_refused_when_it_must_be_past():
    assert errors_for("2", "3", "2026") == ["The date it happened must be today or in the past"]


@time_machine.travel(dt.datetime(2026, 3, 1, 12, 0, tzinfo=dt.UTC), tick=False)
def test_today_is_allowed_when_the_date_must_be_past():
    form = IncidentForm(data={"happened-day": "1", "happened-month": "3", "happened-year": "2026"})

    assert form.is_valid(), form.errors


def test_an_optional_date_may_be_left_empty():
    class Optional(forms.DesignSystemForm):
        when = forms.DateField(required=False)

    form = Optional(data={"when-day": "", "when-month": "", "when-year": ""})

    assert form.is_valid()
    assert form.cleaned_data["when"] is None


def test_a_form_can_word_its_own_required_message():
    class Worded(forms.DesignSystemForm):
        born = forms.DateField(error_messages={"required": "Enter your date of birth"})

    form = Worded(data={})

    assert form.errors["born"] == ["Enter your date of birth"]


def test_only_the_missing_box_is_highlighted_and_linked(render_string):
    form = IncidentForm(data={"happened-day": "3", "happened-month": "", "happened-year": "2026"})
    html = render_string(
        "{{ error_summary(form) }}{{ form_field(form['happened']) }}", {"form": form}
    )

    highlighted = [e.attrs["name"] for e in elements(html, "input", class_="govuk-input--error")]
    assert highlighted == ["happened-month"]
    assert one(html, "a", href="#id_happened-month")


def test_a_date_that_is_not_real_highlights_every_box_and_links_the_day(render_string):
    form = IncidentForm(data={"happened-day": "30", "happened-month": "2", "happened-year": "2026"})
    html = render_string(
        "{{ error_summary(form) }}{{ form_field(form['happened']) }}", {"form": form}
    )

    assert len(elements(html, "input", class_="govuk-input--error")) == 3
    assert one(html, "a", href="#id_happened-day")
