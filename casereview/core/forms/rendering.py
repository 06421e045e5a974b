"""The Jinja globals that render forms: ``form_field`` and ``error_summary``.

    {{ error_summary(form) }}
    {{ form_field(form["email"]) }}
    {{ form_field(form["name"], classes="govuk-input--width-20", label={"isPageHeading": True}) }}

Overrides are the GOV.UK macro's own parameter names; a dictionary override (``label``,
``hint``, ``fieldset``) is merged into the field's, anything else replaces it.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext
from jinja2 import Environment, pass_environment
from markupsafe import Markup

from casereview.core.components import render_component
from casereview.core.forms.components import component_for
from casereview.core.forms.mixins import summary_items


def merge(params: dict[str, Any], overrides: dict[str, Any]) -> dict[str, Any]:
    """``params`` with ``overrides`` laid over it, nested dictionaries merged at every depth (so
    ``fieldset={"legend": {"classes": ...}}`` keeps the legend's text)."""
    merged = dict(params)
    for key, value in overrides.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def call_macro(env: Environment, template: str, macro: str, params: dict[str, Any]) -> Markup:
    """The GOV.UK macro's markup for ``params``, kept by its parameters
    (``casereview.core.components``): a form shown again with the same values is not
    rendered again."""
    return render_component(env, template, macro, params)


@pass_environment
def form_field(env: Environment, bound_field: forms.BoundField, **overrides: Any) -> Markup:
    if not isinstance(bound_field, forms.BoundField):
        raise TypeError(
            "form_field() takes a bound field, for example form_field(form['email']); "
            f"it was given {type(bound_field).__name__}"
        )
    component = component_for(bound_field.field)
    params = merge(component.params(bound_field), overrides)
    return call_macro(env, component.template, component.macro, params)


@pass_environment
def error_summary(env: Environment, form: forms.BaseForm | Any, **overrides: Any) -> Markup:
    """govukErrorSummary when the form has errors; nothing otherwise."""
    # Templates call this on every render, with or without a form in the context.
    if not isinstance(form, forms.BaseForm) or not form.is_bound or not form.errors:
        return Markup("")
    params = merge(
        {"titleText": gettext("There is a problem"), "errorList": summary_items(form)}, overrides
    )
    return call_macro(
        env,
        "govuk_frontend_jinja/components/error-summary/macro.html",
        "govukErrorSummary",
        params,
    )
