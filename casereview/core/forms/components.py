"""Design-system components: how a bound Django form field becomes a GOV.UK Frontend macro call.

Each component knows the macro it calls and builds that macro's parameters from a bound field
(label, hint, value, error message), and where the error summary should link to. Fields choose
their component (``casereview.core.forms.fields``); plain Django fields get one from their widget,
so a ``ModelForm`` renders too.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext

MACROS = "govuk_frontend_jinja/components"


@dataclass(frozen=True)
class FieldOptions:
    """How one field is presented, whatever its component.

    ``label_classes`` go on the label (or the fieldset legend for grouped inputs);
    ``is_page_heading`` wraps the label or legend in the page's <h1>.
    ``attributes`` are extra HTML attributes on the input (or the group of inputs).
    """

    label_classes: str | None = None
    is_page_heading: bool = False
    classes: str | None = None
    form_group_classes: str | None = None
    attributes: Mapping[str, Any] = field(default_factory=dict)
    autocomplete: str | None = None
    spellcheck: bool | None = None
    inputmode: str | None = None


DEFAULT_OPTIONS = FieldOptions()


def options_of(bound_field: forms.BoundField) -> FieldOptions:
    return getattr(bound_field.field, "options", DEFAULT_OPTIONS)


def first_error(bound_field: forms.BoundField) -> ValidationError | None:
    """The field's first error (GOV.UK shows one message per field), with its code."""
    if not bound_field.form.is_bound or not bound_field.errors:
        return None
    errors = bound_field.form.errors.as_data().get(bound_field.name) or []
    return errors[0] if errors else None


def _text(value: Any) -> str | None:
    return str(value) if value not in (None, "") else None


def _values(value: Any) -> list[str]:
    """A field's current value(s) as strings, to compare with choice values."""
    if value is None:
        return []
    if isinstance(value, str) or not isinstance(value, Iterable):
        return [str(value)]
    return [str(v) for v in value]


def _choices(bound_field: forms.BoundField) -> list[tuple[str, str]]:
    """Flat (value, label) pairs, without Django's empty "---------" choice: radios and
    checkboxes start with nothing selected, which says the same thing accessibly."""
    pairs: list[tuple[str, str]] = []
    for value, label in getattr(bound_field.field, "choices", []):
        if isinstance(label, list | tuple):
            pairs.extend((str(v), str(lbl)) for v, lbl in label)
        elif value not in (None, ""):
            pairs.append((str(value), str(label)))
    return pairs


class Component(ABC):
    """The shared parameters; subclasses add what their macro needs."""

    template: ClassVar[str]
    macro: ClassVar[str]
    # Grouped inputs (radios, checkboxes, date) sit in a fieldset with a legend.
    grouped: ClassVar[bool] = False

    def element_id(self, bound_field: forms.BoundField) -> str:
        return bound_field.auto_id or bound_field.html_name

    def error_href(self, bound_field: forms.BoundField) -> str:
        return "#" + self.element_id(bound_field)

    def label(self, bound_field: forms.BoundField) -> dict[str, Any]:
        options = options_of(bound_field)
        if self.grouped:
            default = (
                "govuk-fieldset__legend--l"
                if options.is_page_heading
                else "govuk-fieldset__legend--m"
            )
        else:
            default = "govuk-label--l" if options.is_page_heading else ""
        return {
            "text": str(bound_field.label),
            "classes": options.label_classes if options.label_classes is not None else default,
            "isPageHeading": options.is_page_heading,
        }

    def common(self, bound_field: forms.BoundField) -> dict[str, Any]:
        options = options_of(bound_field)
        params: dict[str, Any] = {"name": bound_field.html_name}
        help_text = _text(bound_field.help_text)
        if help_text:
            params["hint"] = {"text": help_text}
        error = first_error(bound_field)
        if error is not None:
            params["errorMessage"] = {
                "text": " ".join(error.messages[:1]),
                # Read out before the message ("Error: Enter your name"), in the page's language.
                "visuallyHiddenText": gettext("Error"),
            }
        if options.classes:
            params["classes"] = options.classes
        if options.form_group_classes:
            params["formGroup"] = {"classes": options.form_group_classes}
        if options.attributes:
            params["attributes"] = dict(options.attributes)
        if bound_field.field.disabled:
            params["disabled"] = True
        return params

    @abstractmethod
    def params(self, bound_field: forms.BoundField) -> dict[str, Any]:
        """The parameters of the component's macro for this bound field."""


