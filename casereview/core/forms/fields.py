"""Django form fields that render themselves as GOV.UK design-system components.

Each field is an ordinary Django field (same cleaning and validation) that also carries the
component that renders it and the presentation options the page needs::

    email = EmailField(label=_("Email address"), hint=_("We'll only use this to ..."))
    reason = TextareaField(label=_("What happened?"), rows=8, is_page_heading=True)
    route = ChoiceField(choices=ROUTES, inline=True)

Templates then write ``{{ form_field(form["email"]) }}``; no page hand-writes component HTML.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django import forms

from casereview.core.forms.components import (
    Checkboxes,
    Component,
    FieldOptions,
    Input,
    PasswordInput,
    Radios,
    Select,
    SingleCheckbox,
    Textarea,
)


class DesignSystemField:
    """Takes the presentation options off the keyword arguments before Django sees them.

    ``hint`` is the design system's name for Django's ``help_text`` (shown as plain text).
    """

    component: Component
    options: FieldOptions

    def __init__(
        self,
        *args: Any,
        hint: str | None = None,
        label_classes: str | None = None,
        is_page_heading: bool = False,
        classes: str | None = None,
        form_group_classes: str | None = None,
        attributes: Mapping[str, Any] | None = None,
        autocomplete: str | None = None,
        spellcheck: bool | None = None,
        inputmode: str | None = None,
        **kwargs: Any,
    ) -> None:
        if hint is not None:
            kwargs["help_text"] = hint
        self.options = FieldOptions(
            label_classes=label_classes,
            is_page_heading=is_page_heading,
            classes=classes,
            form_group_classes=form_group_classes,
            attributes=dict(attributes or {}),
            autocomplete=autocomplete,
            spellcheck=spellcheck,
            inputmode=inputmode,
        )
        super().__init__(*args, **kwargs)


class CharField(DesignSystemField, forms.CharField):
    """govukInput. ``input_type`` is "text" (default), "email", "tel", "url" or "password"."""

    def __init__(self, *args: Any, input_type: str = "text", **kwargs: Any) -> None:
        self.component = PasswordInput() if input_type == "password" else Input(input_type)
        if input_type in {"email", "tel", "url"}:
            # Addresses and numbers are not words: spell-checking them only draws red lines.
            kwargs.setdefault("spellcheck", False)
        super().__init__(*args, **kwargs)


class EmailField(DesignSystemField, forms.EmailField):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.component = Input("email")
        kwargs.setdefault("spellcheck", False)
        kwargs.setdefault("autocomplete", "email")
        super().__init__(*args, **kwargs)


class PasswordField(DesignSystemField, forms.CharField):
    """govukPasswordInput. Pass ``autocomplete="new-password"`` when setting a password."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.component = PasswordInput()
        # Spaces are part of a password.
        kwargs.setdefault("strip", False)
        super().__init__(*args, **kwargs)


class TextareaField(DesignSystemField, forms.CharField):
    def __init__(self, *args: Any, rows: int = 5, **kwargs: Any) -> None:
        self.component = Textarea(rows=rows)
        super().__init__(*args, **kwargs)


class IntegerField(DesignSystemField, forms.IntegerField):
    """govukInput with a numeric keypad, not ``type=number`` (which the design system avoids:
    it rounds, scrolls and rejects what people type)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.component = Input("text")
        kwargs.setdefault("inputmode", "numeric")
        kwargs.setdefault("spellcheck", False)
        super().__init__(*args, **kwargs)


class ChoiceField(DesignSystemField, forms.ChoiceField):
    """govukRadios; ``inline=True`` for two short answers such as Yes / No."""

    def __init__(self, *args: Any, inline: bool = False, **kwargs: Any) -> None:
        self.component = Radios(inline=inline)
        super().__init__(*args, **kwargs)


class SelectField(DesignSystemField, forms.ChoiceField):
    """govukSelect, for long lists where radios would not fit (use sparingly)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.component = Select()
        super().__init__(*args, **kwargs)


class MultipleChoiceField(DesignSystemField, forms.MultipleChoiceField):
    """govukCheckboxes."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.component = Checkboxes()
        super().__init__(*args, **kwargs)


class BooleanField(DesignSystemField, forms.BooleanField):
    """A single govukCheckboxes item. As in Django, ``required=True`` (the default) means the box
    must be ticked: pass ``required=False`` for an optional yes/no."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.component = SingleCheckbox()
        super().__init__(*args, **kwargs)
