"""The forms of the duties' pages: recording that the Case Review was explained, and the one
button that opens a case for a person on the repeat-victim list."""

from __future__ import annotations

from typing import cast

from django import forms
from django.utils.translation import gettext_lazy as _

from casereview.core.forms import ChoiceField, DateField, DesignSystemForm, TextareaField
from casereview.partners.models import ExplainedHow


class ExplainedForm(DesignSystemForm):
    """The rules of the date (not before the prompt was raised) are the service's; the form
    checks it is a real date, not in the future."""

    on = DateField(
        label=_("When was the ASB Case Review explained to them?"),
        label_classes="govuk-fieldset__legend--s",
        hint=_("For example, 27 3 2026"),
        error_name=cast(str, _("the date it was explained")),
        not_in_future=True,
    )
    how = ChoiceField(
        label=_("How was it explained?"),
        label_classes="govuk-fieldset__legend--s",
        choices=ExplainedHow.choices,
        error_messages={
            "required": _("Choose how the review was explained"),
            "invalid_choice": _("Choose how the review was explained"),
        },
    )
    note = TextareaField(
        label=_("Note (optional)"),
        hint=_("For example, what they said, or that they want to apply."),
        required=False,
        rows=4,
    )


class OpenCaseForm(DesignSystemForm):
    """ "Open a case" on one row of the list: which person (hidden)."""

    person = forms.IntegerField(
        widget=forms.HiddenInput,
        min_value=1,
        error_messages={
            "required": _("Choose a person on the list."),
            "invalid": _("Choose a person on the list."),
            "min_value": _("Choose a person on the list."),
        },
    )