class Input(Component):
    template = f"{MACROS}/input/macro.html"
    macro = "govukInput"

    def __init__(self, input_type: str = "text") -> None:
        self.input_type = input_type

    def params(self, bound_field: forms.BoundField) -> dict[str, Any]:
        options = options_of(bound_field)
        params = self.common(bound_field)
        params.update(
            id=self.element_id(bound_field),
            type=self.input_type,
            label=self.label(bound_field),
        )
        value = _text(bound_field.value())
        if value is not None:
            params["value"] = value
        for key in ("autocomplete", "inputmode"):
            if getattr(options, key):
                params[key] = getattr(options, key)
        if options.spellcheck is not None:
            params["spellcheck"] = options.spellcheck
        return params


class PasswordInput(Component):
    """govukPasswordInput: the show/hide button only appears with JavaScript.

    A password is never sent back to the browser, not even after an error elsewhere on the form.
    """

    template = f"{MACROS}/password-input/macro.html"
    macro = "govukPasswordInput"

    def params(self, bound_field: forms.BoundField) -> dict[str, Any]:
        options = options_of(bound_field)
        params = self.common(bound_field)
        params.update(
            id=self.element_id(bound_field),
            label=self.label(bound_field),
            autocomplete=options.autocomplete or "current-password",
            showPasswordText=gettext("Show"),
            hidePasswordText=gettext("Hide"),
            showPasswordAriaLabelText=gettext("Show password"),
            hidePasswordAriaLabelText=gettext("Hide password"),
            passwordShownAnnouncementText=gettext("Your password is visible"),
            passwordHiddenAnnouncementText=gettext("Your password is hidden"),
        )
        return params


class Textarea(Component):
    template = f"{MACROS}/textarea/macro.html"
    macro = "govukTextarea"

    def __init__(self, rows: int = 5) -> None:
        self.rows = rows

    def params(self, bound_field: forms.BoundField) -> dict[str, Any]:
        options = options_of(bound_field)
        params = self.common(bound_field)
        params.update(
            id=self.element_id(bound_field), label=self.label(bound_field), rows=self.rows
        )
        value = _text(bound_field.value())
        if value is not None:
            params["value"] = value
        if options.autocomplete:
            params["autocomplete"] = options.autocomplete
        if options.spellcheck is not None:
            params["spellcheck"] = options.spellcheck
        return params


class Select(Component):
    template = f"{MACROS}/select/macro.html"
    macro = "govukSelect"

    def params(self, bound_field: forms.BoundField) -> dict[str, Any]:
        params = self.common(bound_field)
        current = _values(bound_field.value())
        # A select always shows something; an empty first option makes "nothing chosen yet" honest.
        items: list[dict[str, Any]] = [{"value": "", "text": "", "selected": not current}]
        items += [
            {"value": value, "text": text, "selected": value in current}
            for value, text in _choices(bound_field)
        ]
        params.update(id=self.element_id(bound_field), label=self.label(bound_field), items=items)
        return params


class ChoiceGroup(Component):
    """A fieldset of options, one item per choice: radios or checkboxes."""

    grouped = True
    # The design system's class for options laid out in a row, where the component has one.
    inline_class: str | None = None

    def __init__(self, inline: bool = False) -> None:
        self.inline = inline

    def params(self, bound_field: forms.BoundField) -> dict[str, Any]:
        params = self.common(bound_field)
        current = _values(bound_field.value())
        params.update(
            idPrefix=self.element_id(bound_field),
            fieldset={"legend": self.label(bound_field)},
            items=[
                {"value": value, "text": text, "checked": value in current}
                for value, text in _choices(bound_field)
            ],
        )
        if self.inline and self.inline_class:
            params["classes"] = " ".join(filter(None, [self.inline_class, params.get("classes")]))
        return params


