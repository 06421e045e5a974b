"""Forms that know how to summarise their errors in the GOV.UK error-summary pattern."""

from __future__ import annotations

from typing import Any

from django import forms

from casereview.core.forms.components import component_for


def summary_items(form: forms.BaseForm) -> list[dict[str, Any]]:
    """One item per error the person must fix, in the order they appear on the page."""
    if not form.is_bound or not form.errors:
        return []
    # Errors not about one field (for example "Enter a correct email address and password")
    # come first, as plain text: there is no single input to link to. So do errors on hidden
    # fields, which the person cannot see or reach.
    items: list[dict[str, Any]] = [{"text": str(error)} for error in form.non_field_errors()]
    for hidden in form.hidden_fields():
        items.extend({"text": str(error)} for error in hidden.errors[:1])
    for bound_field in form.visible_fields():
        if bound_field.errors:
            items.append(
                {
                    "text": str(bound_field.errors[0]),
                    "href": component_for(bound_field.field).error_href(bound_field),
                }
            )
    return items


class DesignSystemFormMixin:
    """Adds ``error_summary_items()`` and ``has_errors`` to a Django form (or ModelForm).

    Page layouts prefix the <title> with "Error: " when the context's ``form`` has errors (see
    ``layouts/base.html``), and ``{{ error_summary(form) }}`` lists the same errors, each linking
    to the input it is about.
    """

    def error_summary_items(self) -> list[dict[str, Any]]:
        assert isinstance(self, forms.BaseForm)
        return summary_items(self)

    @property
    def has_errors(self) -> bool:
        assert isinstance(self, forms.BaseForm)
        return self.is_bound and bool(self.errors)


class DesignSystemForm(DesignSystemFormMixin, forms.Form):
    pass


class DesignSystemModelForm(DesignSystemFormMixin, forms.ModelForm):
    pass