class Radios(ChoiceGroup):
    template = f"{MACROS}/radios/macro.html"
    macro = "govukRadios"
    inline_class = "govuk-radios--inline"


class Checkboxes(ChoiceGroup):
    template = f"{MACROS}/checkboxes/macro.html"
    macro = "govukCheckboxes"


class SingleCheckbox(Component):
    """One yes/no checkbox ("I agree ..."): the field's label is the checkbox's own label."""

    template = f"{MACROS}/checkboxes/macro.html"
    macro = "govukCheckboxes"

    def params(self, bound_field: forms.BoundField) -> dict[str, Any]:
        params = self.common(bound_field)
        item: dict[str, Any] = {
            "value": "true",
            "text": str(bound_field.label),
            "checked": bool(bound_field.value()),
        }
        # The hint belongs to the one checkbox, not to a group that has no legend.
        hint = params.pop("hint", None)
        if hint:
            item["hint"] = hint
        params.update(idPrefix=self.element_id(bound_field), items=[item])
        return params


DATE_PARTS = ("day", "month", "year")


class DateInput(Component):
    template = f"{MACROS}/date-input/macro.html"
    macro = "govukDateInput"
    grouped = True

    def error_parts(self, bound_field: forms.BoundField) -> tuple[str, ...]:
        """The boxes to highlight: only the missing ones when a part is missing, only the
        year when the year is malformed, otherwise all three."""
        error = first_error(bound_field)
        if error is None:
            return ()
        if error.code == "year_format":
            return ("year",)
        if error.code == "incomplete":
            value = bound_field.value() or {}
            missing = tuple(p for p in DATE_PARTS if not str(value.get(p, "")).strip())
            return missing or DATE_PARTS
        return DATE_PARTS

    def error_href(self, bound_field: forms.BoundField) -> str:
        parts = self.error_parts(bound_field) or DATE_PARTS
        return f"#{self.element_id(bound_field)}-{parts[0]}"

    def params(self, bound_field: forms.BoundField) -> dict[str, Any]:
        options = options_of(bound_field)
        params = self.common(bound_field)
        params.pop("name")
        value = bound_field.value() or {}
        in_error = self.error_parts(bound_field)
        labels = {"day": gettext("Day"), "month": gettext("Month"), "year": gettext("Year")}
        widths = {"day": 2, "month": 2, "year": 4}
        items = []
        for part in DATE_PARTS:
            classes = f"govuk-input--width-{widths[part]}"
            if part in in_error:
                classes += " govuk-input--error"
            item: dict[str, Any] = {
                "name": part,
                "label": labels[part],
                "classes": classes,
                "value": _text(value.get(part)) if isinstance(value, Mapping) else None,
            }
            # "bday" becomes bday-day, bday-month, bday-year (the HTML autofill names).
            if options.autocomplete:
                item["autocomplete"] = f"{options.autocomplete}-{part}"
            items.append(item)
        params.update(
            id=self.element_id(bound_field),
            namePrefix=bound_field.html_name,
            fieldset={"legend": self.label(bound_field)},
            items=items,
        )
        return params


def component_for(field: forms.Field) -> Component:
    """The field's own component, or one chosen from a plain Django field's widget."""
    own = getattr(field, "component", None)
    if isinstance(own, Component):
        return own
    widget = field.widget
    if isinstance(widget, forms.CheckboxInput):
        return SingleCheckbox()
    if isinstance(widget, forms.CheckboxSelectMultiple | forms.SelectMultiple):
        return Checkboxes()
    if isinstance(widget, forms.RadioSelect):
        return Radios()
    if isinstance(widget, forms.Select):
        return Select()
    if isinstance(widget, forms.Textarea):
        return Textarea()
    if isinstance(widget, forms.PasswordInput):
        return PasswordInput()
    input_type = getattr(widget, "input_type", "text")
    if input_type in {"email", "tel", "url"}:
        return Input(input_type)
    return Input()
